//! What a demo casus gathers once it is open, as far as it has happened by the scenario's
//! "today": consent recorded on its days, the absence the school entered, partners' feedback,
//! the actions agreed in meetings, and last the closure. Each is written with the one clock set
//! to the day it happened.

use chrono::NaiveDate;
use kernteam_domain::casus;
use kernteam_domain::clock;
use kernteam_domain::consent::{GezagHolder, Giver};
use kernteam_domain::verzuim::{AbsenceWeek, AttendanceFacts};
use kernteam_domain::{
    ActionStatus, CasusId, ConsentMethod, DataCategory, MeetingId, MemberId, NoteDraft, NoteId,
    NoteKind, OrganisationKind, SnapshotMoment,
};
use kernteam_store::{ActionSeed, ClosureSeed, ConsentSeed};

use super::scenario_types::{ScenarioAction, ScenarioConsent};
use super::scenario_writer::{NamedCasus, Placed};
use super::scenarios::{DemoStore, Shift};
use crate::error::AppResult;

fn owner_kind(code: &str) -> OrganisationKind {
    match code {
        "jgz" => OrganisationKind::Jgz,
        "cjg" => OrganisationKind::Cjg,
        "smw" => OrganisationKind::Smw,
        "swv" => OrganisationKind::Swv,
        "leerplicht" => OrganisationKind::Leerplicht,
        _ => OrganisationKind::School,
    }
}

fn action_status(code: &str) -> ActionStatus {
    match code {
        "done" => ActionStatus::Gedaan,
        "partial" => ActionStatus::Deels,
        "not_done" => ActionStatus::NietGedaan,
        "cancelled" => ActionStatus::Vervallen,
        _ => ActionStatus::Open,
    }
}

/// A consent given by the scenario's "today", as the store records it.
pub(super) struct GivenConsent {
    pub(super) given_on: NaiveDate,
    givers: Vec<Giver>,
    scope: Vec<String>,
    valid_until: String,
}

impl GivenConsent {
    /// None for a consent refused or not given yet.
    pub(super) fn of(
        consent: &ScenarioConsent,
        placed: &Placed<'_>,
        holders: &[GezagHolder],
    ) -> Option<Self> {
        let given_on = placed
            .school_day(consent.date.as_deref())
            .filter(|d| *d <= placed.now)?;
        if consent.status.as_deref() == Some("refused") {
            return None;
        }
        let givers = consent
            .givers
            .iter()
            .filter_map(|g| {
                if g.starts_with("leerling") {
                    Some(Giver::Pupil)
                } else {
                    holders
                        .iter()
                        .find(|h| h.label == *g)
                        .map(|h| Giver::Holder(h.id.clone()))
                }
            })
            .collect();
        Some(Self {
            given_on,
            givers,
            scope: consent.scope.clone(),
            valid_until: Shift::valid_until(given_on),
        })
    }

    /// The store's seed; `given_on` is this consent's day as text.
    pub(super) fn seed<'a>(&'a self, given_on: &'a str) -> ConsentSeed<'a> {
        ConsentSeed {
            given_on,
            givers: &self.givers,
            scope_organisations: &self.scope,
            scope_categories: &[],
            method: ConsentMethod::Formulier.code(),
            recorded_by: None,
            valid_until: &self.valid_until,
        }
    }
}

/// The consents given by the day, each on its own day; the one a conversion was made with is
/// already recorded.
pub(super) fn add_consents(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    holders: &[GezagHolder],
    named: &NamedCasus,
) -> AppResult<()> {
    for c in &placed.scenario.consent {
        let Some(consent) = GivenConsent::of(c, placed, holders) else {
            continue;
        };
        if Some(consent.given_on) == named.consent_with_conversion {
            continue;
        }
        let _at = clock::fixed_on(consent.given_on);
        let given_on = consent.given_on.to_string();
        demo.store
            .add_consent(demo.actor, named.id, &consent.seed(&given_on))?;
    }
    Ok(())
}

/// What partners reported back, a note on the day they did.
pub(super) fn add_feedback(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    casus: CasusId,
) -> AppResult<()> {
    for event in &placed.scenario.events {
        if let (Some(feedback), Some(on)) = (
            event.feedback.as_deref(),
            placed.school_day(event.date.as_deref()),
        ) && on <= placed.now
        {
            let _at = clock::fixed_on(on);
            let chair = placed.team.chair;
            demo_note(demo, chair, casus, NoteKind::Terugkoppeling, feedback)?;
        }
    }
    Ok(())
}

/// Every dated event is a meeting of the team (planned even when it lies ahead); the actions
/// of the ones held since the casus got its name are written with the day they were agreed.
pub(super) fn add_actions(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    named: &NamedCasus,
) -> AppResult<()> {
    for event in &placed.scenario.events {
        let Some(date) = placed.school_day(event.date.as_deref()) else {
            continue;
        };
        let meeting = demo.meeting_for(placed.team.team, date)?;
        if date > placed.now || date < named.named_from {
            continue;
        }
        let _at = clock::fixed_on(date);
        for action in &event.actions {
            add_action(demo, placed, named.id, meeting, action)?;
        }
    }
    Ok(())
}

fn add_action(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    casus: CasusId,
    meeting: MeetingId,
    action: &ScenarioAction,
) -> AppResult<()> {
    let due = placed.shift.text(action.due.as_deref());
    // What the scenario reports as done only counts once its due date has passed, or
    // once the casus is closed (closure needs every action resolved).
    let finished = placed.closed.is_some()
        || due
            .as_deref()
            .is_some_and(|d| d < placed.now.to_string().as_str());
    let status = if finished {
        action_status(action.status.as_deref().unwrap_or("open"))
    } else {
        ActionStatus::Open
    };
    let owner = owner_kind(action.owner.as_deref().unwrap_or("school"));
    demo.store.create_action(
        demo.actor,
        &ActionSeed {
            casus: Some(casus),
            meeting: Some(meeting),
            description: action.what.as_deref().unwrap_or("Actie"),
            owner_member: None,
            owner_organisation: placed.team.orgs.get(&owner).copied(),
            due_on: due.as_deref(),
            status,
            urgent: false,
            category: DataCategory::School,
        },
    )?;
    Ok(())
}

/// A closed scenario is closed last, after its history is in.
pub(super) fn close(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    casus: CasusId,
) -> AppResult<()> {
    let Some(closed_on) = placed.closed else {
        return Ok(());
    };
    let closure = &placed.scenario.closure;
    let outcome = closure
        .detail
        .as_deref()
        .unwrap_or("Doel bereikt; afgesproken met het kernteam");
    let retention = casus::retention_until(closed_on, None, 2).to_string();
    let closed_on_text = closed_on.to_string();
    let _at = clock::fixed_on(closed_on);
    demo.store.close_casus(
        demo.actor,
        casus,
        &ClosureSeed {
            closed_on: &closed_on_text,
            reason: closure.reason.as_deref().unwrap_or("doel_bereikt"),
            outcome,
            left_school_on: None,
            retention_until: &retention,
        },
    )?;
    Ok(())
}

/// A note in the demo, written and shared by the team's chair.
pub(super) fn demo_note(
    demo: &mut DemoStore<'_>,
    author: MemberId,
    casus: CasusId,
    kind: NoteKind,
    text: &str,
) -> AppResult<()> {
    demo.store.save_note(
        demo.actor,
        author,
        &NoteDraft {
            id: NoteId::new(),
            casus_id: casus,
            kind,
            category: DataCategory::School,
            facts: text.to_owned(),
            opinions: String::new(),
        },
    )?;
    Ok(())
}

/// The scenario's absence: an intake snapshot of weekly hours, and the facts (first day at
/// home, DUO report date) the school entered.
pub(super) fn add_verzuim(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    casus: CasusId,
) -> AppResult<()> {
    let Some(v) = &placed.scenario.verzuim else {
        return Ok(());
    };
    let (shift, opened) = (&placed.shift, placed.opened);
    let _at = clock::fixed_on(opened);
    let mut weeks: Vec<AbsenceWeek> = v
        .weeks
        .iter()
        // A holiday week has no lessons, so the school enters no hours for it.
        .filter(|w| w.holiday != Some(true))
        .filter_map(|w| {
            Some(AbsenceWeek {
                week_start: shift.text(w.week.as_deref())?,
                authorised_hours: 0,
                unauthorised_hours: hours(w.unauthorised_lesson_hours),
            })
        })
        .collect();
    if let Some(intake) = &v.intake {
        // The four school weeks before the aanmelding, the hours spread as they were reported.
        let authorised = hours(intake.authorised_hours_4w);
        let unauthorised = hours(intake.unauthorised_hours_4w);
        for (i, monday) in (1..=4u32).zip(shift.school_weeks().weeks_before(opened, 4)) {
            weeks.push(AbsenceWeek {
                week_start: monday.to_string(),
                authorised_hours: authorised / 4 + u32::from(i <= authorised % 4),
                unauthorised_hours: unauthorised / 4 + u32::from(i <= unauthorised % 4),
            });
        }
    }
    if !weeks.is_empty() {
        let taken_on = opened.to_string();
        demo.store.add_absence_snapshot(
            demo.actor,
            casus,
            SnapshotMoment::Intake,
            &taken_on,
            &weeks,
        )?;
    }
    let facts = AttendanceFacts {
        absent_since: shift.text(v.absent_since.as_deref()),
        reported_sick: false,
        duo_reported_on: shift.text(v.duo_melding_by_school.as_deref()),
        exemption_5a_from: shift.text(v.exemption_5a.as_deref()),
    };
    if facts != AttendanceFacts::default() {
        demo.store.set_attendance(demo.actor, casus, &facts)?;
    }
    Ok(())
}

/// Hours as the store counts them: none where the scenario states none (or more than fit).
fn hours(reported: Option<u64>) -> u32 {
    reported.and_then(|h| u32::try_from(h).ok()).unwrap_or(0)
}
