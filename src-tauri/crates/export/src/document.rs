//! One document, whatever its format: the header, sections of labelled texts, lists and an
//! action table, and the footer's "Vertrouwelijk — bestemd voor …".

/// A document as every renderer receives it; everything in it may go to the recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// "Verslag kernteam De Linde".
    pub title: String,
    /// "di 24 nov 2026, 09:00 · Kamer zorgteam".
    pub subtitle: String,
    pub school: String,
    pub team: String,
    /// The recipient as the footer names it.
    pub recipient: String,
    /// "versie 1, vastgesteld di 24 nov 2026".
    pub status: String,
    pub made_on: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Section {
    pub heading: String,
    pub fields: Vec<Field>,
    /// Decisions and other lines, each a bullet.
    pub bullets: Vec<String>,
    pub actions: Vec<ActionLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Field {
    pub label: String,
    pub text: String,
}

/// "Wie doet wat wanneer" as one table row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActionLine {
    pub what: String,
    pub who: String,
    pub due: String,
}

impl Document {
    pub fn footer(&self) -> String {
        format!("Vertrouwelijk — bestemd voor {}", self.recipient)
    }
}
