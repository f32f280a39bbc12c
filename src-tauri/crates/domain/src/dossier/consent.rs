use super::*;
use chrono::NaiveDate;

/// One recorded consent as the casus screen shows it; withdrawn and expired ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView {
    /// Identifies this consent record, e.g. to withdraw it.
    pub id: ConsentId,
    /// The day it was given, ISO date.
    pub given_on: NaiveDate,
    /// Who gave it, as recorded.
    pub givers: Vec<Giver>,
    /// How each giver is named, in the order of `givers`: the holder's label or "de leerling".
    pub giver_labels: Vec<String>,
    /// The partner organisation kinds it covers; codes this build does not know are left out.
    pub scope_organisations: Vec<crate::OrganisationKind>,
    /// The data categories it covers; empty names none (no limit of its own).
    pub scope_categories: Vec<crate::DataCategory>,
    /// How it was given: a signed form or verbally.
    pub method: ConsentMethod,
    /// Who heard it; required for verbal consent, may be `None` for a signed form.
    pub recorded_by: Option<String>,
    /// The last day it is valid, ISO date (by default the end of the school year).
    pub valid_until: NaiveDate,
    /// The day it was withdrawn, ISO date; `None` while it stands. The record itself stays.
    pub withdrawn_on: Option<NaiveDate>,
    /// Why it was withdrawn, as entered; `None` while it stands.
    pub withdrawn_reason: Option<String>,
}

/// The one consent status a casus shows, on the day that matters (the next meeting, or today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentOverview {
    /// The status on `status_on`: complete, incomplete (who is missing), expired, withdrawn, none.
    pub status: ConsentStatus,
    /// `status` in Dutch words for the screen, e.g. "onvolledig: ontbreekt vader".
    pub label: String,
    /// The day the status is judged for (ISO): the team's next planned meeting, else today.
    pub status_on: NaiveDate,
    /// The pupil's parents or guardians, with or without gezag, as entered.
    pub holders: Vec<GezagHolder>,
    /// Every consent on file, newest first, withdrawn and expired ones included.
    pub records: Vec<ConsentView>,
    /// "Wordt 12 op …: nieuwe toestemming nodig" within 60 days of a boundary birthday.
    pub warning: Option<String>,
}
