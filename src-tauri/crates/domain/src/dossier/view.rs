use super::*;
use chrono::NaiveDate;

/// A route suggestion shown when a signal is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RouteSuggestion {
    /// The signal category the suggestion is for.
    pub category: SignalCategory,
    /// Organisation kind code of the partner to contact first (leerplicht, jgz, cjg, smw, swv …).
    pub first_partner: String,
    /// What to do, as the region's routekaart says.
    pub advice: String,
}

/// Everything the casus screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CasusDossier {
    /// The casus as lists show it: label, status, urgency, hulpvraag, open actions.
    pub summary: CasusSummary,
    /// The school of the casus's kernteam.
    pub school_name: String,
    /// The pupil's birth date, ISO date; `None` for an anonymous casus.
    pub birth_date: Option<NaiveDate>,
    /// Why the casus is discussed anonymously; `None` for a named casus.
    pub anonymous_reason: Option<String>,
    /// The aanmelding: who brought it in, what was tried, strengths, parents' and pupil's views.
    pub intake: Intake,
    /// Signals of this casus and of the consultation it came from, newest first.
    pub signals: Vec<SignalRow>,
    /// Consent as it stands for the next meeting; `None` for an anonymous casus.
    pub consent: Option<ConsentOverview>,
    /// The notes the viewer may read: shared ones and their own private ones, newest first.
    pub notes: Vec<NoteRow>,
    /// The casus's actions, open ones first by due date.
    pub actions: Vec<crate::ActionRow>,
    /// The verzuim (absence) helper: hours entered, meldplicht, thuiszitter band.
    pub verzuim: VerzuimView,
    /// The casussen of siblings linked to this one.
    pub links: Vec<LinkedCasus>,
    /// The anonymous consultation this named casus was converted from; `None` if none.
    pub converted_from: Option<CasusId>,
    /// The named casus this anonymous consultation became; `None` if not converted.
    pub converted_to: Option<CasusId>,
    /// How the casus was closed; `None` while it is open.
    pub closure: Option<ClosureView>,
    /// True once the casus is closed (afgesloten): it can no longer be changed.
    pub read_only: bool,
    /// The routekaart's first steps for the signal categories on file, for the school's region.
    pub routes: Vec<RouteSuggestion>,
    /// The chronologie of this casus and of the consultation it came from, newest first.
    pub timeline: Vec<TimelineItem>,
}

vocabulary!(
    /// What a search result is.
    SearchHitKind {
        Casus => ("casus", "Casus"),
        Note => ("note", "Notitie"),
        Decision => ("decision", "Besluit"),
        Action => ("action", "Actie"),
    }
);

/// One search result. `snippet` marks the match with [ and ].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// What matched: a casus, a note, a decision or an action.
    pub kind: SearchHitKind,
    /// The casus the hit belongs to; `None` when it is about no casus.
    pub casus_id: Option<CasusId>,
    /// The casus as "name (initials)", or its pseudonym; `None` without a casus.
    pub casus_label: Option<String>,
    /// The text around the match, the match itself between [ and ].
    pub snippet: String,
}

/// Something about one casus that needs attention soon, for Vandaag (initials only: the
/// start screen is often on a beamer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CasusReminder {
    /// The casus that needs attention.
    pub casus_id: CasusId,
    /// The pupil's initials, or the pseudonym of an anonymous casus; never the full name.
    pub initials: String,
    /// The day it is due, ISO date: the reminder day, the birthday or the retention date.
    pub on: NaiveDate,
    /// What to do, in Dutch.
    pub text: String,
    /// The same as a code, for the UI to word in another language.
    pub what: ReminderWhat,
}

/// What a reminder asks for, as a code; [`ReminderWhat::dutch`] is the Dutch sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum ReminderWhat {
    /// Four weeks out of school: put the pupil on the kernteam's agenda (docs/DOMAIN.md §4).
    HomeFourWeeks,
    /// Three months out of school: propose the samenwerkingsverband's thuiszittersoverleg.
    HomeThreeMonths,
    /// A closed casus's retention term ends: confirm deletion or record a duty to keep it.
    RetentionEnds,
    /// The pupil reaches an age at which consent must be asked again (12 or 16).
    #[serde(rename_all = "camelCase")]
    ConsentAge {
        /// The age reached.
        age: u8,
    },
}

impl ReminderWhat {
    /// The reminder in Dutch, as shown to the user.
    pub fn dutch(self) -> String {
        match self {
            Self::HomeFourWeeks => {
                "4 weken thuis: zet de leerling op de agenda van het kernteam.".to_owned()
            }
            Self::HomeThreeMonths => {
                "3 maanden thuis: stel het thuiszittersoverleg van het samenwerkingsverband voor."
                    .to_owned()
            }
            Self::RetentionEnds => {
                "Bewaartermijn verloopt: bevestig verwijderen of leg een bewaarplicht vast."
                    .to_owned()
            }
            Self::ConsentAge { age } => {
                format!("Wordt {age}: vraag opnieuw toestemming vóór het volgende overleg.")
            }
        }
    }
}
