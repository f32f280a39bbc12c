//! One document, whatever its format: the header, sections of labelled texts, lists and an
//! action table, and the footer's "Vertrouwelijk — bestemd voor …".

/// A document as every renderer receives it; everything in it may go to the recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// "Verslag kernteam De Linde".
    pub title: String,
    /// "di 24 nov 2026, 09:00 · Kamer zorgteam".
    pub subtitle: String,
    /// The school's name, shown in the header.
    pub school: String,
    /// The kernteam's name, shown in the header.
    pub team: String,
    /// The recipient as the footer names it.
    pub recipient: String,
    /// "versie 1, vastgesteld di 24 nov 2026".
    pub status: String,
    /// The day the document was made, in Dutch (`di 24 nov 2026`), shown as "gemaakt …".
    pub made_on: String,
    /// The body, in order; may be empty.
    pub sections: Vec<Section>,
}

/// One part of a document under a heading: labelled texts, then bullets, then an action table.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Section {
    /// The heading, e.g. the pupil and the item, "Aanwezig" or "Hulpvraag".
    pub heading: String,
    /// Labelled texts ("Feiten", "Regie", …) in order; may be empty.
    pub fields: Vec<Field>,
    /// Decisions and other lines, each a bullet.
    pub bullets: Vec<String>,
    /// Actions as "wie doet wat wanneer" table rows; empty means no table.
    pub actions: Vec<ActionLine>,
}

/// A labelled text: a short label over a paragraph of free text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Field {
    /// The label, e.g. "Feiten" or "Volgende bespreking".
    pub label: String,
    /// The text under the label; may span several lines.
    pub text: String,
}

/// "Wie doet wat wanneer" as one table row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActionLine {
    /// What is to be done.
    pub what: String,
    /// Who does it, as the action names its owner; "—" when no one is named.
    pub who: String,
    /// By when, as a Dutch date (`di 14 okt 2025`) or "—"; an action list adds "(te laat)" when
    /// overdue.
    pub due: String,
}

impl Document {
    /// The confidentiality line naming who the document is for:
    /// `Vertrouwelijk — bestemd voor …`.
    pub fn footer(&self) -> String {
        format!("Vertrouwelijk — bestemd voor {}", self.recipient)
    }
}
