use super::*;
use crate::ActionStatus;

/// What one line of the chronologie records, as a code with its facts. The UI words it in the
/// chosen language; [`TimelineEvent::dutch`] is the Dutch sentence (`TimelineItem::text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum TimelineEvent {
    /// The casus was registered (aanmelding).
    #[serde(rename_all = "camelCase")]
    Registered {
        /// An anonymous consultation rather than a casus by name.
        anonymous: bool,
    },
    /// A signal was recorded.
    #[serde(rename_all = "camelCase")]
    Signal {
        /// Who or what noticed it.
        source: String,
        /// What was seen.
        description: String,
    },
    /// A consent (toestemming) was recorded.
    #[serde(rename_all = "camelCase")]
    ConsentGiven {
        /// The last day it is valid, ISO date.
        valid_until: String,
    },
    /// A consent was withdrawn.
    #[serde(rename_all = "camelCase")]
    ConsentWithdrawn {
        /// Why, as entered; `None` when no reason was given.
        reason: Option<String>,
    },
    /// A note was written (only notes the viewer may read are on the timeline).
    #[serde(rename_all = "camelCase")]
    Note {
        /// Preparation, discussion or feedback.
        note_kind: NoteKind,
        /// The kind of data it holds.
        category: DataCategory,
        /// Still a private preparation note, shown to its author only.
        private: bool,
        /// The first 120 characters of its facts; `None` when it has only opinions.
        excerpt: Option<String>,
    },
    /// The casus was on a meeting of the kernteam.
    Discussed,
    /// An action was agreed for the casus.
    #[serde(rename_all = "camelCase")]
    Action {
        /// What is to be done, as entered.
        description: String,
        /// The day it is due, ISO date; `None` without a due date.
        due_on: Option<String>,
        /// Where it stands.
        status: ActionStatus,
    },
    /// The absence hours were recorded at a moment of the casus.
    #[serde(rename_all = "camelCase")]
    AbsenceSnapshot {
        /// At intake, at a review or at closure.
        moment: SnapshotMoment,
    },
    /// The casus was closed; `reason` is the conversion when an anonymous consultation became a
    /// casus by name.
    #[serde(rename_all = "camelCase")]
    Closed {
        /// Why; `None` for a casus closed before reasons were kept.
        reason: Option<ClosureReason>,
    },
    /// A document about the casus left the app.
    #[serde(rename_all = "camelCase")]
    Exported {
        /// For whom, as the export log names the recipient.
        recipient: String,
        /// The file format (pdf, docx, md).
        format: String,
        /// Sealed under a password.
        encrypted: bool,
    },
}

impl TimelineEvent {
    /// The kind of line, for the timeline's filter.
    pub fn kind(&self) -> TimelineKind {
        match self {
            Self::Registered { .. } => TimelineKind::Aanmelding,
            Self::Signal { .. } => TimelineKind::Signaal,
            Self::ConsentGiven { .. } | Self::ConsentWithdrawn { .. } => TimelineKind::Toestemming,
            Self::Note { .. } => TimelineKind::Notitie,
            Self::Discussed => TimelineKind::Overleg,
            Self::Action { .. } => TimelineKind::Actie,
            Self::AbsenceSnapshot { .. } => TimelineKind::Verzuim,
            Self::Closed { .. } => TimelineKind::Status,
            Self::Exported { .. } => TimelineKind::Export,
        }
    }

    /// The line in Dutch, with its dates written the Dutch way ("di 14 okt 2025").
    pub fn dutch(&self) -> String {
        match self {
            Self::Registered { anonymous: true } => "Anonieme bespreking aangemeld".to_owned(),
            Self::Registered { anonymous: false } => "Casus aangemeld".to_owned(),
            Self::Signal {
                source,
                description,
            } => format!("{source}: {description}"),
            Self::ConsentGiven { valid_until } => {
                format!(
                    "Toestemming vastgelegd, geldig tot en met {}",
                    dutch_day(valid_until)
                )
            }
            Self::ConsentWithdrawn { reason } => match reason {
                Some(reason) => format!("Toestemming ingetrokken: {reason}"),
                None => "Toestemming ingetrokken".to_owned(),
            },
            Self::Note {
                note_kind,
                category,
                private,
                excerpt,
            } => {
                let mut text = format!("{} ({})", note_kind.label(), category.code());
                if *private {
                    text.push_str(", alleen voor u");
                }
                if let Some(excerpt) = excerpt {
                    text.push_str(&format!(": {excerpt}"));
                }
                text
            }
            Self::Discussed => "Besproken in het kernteam".to_owned(),
            Self::Action {
                description,
                due_on,
                status,
            } => {
                let mut text = description.clone();
                if let Some(due) = due_on {
                    text.push_str(&format!(" (uiterlijk {})", dutch_day(due)));
                }
                if *status != ActionStatus::Open {
                    text.push_str(&format!(" — {}", status.code().replace('_', " ")));
                }
                text
            }
            Self::AbsenceSnapshot { moment } => format!("Verzuimsnapshot ({})", moment.code()),
            Self::Closed {
                reason: Some(ClosureReason::OmgezetNaarBenoemd),
            } => "Omgezet naar een casus op naam".to_owned(),
            Self::Closed {
                reason: Some(reason),
            } => {
                format!("Afgesloten: {}", reason.label().to_lowercase())
            }
            Self::Closed { reason: None } => "Afgesloten".to_owned(),
            Self::Exported {
                recipient,
                format,
                encrypted,
            } => format!(
                "Export voor {recipient} ({format}, {})",
                if *encrypted {
                    "versleuteld"
                } else {
                    "onversleuteld"
                }
            ),
        }
    }
}

/// An ISO date as "di 14 okt 2025"; text that is no date stays as it is. Only the event's own
/// dates: a date someone typed in a description stays as typed (the UI does the same).
fn dutch_day(iso: &str) -> String {
    crate::dates::parse_iso(iso).map_or_else(|| iso.to_owned(), crate::dates::dutch_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The UI words the same events (ui/src/lib/events.test.ts holds the same sentences).
    #[test]
    fn each_event_reads_as_one_dutch_sentence_with_dutch_dates() {
        let consent = TimelineEvent::ConsentGiven {
            valid_until: "2027-11-23".into(),
        };
        assert_eq!(
            consent.dutch(),
            "Toestemming vastgelegd, geldig tot en met di 23 nov 2027"
        );
        let note = TimelineEvent::Note {
            note_kind: NoteKind::Bespreking,
            category: DataCategory::School,
            private: true,
            excerpt: Some("Gesprek met mentor".into()),
        };
        assert_eq!(
            note.dutch(),
            "Bespreking (school), alleen voor u: Gesprek met mentor"
        );
        let action = TimelineEvent::Action {
            description: "Observatie in de klas".into(),
            due_on: Some("2026-12-15".into()),
            status: ActionStatus::NietGedaan,
        };
        assert_eq!(
            action.dutch(),
            "Observatie in de klas (uiterlijk di 15 dec 2026) — niet gedaan"
        );
        let converted = TimelineEvent::Closed {
            reason: Some(ClosureReason::OmgezetNaarBenoemd),
        };
        assert_eq!(converted.dutch(), "Omgezet naar een casus op naam");
        let left = TimelineEvent::Closed {
            reason: Some(ClosureReason::LeerlingVerlaatSchool),
        };
        assert_eq!(left.dutch(), "Afgesloten: leerling verlaat de school");
        let description = TimelineEvent::Signal {
            source: "mentor".into(),
            description: "gesprek 2025-10-14".into(),
        };
        assert_eq!(description.dutch(), "mentor: gesprek 2025-10-14");
        assert_eq!(converted.kind(), TimelineKind::Status);
        assert_eq!(
            TimelineEvent::Exported {
                recipient: "jgz".into(),
                format: "pdf".into(),
                encrypted: true
            }
            .dutch(),
            "Export voor jgz (pdf, versleuteld)"
        );
    }
}
