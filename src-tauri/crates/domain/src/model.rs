//! The records the app shows and the inputs it takes. Dates are ISO `YYYY-MM-DD` text and
//! times ISO-8601 UTC text: the UI formats them for Europe/Amsterdam.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    ActionId, ActionStatus, CasusId, CasusMode, CasusStatus, DataCategory, HolidayRegion,
    MeetingId, MeetingStatus, MemberId, OrganisationId, OrganisationKind, Role, SchoolId,
    SchoolKind, TeamId, Urgency,
};

/// An organisation members work for: the school itself or a partner (leerplicht, JGZ, CJG …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// Identifies the organisation; members and actions point to it.
    pub id: OrganisationId,
    /// The organisation's name as entered (e.g. "GGD Regio Midden").
    pub name: String,
    /// What sort of organisation it is; export profiles and consent scope go by this kind.
    pub kind: OrganisationKind,
}

/// A school on this laptop, with the settings that govern its casussen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct School {
    /// Identifies the school; its kernteams point to it.
    pub id: SchoolId,
    /// The school's name as entered.
    pub name: String,
    /// PO, VO, SO, VSO or MBO; PO counts absence in clock hours, the others in lesson hours.
    pub kind: SchoolKind,
    /// The region (samenwerkingsverband) whose routekaart the school follows; `None` when not set.
    pub region: Option<String>,
    /// noord, midden or zuid: which school holidays apply.
    pub holiday_region: HolidayRegion,
    /// The bewaartermijn (retention term): years after the later of closure and leaving school
    /// before a casus is due for deletion; 2 unless the school changes it (1 to 20).
    pub retention_years: u32,
}

/// A kernteam: the care team of one school (docs/DOMAIN.md §1), as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    /// Identifies the kernteam; casussen, meetings and roles point to it.
    pub id: TeamId,
    /// The school the kernteam belongs to; a kernteam serves one school.
    pub school_id: SchoolId,
    /// That school's name, for display.
    pub school_name: String,
    /// The kernteam's name as entered.
    pub name: String,
    /// How often it meets, as free text (e.g. "elke 3 weken, di 09:00"); `None` when not entered.
    pub cadence: Option<String>,
    /// How many distinct members hold a role in this kernteam.
    pub member_count: u32,
}

/// One role a member holds in one kernteam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamRole {
    /// The kernteam the role is in.
    pub team_id: TeamId,
    /// That kernteam's name, for display.
    pub team_name: String,
    /// What the member does there (voorzitter, notulist, leerplichtambtenaar …).
    pub role: Role,
}

/// A person who sits in one or more kernteams, with their roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// Identifies the member across kernteams and in the export log.
    pub id: MemberId,
    /// The member's name as entered.
    pub name: String,
    /// The member's e-mail address; `None` when not entered.
    pub email: Option<String>,
    /// The organisation the member works for; `None` when none was entered.
    pub organisation_id: Option<OrganisationId>,
    /// That organisation's name, for display; `None` without an organisation.
    pub organisation_name: Option<String>,
    /// Whether the member is the aandachtsfunctionaris: the designated child-protection lead for
    /// the meldcode track.
    pub is_aandachtsfunctionaris: bool,
    /// Every role the member holds, one per kernteam and role, ordered by team name; one person can
    /// serve several schools.
    pub roles: Vec<TeamRole>,
}

/// A casus as a list row. `label` is the pupil's name, or the pseudonym of an anonymous casus;
/// `initials` is what presentation mode and agendas that leave the app show instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CasusSummary {
    /// Identifies the casus; notes, actions and exports point to it.
    pub id: CasusId,
    /// The kernteam that discusses the casus.
    pub team_id: TeamId,
    /// That kernteam's name, for display.
    pub team_name: String,
    /// Named (with consent) or an anonymous consultation.
    pub mode: CasusMode,
    /// The pupil's full name, or the pseudonym of an anonymous casus.
    pub label: String,
    /// What presentation mode and outgoing agendas show instead of `label`: the initials, or the
    /// pseudonym.
    pub initials: String,
    /// The pupil's klas or groep (class or year group); `None` for an anonymous casus.
    pub class_name: Option<String>,
    /// Where the casus is in its life: aangemeld (not yet discussed), lopend or afgesloten.
    pub status: CasusStatus,
    /// How urgent the school judged the question at aanmelding: normaal, hoog or acuut.
    pub urgency: Urgency,
    /// The hulpvraag: what the school asks of the kernteam, as free text.
    pub hulpvraag: String,
    /// The day the casus was opened (the aanmelding, or the conversion of an anonymous
    /// consultation), ISO date.
    pub opened_on: NaiveDate,
    /// The next review date the minutes agreed, ISO date; `None` until a meeting sets one.
    pub next_review_on: Option<NaiveDate>,
    /// How many of the casus's actions are still open.
    pub open_actions: u32,
}

/// A kernteam meeting (overleg) as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingRow {
    /// Identifies the meeting; its agenda, minutes and actions point to it.
    pub id: MeetingId,
    /// The kernteam that meets.
    pub team_id: TeamId,
    /// That kernteam's name, for display.
    pub team_name: String,
    /// When the meeting starts, RFC 3339 in UTC.
    pub starts_at: DateTime<Utc>,
    /// Where it is held, as free text; `None` when not entered.
    pub location: Option<String>,
    /// Planned, in progress, held (gehouden) or cancelled.
    pub status: MeetingStatus,
}

/// An action (actiepunt): who does what by when, with its status and feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionRow {
    /// Identifies the action, e.g. to record its status and feedback.
    pub id: ActionId,
    /// The casus the action is for; `None` for an action about no single pupil.
    pub casus_id: Option<CasusId>,
    /// The pupil's initials, or the pseudonym of an anonymous casus; `None` without a casus.
    pub casus_initials: Option<String>,
    /// What has to be done, as agreed.
    pub description: String,
    /// Who, as shown: "person (organisation)", or the organisation alone.
    pub owner: Option<String>,
    /// The member who owns the action; `None` when no member is named (e.g. only an organisation).
    pub owner_member_id: Option<MemberId>,
    /// The owning organisation: the one named on the action, else the owner member's; `None` when
    /// neither is known.
    pub owner_organisation_id: Option<OrganisationId>,
    /// That organisation's name, for display; `None` as for `owner_organisation_id`.
    pub owner_organisation: Option<String>,
    /// The kernteam of the meeting where it was agreed, else of its casus; `None` when neither
    /// exists.
    pub team_name: Option<String>,
    /// The day of the meeting where it was agreed; none for an action logged between meetings.
    pub agreed_on: Option<NaiveDate>,
    /// The day it should be done by, ISO date; `None` when no due date was set.
    pub due_on: Option<NaiveDate>,
    /// Open, gedaan (done), deels (partly), niet gedaan (not done) or vervallen (dropped).
    pub status: ActionStatus,
    /// The one-line feedback recorded when its status was reviewed; `None` until given.
    pub feedback: Option<String>,
    /// When an urgent action taken between meetings was logged (UTC); the next agenda flags it.
    pub urgent_logged_at: Option<DateTime<Utc>>,
    /// What the action is about; health and safety leave only where released.
    pub category: DataCategory,
}

/// One line of the export log (Instellingen, and the casus chronologie).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportLogRow {
    /// When the export was written, RFC 3339 in UTC.
    pub at: DateTime<Utc>,
    /// Who exported: the member's name, or the logged actor id when that is not a member.
    pub actor: String,
    /// The meeting whose minutes or agenda were exported; `None` for other exports.
    pub meeting_id: Option<MeetingId>,
    /// The casus the export was about; `None` for a whole meeting, agenda or action list.
    pub casus_id: Option<CasusId>,
    /// For whom: the recipient's kind and name, and what it was (e.g. "jgz: Naam · actielijst").
    pub recipient: String,
    /// The file type written: `pdf`, `docx` or `md`.
    pub format: String,
    /// Whether the file was encrypted with a password.
    pub encrypted: bool,
    /// The SHA-256 of the exact bytes written, in hex, to match a file to this line.
    pub sha256: String,
}

/// Counts for the Monitor screen; aggregates only, never a pupil.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonitorCounts {
    /// Casussen registered (aangemeld) but not yet discussed.
    pub aangemeld: u32,
    /// Casussen being followed (lopend).
    pub lopend: u32,
    /// Casussen closed (afgesloten), including anonymous consultations closed by conversion.
    pub afgesloten: u32,
    /// Anonymous consultations, whatever their status.
    pub anonymous: u32,
    /// Distinct pupils with a named casus: a pupil with several casussen counts once.
    pub unique_pupils: u32,
    /// Actions still open.
    pub open_actions: u32,
    /// Open actions whose due date lies before today.
    pub overdue_actions: u32,
    /// Meetings that were held and closed (status gehouden).
    pub meetings_held: u32,
}

/// What Instellingen sends to add a school together with its first kernteam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewSchoolWithTeam {
    /// The school's name; required, at most 120 characters.
    pub school_name: String,
    /// PO, VO, SO, VSO or MBO; decides whether absence counts in clock or lesson hours.
    pub school_kind: SchoolKind,
    /// The region (samenwerkingsverband) whose routekaart applies; `None` when not known yet.
    pub region: Option<String>,
    /// noord, midden or zuid: which school holidays apply; anything else is refused.
    pub holiday_region: String,
    /// The new kernteam's name; required, at most 120 characters.
    pub team_name: String,
    /// How often the kernteam meets, as free text; `None` when not given.
    pub cadence: Option<String>,
}

/// What Instellingen sends to add a person to a kernteam with one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewMember {
    /// The kernteam the person joins.
    pub team_id: TeamId,
    /// The person's name; required, at most 120 characters.
    pub name: String,
    /// Their e-mail address; `None` when unknown. When given it must contain an @.
    pub email: Option<String>,
    /// The organisation they work for: found by name and kind, or created; `None` for none.
    pub organisation_name: Option<String>,
    /// The kind of that organisation; not used when no organisation name is given.
    pub organisation_kind: OrganisationKind,
    /// The role they take in that kernteam.
    pub role: Role,
}
