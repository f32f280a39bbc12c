//! The titles the agenda builder writes itself, as codes with their counts: the UI words them in
//! the chosen language, [`BuiltTitle::dutch`] is the Dutch one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A title the builder wrote (not a pupil's initials or a theme someone typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum BuiltTitle {
    /// Opening, presence and confidentiality.
    Opening,
    /// The review of the open actions.
    #[serde(rename_all = "camelCase")]
    ActionReview {
        /// How many actions are open.
        open: u32,
        /// How many of them are past their due date on the meeting day.
        overdue: u32,
        /// How many were logged as urgent between meetings.
        urgent: u32,
    },
    /// Any other business and the date of the next meeting.
    Rondvraag,
}

impl BuiltTitle {
    /// The title in Dutch, as the agenda shows it.
    pub fn dutch(self) -> String {
        match self {
            Self::Opening => "Opening, aanwezigheid en geheimhouding".to_owned(),
            Self::ActionReview {
                open,
                overdue,
                urgent,
            } => {
                let mut title = format!("{open} openstaande acties");
                if overdue > 0 {
                    title.push_str(&format!(", {overdue} te laat"));
                }
                if urgent > 0 {
                    title.push_str(&format!(", {urgent} urgent tussendoor"));
                }
                title
            }
            Self::Rondvraag => "Rondvraag en datum volgend overleg".to_owned(),
        }
    }
}
