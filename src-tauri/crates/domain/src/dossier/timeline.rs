use super::*;
use chrono::NaiveDate;

/// A recorded signal (signaal) as the casus screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignalRow {
    /// The day it was observed, ISO date.
    pub observed_on: NaiveDate,
    /// Who or what noticed it.
    pub source: String,
    /// The domain it belongs to: verzuim, development, behaviour, home situation, health or safety.
    pub category: crate::casus::SignalCategory,
    /// What was seen.
    pub description: String,
    /// Recorded in the anonymous consultation this casus was converted from.
    pub from_anonymous: bool,
}

/// The casus of a sibling, linked both ways (siblings are never one casus).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedCasus {
    /// The sibling's casus.
    pub id: CasusId,
    /// The sibling's name, or the pseudonym of an anonymous casus.
    pub label: String,
    /// The sibling's initials (the pseudonym when anonymous).
    pub initials: String,
    /// The family note both linked casussen share; `None` when none was written.
    pub family_note: Option<String>,
}

/// One line in the chronologie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineItem {
    /// ISO date or time; sorts newest first.
    pub at: String,
    /// What sort of event: aanmelding, signal, consent, note, meeting, action, export …
    pub kind: TimelineKind,
    /// What happened, in Dutch, with dates written the Dutch way.
    pub text: String,
    /// The same as a code with its facts, for the UI to word in another language.
    pub event: TimelineEvent,
}

impl TimelineItem {
    /// The line for `event` at `at`, with its kind and Dutch sentence.
    pub fn new(at: String, event: TimelineEvent) -> Self {
        Self {
            at,
            kind: event.kind(),
            text: event.dutch(),
            event,
        }
    }
}

vocabulary!(
    /// What kind of event a line on a casus's timeline records.
    TimelineKind {
        Aanmelding => ("aanmelding", "Aanmelding"),
        Signaal => ("signaal", "Signaal"),
        Toestemming => ("toestemming", "Toestemming"),
        Notitie => ("notitie", "Notitie"),
        Overleg => ("overleg", "Overleg"),
        Actie => ("actie", "Actie"),
        Status => ("status", "Status"),
        Export => ("export", "Export"),
        Verzuim => ("verzuim", "Verzuim"),
    }
);

/// How a closed casus was closed (afsluiting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClosureView {
    /// The day it was closed, ISO date.
    pub closed_on: NaiveDate,
    /// Why it was closed.
    pub reason: ClosureReason,
    /// The reason in Dutch, for the screen.
    pub reason_label: String,
    /// What was achieved (attendance, help in place, placement); `None` when none was recorded.
    pub outcome: Option<String>,
    /// When the bewaartermijn (retention term) ends and deletion is due, ISO date; `None` if unset.
    pub retention_until: Option<NaiveDate>,
}
