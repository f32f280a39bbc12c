//! The records the app shows and the inputs it takes. Dates are ISO `YYYY-MM-DD` text and
//! times ISO-8601 UTC text: the UI formats them for Europe/Amsterdam.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    ActionId, ActionStatus, CasusId, CasusMode, CasusStatus, DataCategory, MeetingId,
    MeetingStatus, MemberId, OrganisationId, OrganisationKind, Role, SchoolId, SchoolKind, TeamId,
    Urgency,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct School {
    pub id: SchoolId,
    pub name: String,
    pub kind: SchoolKind,
    pub region: Option<String>,
    /// noord, midden or zuid: which school holidays apply.
    pub holiday_region: String,
    pub retention_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: TeamId,
    pub school_id: SchoolId,
    pub school_name: String,
    pub name: String,
    pub cadence: Option<String>,
    pub member_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamRole {
    pub team_id: TeamId,
    pub team_name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub email: Option<String>,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: Option<String>,
    pub is_aandachtsfunctionaris: bool,
    pub roles: Vec<TeamRole>,
}

/// A casus as a list row. `label` is the pupil's name, or the pseudonym of an anonymous casus;
/// `initials` is what presentation mode and agendas that leave the app show instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CasusSummary {
    pub id: CasusId,
    pub team_id: TeamId,
    pub team_name: String,
    pub mode: CasusMode,
    pub label: String,
    pub initials: String,
    pub class_name: Option<String>,
    pub status: CasusStatus,
    pub urgency: Urgency,
    pub hulpvraag: String,
    pub opened_on: String,
    pub next_review_on: Option<String>,
    pub open_actions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingRow {
    pub id: MeetingId,
    pub team_id: TeamId,
    pub team_name: String,
    pub starts_at: String,
    pub location: Option<String>,
    pub status: MeetingStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionRow {
    pub id: ActionId,
    pub casus_id: Option<CasusId>,
    pub casus_initials: Option<String>,
    pub description: String,
    /// Who, as shown: "person (organisation)", or the organisation alone.
    pub owner: Option<String>,
    pub owner_member_id: Option<MemberId>,
    pub owner_organisation_id: Option<OrganisationId>,
    pub owner_organisation: Option<String>,
    pub team_name: Option<String>,
    /// The day of the meeting where it was agreed; none for an action logged between meetings.
    pub agreed_on: Option<String>,
    pub due_on: Option<String>,
    pub status: ActionStatus,
    pub feedback: Option<String>,
    /// When an urgent action taken between meetings was logged (UTC); the next agenda flags it.
    pub urgent_logged_at: Option<String>,
    /// What the action is about; health and safety leave only where released.
    pub category: DataCategory,
}

/// One line of the export log (Instellingen, and the casus chronologie).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportLogRow {
    pub at: String,
    pub actor: String,
    pub meeting_id: Option<MeetingId>,
    pub casus_id: Option<CasusId>,
    pub recipient: String,
    pub format: String,
    pub encrypted: bool,
    pub sha256: String,
}

/// Counts for the Monitor screen; aggregates only, never a pupil.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonitorCounts {
    pub aangemeld: u32,
    pub lopend: u32,
    pub afgesloten: u32,
    pub anonymous: u32,
    pub unique_pupils: u32,
    pub open_actions: u32,
    pub overdue_actions: u32,
    pub meetings_held: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewSchoolWithTeam {
    pub school_name: String,
    pub school_kind: SchoolKind,
    pub region: Option<String>,
    pub holiday_region: String,
    pub team_name: String,
    pub cadence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewMember {
    pub team_id: TeamId,
    pub name: String,
    pub email: Option<String>,
    pub organisation_name: Option<String>,
    pub organisation_kind: OrganisationKind,
    pub role: Role,
}
