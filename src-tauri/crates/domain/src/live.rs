//! Live meeting mode (docs/DOMAIN.md §3 "During"): per casus one minute block, decisions and
//! actions recorded as the talk goes, presence, time per item.

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
    pub facts: String,
    pub analysis: String,
    pub regie_organisation_id: Option<OrganisationId>,
    pub next_review_on: Option<String>,
    pub to_parents: String,
    /// Health (gezondheid): eating, sleep, anxiety, medical. Absent in minutes made before.
    #[serde(default)]
    pub health: String,
    /// Safety (veiligheid): injuries, home safety, meldcode signals.
    #[serde(default)]
    pub safety: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveItem {
    pub id: AgendaItemId,
    pub position: u32,
    pub kind: AgendaKind,
    pub casus_id: Option<CasusId>,
    pub title: String,
    pub planned_minutes: u32,
    pub spent_seconds: u32,
    pub guest_name: Option<String>,
    pub block: Option<MinuteBlock>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionRow {
    pub id: DecisionId,
    pub agenda_item_id: Option<AgendaItemId>,
    pub text: String,
    /// The casus it concerns: exports and the minutes keep it with that pupil.
    pub casus_id: Option<CasusId>,
    pub category: DataCategory,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Presence {
    pub member_id: MemberId,
    pub name: String,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub present: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveMeeting {
    pub meeting: MeetingRow,
    pub items: Vec<LiveItem>,
    pub decisions: Vec<DecisionRow>,
    /// Actions agreed in this meeting, per item through their casus.
    pub actions: Vec<ActionRow>,
    /// Open actions of earlier meetings, for the review item: each gets a status and feedback.
    pub review: Vec<ActionRow>,
    pub presence: Vec<Presence>,
}

/// "Wie doet wat wanneer": an action needs what, an owner and a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAction {
    pub meeting_id: MeetingId,
    pub agenda_item_id: Option<AgendaItemId>,
    pub casus_id: Option<CasusId>,
    pub description: String,
    /// A person at the table; their organisation is the owner when none is given.
    #[serde(default)]
    pub owner_member_id: Option<MemberId>,
    pub owner_organisation_id: Option<OrganisationId>,
    pub due_on: Option<String>,
    /// What the action is about; health and safety leave only where released.
    #[serde(default)]
    pub category: DataCategory,
}

impl NewAction {
    /// The known failure of kernteams is the vague action: no owner or no date is refused.
    pub fn validate(&self, meeting_day: time::Date) -> Result<time::Date, Invalid> {
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
    (earliest, too_early): (time::Date, &'static str),
) -> Result<time::Date, Invalid> {
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
    pub casus_id: CasusId,
    pub description: String,
    pub owner_member_id: Option<MemberId>,
    pub owner_organisation_id: Option<OrganisationId>,
    /// Empty means today: most urgent actions are done the day they are logged.
    pub due_on: Option<String>,
    /// An urgent worry is often about safety or health: marked as such, it goes only where
    /// released (absent in older callers: school).
    #[serde(default)]
    pub category: DataCategory,
}

impl UrgentAction {
    pub fn validate(&self, today: time::Date) -> Result<time::Date, Invalid> {
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
    use time::macros::date;

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
    pub team_name: String,
    pub starts_at: String,
    pub location: Option<String>,
    pub present: Vec<String>,
    pub absent: Vec<String>,
    pub items: Vec<MinutesItem>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesItem {
    pub title: String,
    pub kind: String,
    pub casus_id: Option<CasusId>,
    pub guest_name: Option<String>,
    pub planned_minutes: u32,
    pub spent_seconds: u32,
    pub block: Option<MinuteBlock>,
    pub decisions: Vec<String>,
    /// The category of each decision, in order (absent in minutes made before: school).
    #[serde(default)]
    pub decision_categories: Vec<DataCategory>,
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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesAction {
    pub description: String,
    pub owner: Option<String>,
    pub owner_organisation_id: Option<OrganisationId>,
    pub due_on: Option<String>,
    #[serde(default)]
    pub category: DataCategory,
}

crate::kinds::vocabulary!(
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
    pub version: u32,
    pub status: MinutesStatus,
    pub correction_reason: Option<String>,
    pub created_at: String,
    pub finalised_at: Option<String>,
    pub body: MinutesBody,
}
