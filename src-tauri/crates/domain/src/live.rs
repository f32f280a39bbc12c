//! Live meeting mode (docs/DOMAIN.md §3 "During"): per casus one minute block, decisions and
//! actions recorded as the talk goes, presence, time per item.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agenda::AgendaKind;
use crate::validation::{Invalid, required_text};
use crate::{
    ActionRow, AgendaItemId, CasusId, DataCategory, DecisionId, MeetingId, MeetingRow, MemberId,
    OrganisationId, Role,
};

/// What the editor autosaves for one casus item. What is said about the pupil's health and
/// safety has a part of its own: those leave only where released (the visibility rule,
/// `recipient::Part`), the rest of the block goes where the consent reaches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MinuteBlock {
    /// What was established about the pupil, kept apart from opinions and interpretations (free
    /// text, at most 20,000 characters).
    pub facts: String,
    /// Analysis and views: how the team reads the facts (free text, at most 20,000 characters).
    pub analysis: String,
    /// The partner organisation that holds regie (case lead) from now on; `None` leaves the casus's
    /// regie as it was when the meeting closes.
    pub regie_organisation_id: Option<OrganisationId>,
    /// The next review date, as an ISO date (`YYYY-MM-DD`); empty is stored as `None`, which leaves
    /// the casus's review date as it was.
    pub next_review_on: Option<String>,
    /// What may be told to the parents and the inbrenger (the teacher who brought the casus in).
    pub to_parents: String,
    /// Health (gezondheid): eating, sleep, anxiety, medical. Absent in minutes made before.
    #[serde(default)]
    pub health: String,
    /// Safety (veiligheid): injuries, home safety, meldcode signals.
    #[serde(default)]
    pub safety: String,
}

/// One agenda item as live meeting mode shows it: its plan, the time spent so far and its minute
/// block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveItem {
    /// The saved agenda item; its minute block and decisions refer to it.
    pub id: AgendaItemId,
    /// Place of the item in the agenda, counting from 0.
    pub position: u32,
    /// The part of the meeting the item belongs to (opening, action review, casus, …).
    pub kind: AgendaKind,
    /// The casus discussed under this item; `None` for an item without a pupil.
    pub casus_id: Option<CasusId>,
    /// What the agenda shows: for a casus only initials and class or the pseudonym, never a name.
    pub title: String,
    /// Time planned for the item, in minutes (0 when none was planned).
    pub planned_minutes: u32,
    /// Time spent on the item so far, in seconds; added each time the chair moves on while the
    /// meeting runs.
    pub spent_seconds: u32,
    /// A guest (usually the mentor) present for this item only; `None` when there is none.
    pub guest_name: Option<String>,
    /// The minute block written for this casus item; `None` until one is saved.
    pub block: Option<MinuteBlock>,
}

/// A decision (besluit) recorded during the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionRow {
    /// Identifies this decision in the store and the audit log.
    pub id: DecisionId,
    /// The agenda item it was taken under; `None` when recorded outside an item.
    pub agenda_item_id: Option<AgendaItemId>,
    /// The decision as worded by the minute-taker (at most 2000 characters).
    pub text: String,
    /// The casus it concerns: exports and the minutes keep it with that pupil.
    pub casus_id: Option<CasusId>,
    /// What the decision is about (school, verzuim, gezondheid, gezin, veiligheid); health and
    /// safety leave only where released.
    pub category: DataCategory,
}

/// A member of the meeting's team and whether she is at this meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Presence {
    /// The team member this line is about.
    pub member_id: MemberId,
    /// Her name, as the presence list and the minutes show it.
    pub name: String,
    /// Her role in the team (one of them when she has several).
    pub role: Role,
    /// The organisation she works for; `None` when none is recorded.
    pub organisation_name: Option<String>,
    /// `Some(true)` present, `Some(false)` absent, `None` not marked yet; the minutes count
    /// everyone not marked present as absent.
    pub present: Option<bool>,
}

/// Everything live meeting mode shows of one meeting, read fresh from the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveMeeting {
    /// The meeting itself: team, start time, location and status.
    pub meeting: MeetingRow,
    /// The saved agenda items in order, with their minute blocks and time spent.
    pub items: Vec<LiveItem>,
    /// Every decision recorded in this meeting, in the order recorded.
    pub decisions: Vec<DecisionRow>,
    /// Actions agreed in this meeting, per item through their casus.
    pub actions: Vec<ActionRow>,
    /// Open actions of earlier meetings, for the review item: each gets a status and feedback.
    pub review: Vec<ActionRow>,
    /// Every member of the team with her attendance, by name.
    pub presence: Vec<Presence>,
}

/// "Wie doet wat wanneer": an action needs what, an owner and a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAction {
    /// The meeting where the action is agreed; the due date may not lie before its day.
    pub meeting_id: MeetingId,
    /// The agenda item under which it is agreed, if any.
    pub agenda_item_id: Option<AgendaItemId>,
    /// The casus the action concerns; `None` for an action without a pupil.
    pub casus_id: Option<CasusId>,
    /// What is to be done (required, at most 500 characters).
    pub description: String,
    /// A person at the table; their organisation is the owner when none is given.
    #[serde(default)]
    pub owner_member_id: Option<MemberId>,
    /// The organisation that owns the action; when `None`, the owner person's organisation. One of
    /// the two owners is required.
    pub owner_organisation_id: Option<OrganisationId>,
    /// By when, as an ISO date (`YYYY-MM-DD`); required, and not before the meeting day.
    pub due_on: Option<String>,
    /// What the action is about; health and safety leave only where released.
    #[serde(default)]
    pub category: DataCategory,
}

impl NewAction {
    /// The known failure of kernteams is the vague action: no owner or no date is refused.
    pub fn validate(&self, meeting_day: chrono::NaiveDate) -> Result<chrono::NaiveDate, Invalid> {
        validate_action(
            &self.description,
            self.owner_organisation_id.is_some() || self.owner_member_id.is_some(),
            self.due_on.as_deref(),
            (
                meeting_day,
                "De datum ligt vóór het overleg: kies een latere datum.",
            ),
        )
    }
}

/// What, who and by when; the date not before the earliest day (the meeting, or today).
fn validate_action(
    description: &str,
    has_owner: bool,
    due_on: Option<&str>,
    (earliest, too_early): (chrono::NaiveDate, &'static str),
) -> Result<chrono::NaiveDate, Invalid> {
    required_text("description", "wat er gedaan wordt", description, 500)?;
    if !has_owner {
        return Err(Invalid::new("owner", "Kies wie de actie uitvoert."));
    }
    let due = due_on
        .and_then(crate::dates::parse_iso)
        .ok_or_else(|| Invalid::new("dueOn", "Kies wanneer de actie klaar is."))?;
    if due < earliest {
        return Err(Invalid::new("dueOn", too_early));
    }
    Ok(due)
}

/// An urgent action taken between meetings (a worry that could not wait for the next
/// overleg): logged with the real time, reviewed on the next agenda until it is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UrgentAction {
    /// The casus the urgent action was taken for.
    pub casus_id: CasusId,
    /// What is or was done (required, at most 500 characters).
    pub description: String,
    /// The person who carries it out; a person or an organisation is required as owner.
    pub owner_member_id: Option<MemberId>,
    /// The organisation that owns it; a person or an organisation is required as owner.
    pub owner_organisation_id: Option<OrganisationId>,
    /// Empty means today: most urgent actions are done the day they are logged.
    pub due_on: Option<String>,
    /// An urgent worry is often about safety or health: marked as such, it goes only where
    /// released (absent in older callers: school).
    #[serde(default)]
    pub category: DataCategory,
}

impl UrgentAction {
    /// Checks what, who and by when (no date means today, a day in the past is refused) and returns
    /// the due date.
    pub fn validate(&self, today: chrono::NaiveDate) -> Result<chrono::NaiveDate, Invalid> {
        let due = self
            .due_on
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map_or_else(|| today.to_string(), str::to_owned);
        validate_action(
            &self.description,
            self.owner_organisation_id.is_some() || self.owner_member_id.is_some(),
            Some(&due),
            (
                today,
                "De datum ligt in het verleden: kies vandaag of later.",
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    #[test]
    fn vague_actions_are_refused() {
        let good = NewAction {
            meeting_id: MeetingId::new(),
            agenda_item_id: None,
            casus_id: None,
            description: "M@ZL-consult met Noor en moeder".into(),
            owner_member_id: None,
            owner_organisation_id: Some(OrganisationId::new()),
            due_on: Some("2025-10-14".into()),
            category: DataCategory::default(),
        };
        let day = date!(2025 - 09 - 30);
        assert_eq!(good.validate(day), Ok(date!(2025 - 10 - 14)));
        let cases = [
            (
                NewAction {
                    description: " ".into(),
                    ..good.clone()
                },
                "description",
            ),
            (
                NewAction {
                    owner_organisation_id: None,
                    ..good.clone()
                },
                "owner",
            ),
            (
                NewAction {
                    due_on: None,
                    ..good.clone()
                },
                "dueOn",
            ),
            (
                NewAction {
                    due_on: Some("2025-09-01".into()),
                    ..good.clone()
                },
                "dueOn",
            ),
        ];
        for (action, field) in cases {
            assert_eq!(action.validate(day).err().map(|e| e.field), Some(field));
        }
        let by_a_person = NewAction {
            owner_organisation_id: None,
            owner_member_id: Some(MemberId::new()),
            ..good
        };
        assert!(
            by_a_person.validate(day).is_ok(),
            "a person is an owner too"
        );
    }

    #[test]
    fn an_urgent_action_is_due_today_unless_told_otherwise() {
        let today = date!(2025 - 11 - 12);
        let urgent = UrgentAction {
            casus_id: CasusId::new(),
            description: "Veilig Thuis geraadpleegd".into(),
            owner_member_id: None,
            owner_organisation_id: Some(OrganisationId::new()),
            due_on: None,
            category: DataCategory::Veiligheid,
        };
        assert_eq!(urgent.validate(today), Ok(today));
        let later = UrgentAction {
            due_on: Some("2025-11-14".into()),
            ..urgent.clone()
        };
        assert_eq!(later.validate(today), Ok(date!(2025 - 11 - 14)));
        let nobody = UrgentAction {
            owner_organisation_id: None,
            ..urgent.clone()
        };
        assert_eq!(nobody.validate(today).err().map(|e| e.field), Some("owner"));
        let past = UrgentAction {
            due_on: Some("2025-11-01".into()),
            ..urgent
        };
        assert_eq!(past.validate(today).err().map(|e| e.field), Some("dueOn"));
    }
}

/// What a version of the minutes holds: per casus one block; the meeting-level parts carry
/// initials only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesBody {
    /// The name of the kernteam that met.
    pub team_name: String,
    /// The meeting's start time, as an RFC 3339 moment in UTC (e.g. `2025-09-30T07:00:00Z`).
    pub starts_at: DateTime<Utc>,
    /// Where the meeting was held; `None` when not recorded.
    pub location: Option<String>,
    /// Names of the team members marked present.
    pub present: Vec<String>,
    /// Names of the team members not marked present (absent or never ticked).
    pub absent: Vec<String>,
    /// The agenda items in order, then an item for each casus whose actions were reviewed without
    /// being on the agenda.
    pub items: Vec<MinutesItem>,
}

/// One agenda item as the minutes record it: its plan and time, its casus block, its decisions and
/// the casus's actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesItem {
    /// The item's title as on the agenda (initials and class for a casus, never a name).
    pub title: String,
    /// The Dutch label of the item's kind (e.g. "Lopende casus"), not its code.
    pub kind: String,
    /// The casus the item is about; `None` for an item without a pupil. A correction never changes
    /// it.
    pub casus_id: Option<CasusId>,
    /// A guest (usually the mentor) present for this item only; `None` when there was none.
    pub guest_name: Option<String>,
    /// Time planned for the item, in minutes.
    pub planned_minutes: u32,
    /// Time spent on the item, in seconds.
    pub spent_seconds: u32,
    /// The casus's minute block; `None` for an item without a pupil or when nothing was written.
    pub block: Option<MinuteBlock>,
    /// The decisions taken under this item, in order; the action review's lines about this casus
    /// are added here.
    pub decisions: Vec<String>,
    /// The category of each decision, in order (absent in minutes made before: school).
    #[serde(default)]
    pub decision_categories: Vec<DataCategory>,
    /// The casus's actions agreed in this meeting, each as one line: what — who — by when.
    pub actions: Vec<String>,
    /// The same actions with their owner's organisation, so an export can keep a partner's
    /// own (absent from minutes made before it existed).
    #[serde(default)]
    pub action_items: Vec<MinutesAction>,
}

impl MinutesItem {
    /// The decisions with their category; one recorded before categories is "school".
    pub fn categorised_decisions(&self) -> impl Iterator<Item = (&str, DataCategory)> {
        self.decisions.iter().enumerate().map(|(i, d)| {
            (
                d.as_str(),
                self.decision_categories.get(i).copied().unwrap_or_default(),
            )
        })
    }
}

/// An action as the minutes keep it, with its owner's organisation so an export can select it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesAction {
    /// What is to be done.
    pub description: String,
    /// Who does it, as shown: "person (organisation)" or the organisation alone; `None` when no
    /// owner is known.
    pub owner: Option<String>,
    /// The organisation that owns it, so a partner's export can keep its own actions; `None` when
    /// not known.
    pub owner_organisation_id: Option<OrganisationId>,
    /// By when, as an ISO date (`YYYY-MM-DD`); `None` when no date was set.
    pub due_on: Option<NaiveDate>,
    /// What the action is about; health and safety leave only where released (absent in older
    /// minutes: school).
    #[serde(default)]
    pub category: DataCategory,
}

crate::kinds::vocabulary!(
    /// Whether a version of the minutes is still a draft or has been finalised (vastgesteld).
    MinutesStatus {
        Concept => ("concept", "Concept"),
        Vastgesteld => ("vastgesteld", "Vastgesteld"),
    }
);

/// One version of a meeting's minutes. A correction is a new version with a reason; a
/// finalised version is never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesVersion {
    /// The version number, counting from 1; each correction adds the next.
    pub version: u32,
    /// Concept (still editable) or vastgesteld (finalised by the chair, never changed again).
    pub status: MinutesStatus,
    /// Why this version corrects the one before; `None` for the first version.
    pub correction_reason: Option<String>,
    /// When this version was made, as an RFC 3339 moment in UTC.
    pub created_at: DateTime<Utc>,
    /// When the chair finalised it, as an RFC 3339 moment in UTC; `None` while it is a concept.
    pub finalised_at: Option<DateTime<Utc>>,
    /// What this version of the minutes says.
    pub body: MinutesBody,
}
