//! The agenda that builds itself (docs/DOMAIN.md §3 "Before"): opening; review of open actions of
//! earlier meetings; running casussen due for review; new aanmeldingen; closure candidates;
//! themes (no pupil data); rondvraag. The consent gate keeps a named casus without consent
//! valid on the meeting day off the agenda: it is offered anonymously or postponed instead.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod built_title;
pub use built_title::BuiltTitle;

use crate::{ActionId, CasusId, CasusMode, CasusStatus};

crate::kinds::vocabulary!(
    /// What an agenda item is about, which decides its place in the agenda's order.
    AgendaKind {
        Opening => ("opening", "Opening en aanwezigheid"),
        Actiereview => ("actiereview", "Openstaande acties"),
        Casus => ("casus", "Lopende casus"),
        Nieuw => ("nieuw", "Nieuwe aanmelding"),
        Afsluiting => ("afsluiting", "Afsluiten"),
        Thema => ("thema", "Thema"),
        Rondvraag => ("rondvraag", "Rondvraag en volgend overleg"),
    }
);

/// What the builder needs to know of a casus of the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasusForAgenda {
    /// The casus this entry stands for.
    pub id: CasusId,
    /// Named or anonymous: the consent gate holds back only a named casus.
    pub mode: CasusMode,
    /// Where the casus stands: aangemeld (registered) goes to the new items, lopend (running) to
    /// review or closure; an afgesloten (closed) casus never comes on an agenda.
    pub status: CasusStatus,
    /// Initials and class (or the pseudonym): all an agenda ever shows of a pupil.
    pub initials: String,
    /// The pupil's class (e.g. "2 vmbo-t"), shown after the initials of a named casus only; `None`
    /// when unknown.
    pub class_name: Option<String>,
    /// The day the casus is next due for review; `None` counts as due on any meeting day.
    pub next_review_on: Option<NaiveDate>,
    /// How many of the casus's actions (actiepunten) are still open. A running casus that is due,
    /// has a review date and has none open is offered for closure (afsluiten).
    pub open_actions: u32,
    /// Consent is complete and valid on the meeting day (always true for anonymous).
    pub consent_valid: bool,
}

/// An open action agreed in an earlier meeting (or logged between meetings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionForAgenda {
    /// The action (actiepunt) this entry stands for.
    pub id: ActionId,
    /// The day the action should be done; a day before the meeting counts as overdue, `None` never
    /// does.
    pub due_on: Option<NaiveDate>,
    /// Logged as an urgent action taken between meetings; the review item counts these apart.
    pub urgent_between_meetings: bool,
}

/// One item of the agenda as the builder proposes it, before the chair edits and saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaDraftItem {
    /// The part of the meeting the item belongs to (opening, action review, casus, …).
    pub kind: AgendaKind,
    /// The casus discussed under this item; `None` for opening, action review, themes and rondvraag
    /// (any other business).
    pub casus_id: Option<CasusId>,
    /// What the agenda shows, in Dutch: for a casus only initials and class or the pseudonym, never
    /// a name.
    pub title: String,
    /// Time planned for the item, in minutes; the builder sets a default per kind.
    pub planned_minutes: u32,
    /// The same title as a code with its counts when the builder wrote it; `None` for a casus
    /// (initials) or a theme (as typed).
    pub built: Option<BuiltTitle>,
}

/// An item of a saved agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    /// Identifies the saved item; minute blocks, decisions and time spent refer to it.
    pub id: crate::AgendaItemId,
    /// Place of the item in the agenda, counting from 0.
    pub position: u32,
    /// The part of the meeting the item belongs to (opening, action review, casus, …).
    pub kind: AgendaKind,
    /// The casus discussed under this item; `None` for an item without a pupil (opening, action
    /// review, theme, rondvraag).
    pub casus_id: Option<CasusId>,
    /// What the agenda shows: for a casus only initials and class or the pseudonym, never a name.
    pub title: String,
    /// Time planned for the item, in minutes.
    pub planned_minutes: u32,
    /// A guest (usually the mentor who brought the casus in) present for this item only; `None`
    /// when there is none.
    pub guest_name: Option<String>,
}

/// An item as the agenda editor sends it, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgendaItemInput {
    /// The part of the meeting the item belongs to (opening, action review, casus, …).
    pub kind: AgendaKind,
    /// The casus to discuss; a named casus needs consent valid on the meeting day, else the whole
    /// agenda is refused. `None` for an item without a pupil.
    pub casus_id: Option<CasusId>,
    /// What the agenda shows (required, at most 200 characters); for a casus initials and class
    /// only, never a name.
    pub title: String,
    /// Time planned for the item, in minutes; at most 120.
    pub planned_minutes: u32,
    /// A guest (the mentor) present for this item only.
    pub guest_name: Option<String>,
}

/// A casus that may not be on this agenda, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldBack {
    /// The casus that may not be discussed at this meeting.
    pub casus_id: CasusId,
    /// The pupil's initials (never the name), so the chair knows which casus it is.
    pub initials: String,
    /// Why it is held back, in Dutch for the chair (e.g. [`CONSENT_MISSING`]).
    pub reason: String,
}

/// The agenda the builder proposes for one meeting, with the casussen the consent gate held back
/// and the counts the action review mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaDraft {
    /// The proposed items in meeting order: opening, action review, running casussen, new
    /// aanmeldingen (intakes), closure candidates, themes, rondvraag.
    pub items: Vec<AgendaDraftItem>,
    /// Named casussen left off because their consent is not valid on the meeting day: discuss them
    /// anonymously or postpone them.
    pub held_back: Vec<HeldBack>,
    /// How many open actions have a due date before the meeting day.
    pub overdue_actions: u32,
    /// How many open actions were logged as urgent between meetings.
    pub urgent_actions: u32,
}

impl AgendaDraft {
    /// The draft as it is saved when the chair takes it unchanged (no guests yet).
    pub fn as_inputs(&self) -> Vec<AgendaItemInput> {
        self.items
            .iter()
            .map(|i| AgendaItemInput {
                kind: i.kind,
                casus_id: i.casus_id,
                title: i.title.clone(),
                planned_minutes: i.planned_minutes,
                guest_name: None,
            })
            .collect()
    }
}

/// The Dutch reason given when a named casus has no consent (toestemming) valid on the meeting day:
/// by the builder and when the casus is put on the agenda by hand.
pub const CONSENT_MISSING: &str =
    "Geen geldige toestemming op de dag van het overleg: bespreek anoniem of stel uit.";

/// A pupil as an agenda shows them: initials and class, or an anonymous casus's pseudonym.
pub fn pupil_on_agenda(mode: CasusMode, initials: &str, class_name: Option<&str>) -> String {
    match class_name {
        Some(class) if mode == CasusMode::Named => format!("{initials} ({class})"),
        _ => initials.to_owned(),
    }
}

fn title(c: &CasusForAgenda) -> String {
    pupil_on_agenda(c.mode, &c.initials, c.class_name.as_deref())
}

/// Builds the agenda for a meeting on `day`.
pub fn build(
    day: NaiveDate,
    casussen: &[CasusForAgenda],
    open_actions: &[ActionForAgenda],
    themes: &[String],
) -> AgendaDraft {
    let mut items = vec![AgendaDraftItem {
        kind: AgendaKind::Opening,
        casus_id: None,
        title: BuiltTitle::Opening.dutch(),
        planned_minutes: 5,
        built: Some(BuiltTitle::Opening),
    }];
    let overdue = open_actions
        .iter()
        .filter(|a| a.due_on.is_some_and(|d| d < day))
        .count() as u32;
    let urgent = open_actions
        .iter()
        .filter(|a| a.urgent_between_meetings)
        .count() as u32;
    items.extend(action_review(open_actions, overdue, urgent));
    let sections = CasusSections::on(day, casussen);
    items.extend(sections.items());
    items.extend(theme_items(themes));
    items.push(AgendaDraftItem {
        kind: AgendaKind::Rondvraag,
        casus_id: None,
        title: BuiltTitle::Rondvraag.dutch(),
        planned_minutes: 5,
        built: Some(BuiltTitle::Rondvraag),
    });
    AgendaDraft {
        items,
        held_back: sections.held_back,
        overdue_actions: overdue,
        urgent_actions: urgent,
    }
}

/// One item for all open actions, with how many are late or were urgent between meetings;
/// none when nothing is open.
fn action_review(
    open_actions: &[ActionForAgenda],
    overdue: u32,
    urgent: u32,
) -> Option<AgendaDraftItem> {
    if open_actions.is_empty() {
        return None;
    }
    let built = BuiltTitle::ActionReview {
        open: open_actions.len() as u32,
        overdue,
        urgent,
    };
    Some(AgendaDraftItem {
        kind: AgendaKind::Actiereview,
        casus_id: None,
        title: built.dutch(),
        planned_minutes: (open_actions.len() as u32).clamp(3, 15),
        built: Some(built),
    })
}

/// The casussen on the agenda, each in its section in the order given, and those the consent
/// gate holds back.
struct CasusSections<'a> {
    running: Vec<&'a CasusForAgenda>,
    new: Vec<&'a CasusForAgenda>,
    closing: Vec<&'a CasusForAgenda>,
    held_back: Vec<HeldBack>,
}

impl<'a> CasusSections<'a> {
    /// Who is due on `day`, and where: a named casus without valid consent is held back.
    fn on(day: NaiveDate, casussen: &'a [CasusForAgenda]) -> Self {
        let mut held_back = Vec::new();
        let mut running = Vec::new();
        let mut new = Vec::new();
        let mut closing = Vec::new();
        for c in casussen {
            let due = c.next_review_on.is_none_or(|r| r <= day);
            let wanted = match c.status {
                CasusStatus::Afgesloten => None,
                CasusStatus::Aangemeld => Some(&mut new),
                CasusStatus::Lopend if !due => None,
                CasusStatus::Lopend if c.open_actions == 0 && c.next_review_on.is_some() => {
                    Some(&mut closing)
                }
                CasusStatus::Lopend => Some(&mut running),
            };
            let Some(list) = wanted else { continue };
            if c.mode == CasusMode::Named && !c.consent_valid {
                held_back.push(HeldBack {
                    casus_id: c.id,
                    initials: c.initials.clone(),
                    reason: CONSENT_MISSING.into(),
                });
                continue;
            }
            list.push(c);
        }
        Self {
            running,
            new,
            closing,
            held_back,
        }
    }

    /// Running casussen first, then new aanmeldingen, then closure candidates.
    fn items(&self) -> Vec<AgendaDraftItem> {
        let mut items = Vec::new();
        for (list, kind, minutes) in [
            (&self.running, AgendaKind::Casus, 10),
            (&self.new, AgendaKind::Nieuw, 15),
            (&self.closing, AgendaKind::Afsluiting, 5),
        ] {
            for c in list {
                items.push(AgendaDraftItem {
                    kind,
                    casus_id: Some(c.id),
                    title: title(c),
                    planned_minutes: minutes,
                    built: None,
                });
            }
        }
        items
    }
}

/// One item per theme the chair wrote down; an empty line is none.
fn theme_items(themes: &[String]) -> impl Iterator<Item = AgendaDraftItem> {
    themes
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(|theme| AgendaDraftItem {
            kind: AgendaKind::Thema,
            casus_id: None,
            title: theme.to_owned(),
            planned_minutes: 10,
            built: None,
        })
}

/// Whether a casus may be put on an agenda by hand (same gate as the builder).
pub fn may_discuss(c: &CasusForAgenda) -> Result<(), &'static str> {
    if c.status == CasusStatus::Afgesloten {
        return Err("Deze casus is afgesloten.");
    }
    if c.mode == CasusMode::Named && !c.consent_valid {
        return Err(CONSENT_MISSING);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    const DAY: NaiveDate = date!(2025 - 11 - 25);

    fn casus(
        status: CasusStatus,
        review: Option<NaiveDate>,
        open: u32,
        consent: bool,
    ) -> CasusForAgenda {
        CasusForAgenda {
            id: CasusId::new(),
            mode: CasusMode::Named,
            status,
            initials: "N.V.".into(),
            class_name: Some("2 vmbo-t".into()),
            next_review_on: review,
            open_actions: open,
            consent_valid: consent,
        }
    }

    fn kinds(draft: &AgendaDraft) -> Vec<AgendaKind> {
        draft.items.iter().map(|i| i.kind).collect()
    }

    #[test]
    fn the_agenda_has_its_sections_in_order() {
        use AgendaKind::*;
        let casussen = [
            casus(CasusStatus::Lopend, Some(DAY), 2, true),
            casus(CasusStatus::Aangemeld, None, 0, true),
            casus(CasusStatus::Lopend, Some(date!(2025 - 11 - 04)), 0, true),
            casus(CasusStatus::Lopend, Some(date!(2025 - 12 - 16)), 1, true),
            casus(CasusStatus::Afgesloten, Some(DAY), 0, true),
        ];
        let actions = [
            ActionForAgenda {
                id: ActionId::new(),
                due_on: Some(date!(2025 - 11 - 18)),
                urgent_between_meetings: false,
            },
            ActionForAgenda {
                id: ActionId::new(),
                due_on: Some(date!(2025 - 12 - 02)),
                urgent_between_meetings: true,
            },
        ];
        let draft = build(
            DAY,
            &casussen,
            &actions,
            &["Samenwerking met de huisarts".into(), " ".into()],
        );
        assert_eq!(
            kinds(&draft),
            [
                Opening,
                Actiereview,
                Casus,
                Nieuw,
                Afsluiting,
                Thema,
                Rondvraag
            ],
            "review due today, a new one, a closure candidate; not the one due later nor the closed one"
        );
        assert_eq!((draft.overdue_actions, draft.urgent_actions), (1, 1));
        assert_eq!(
            draft.items[1].title,
            "2 openstaande acties, 1 te laat, 1 urgent tussendoor"
        );
        assert_eq!(
            draft.items[2].title, "N.V. (2 vmbo-t)",
            "initials and class only"
        );
        assert!(draft.held_back.is_empty());
    }

    #[test]
    fn the_consent_gate_holds_back_named_casussen_only() {
        let named = casus(CasusStatus::Aangemeld, None, 0, false);
        let anonymous = CasusForAgenda {
            mode: CasusMode::Anonymous,
            initials: "Leerling A, groep 8".into(),
            class_name: None,
            ..casus(CasusStatus::Aangemeld, None, 0, false)
        };
        let running = casus(CasusStatus::Lopend, Some(DAY), 1, false);
        let draft = build(
            DAY,
            &[named.clone(), anonymous.clone(), running.clone()],
            &[],
            &[],
        );
        assert_eq!(
            draft
                .held_back
                .iter()
                .map(|h| h.casus_id)
                .collect::<Vec<_>>(),
            [named.id, running.id],
            "no valid consent on the meeting day: not on the agenda"
        );
        assert!(
            draft.items.iter().any(|i| i.casus_id == Some(anonymous.id)),
            "anonymous consultation may"
        );
        assert_eq!(may_discuss(&named), Err(CONSENT_MISSING));
        assert_eq!(may_discuss(&anonymous), Ok(()));
        assert_eq!(
            kinds(&build(DAY, &[], &[], &[])),
            [AgendaKind::Opening, AgendaKind::Rondvraag]
        );
    }
}
