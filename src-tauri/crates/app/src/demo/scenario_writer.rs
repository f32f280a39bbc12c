//! One scenario written through the store as it stands on the day the demo is loaded: placed
//! on its school's calendar, its casus opened (named, or anonymous and converted once the
//! parents consent) with its signals, and then its history (`scenario_history.rs`). Each record
//! is written with the one clock set to the day it happened; what lies after the scenario's
//! "today" on that calendar has not happened yet and is left out.

use chrono::NaiveDate;
use kernteam_domain::casus::SignalCategory;
use kernteam_domain::clock;
use kernteam_domain::consent::GezagHolder;
use kernteam_domain::verzuim::HolidayCalendar;
use kernteam_domain::{CasusId, CasusStatus, NewSignal, NoteKind, Urgency};
use kernteam_store::{CasusSeed, PupilSeed};

use super::scenario_history::{
    GivenConsent, add_actions, add_consents, add_feedback, add_verzuim, close, demo_note,
};
use super::scenario_types::Scenario;
use super::scenarios::{DemoStore, DemoTeam, Shift};
use crate::error::{AppError, AppResult, ErrorCode};

/// A scenario placed on its school's calendar, with the days that decide what has happened.
pub(super) struct Placed<'s> {
    pub(super) scenario: &'s Scenario,
    pub(super) team: DemoTeam,
    pub(super) shift: Shift,
    /// The scenarios' own "today" on this school's calendar: what came before it happened.
    pub(super) now: NaiveDate,
    /// The first signal or event: the aanmelding.
    pub(super) opened: NaiveDate,
    /// The closure, once it has come.
    pub(super) closed: Option<NaiveDate>,
}

impl<'s> Placed<'s> {
    /// None while nothing of the scenario has happened: it has no dated signal or event, or
    /// the first lies after its "today".
    fn on(scenario: &'s Scenario, team: DemoTeam, shift: Shift) -> Option<Self> {
        let now = shift.now();
        let on_school_day = |date: Option<&str>| date.and_then(|d| shift.school_day(d));
        let signal_days = scenario
            .signals
            .iter()
            .filter_map(|s| on_school_day(s.date.as_deref()));
        let event_days = scenario
            .events
            .iter()
            .filter_map(|e| on_school_day(e.date.as_deref()));
        let opened = signal_days.chain(event_days).min()?;
        if opened > now {
            return None;
        }
        let closed = scenario
            .closure
            .date
            .as_deref()
            .and_then(|d| shift.date(d))
            .filter(|d| *d <= now);
        Some(Self {
            scenario,
            team,
            shift,
            now,
            opened,
            closed,
        })
    }

    /// Meetings, conversations and consent happen on school days, never in a holiday.
    pub(super) fn school_day(&self, date: Option<&str>) -> Option<NaiveDate> {
        date.and_then(|d| self.shift.school_day(d))
    }

    fn event_days(&self) -> impl Iterator<Item = NaiveDate> {
        self.scenario
            .events
            .iter()
            .filter_map(|e| self.school_day(e.date.as_deref()))
    }
}

/// Writes one scenario as it stands on `today`; nothing when it has not begun by then, and
/// only the anonymous consultation while it is not converted yet.
pub(super) fn write(
    demo: &mut DemoStore<'_>,
    scenario: &Scenario,
    team: DemoTeam,
    calendar: &HolidayCalendar,
    today: NaiveDate,
) -> AppResult<()> {
    let shift = Shift::onto(calendar, team.region, today);
    let Some(placed) = Placed::on(scenario, team, shift) else {
        return Ok(());
    };
    let holders = gezag_holders(scenario);
    let opening = Opening::of(&placed);
    let seed = opening.seed(&placed);
    let named = if scenario.starts_anonymous() {
        let Some(named) = open_anonymous_then_named(demo, &placed, &holders, &seed)? else {
            return Ok(());
        };
        named
    } else {
        open_named(demo, &placed, &holders, &seed)?
    };
    add_consents(demo, &placed, &holders, &named)?;
    add_verzuim(demo, &placed, named.id)?;
    add_feedback(demo, &placed, named.id)?;
    add_actions(demo, &placed, &named)?;
    close(demo, &placed, named.id)
}

/// What the casus is opened with, and the texts its seed borrows.
struct Opening {
    status: CasusStatus,
    opened_on: String,
    next_review_on: Option<String>,
    intake_json: String,
}

impl Opening {
    fn of(placed: &Placed<'_>) -> Self {
        let (scenario, now) = (placed.scenario, placed.now);
        // An evaluation that has come ("nextReview" in the past) puts a casus on the next agenda.
        let next_review = scenario
            .next_review
            .as_deref()
            .and_then(|d| placed.shift.date(d))
            .or_else(|| placed.event_days().filter(|d| *d > now).min());
        let discussed = placed.event_days().any(|d| d <= now);
        let status = match (placed.closed, discussed) {
            (Some(_), _) => CasusStatus::Afgesloten,
            (None, true) => CasusStatus::Lopend,
            (None, false) => CasusStatus::Aangemeld,
        };
        Self {
            // Created open; a closed scenario is closed at the end, after its history is in.
            status: if status == CasusStatus::Afgesloten {
                CasusStatus::Lopend
            } else {
                status
            },
            opened_on: placed.opened.to_string(),
            next_review_on: next_review.map(|d| d.to_string()),
            intake_json: scenario
                .intake
                .as_ref()
                .map(serde_json::Value::to_string)
                .unwrap_or_else(|| "{}".into()),
        }
    }

    fn seed<'a>(&'a self, placed: &'a Placed<'_>) -> CasusSeed<'a> {
        let scenario = placed.scenario;
        let hulpvraag = scenario
            .hulpvraag
            .as_deref()
            .or(scenario.title.as_deref())
            .unwrap_or("Hulpvraag");
        CasusSeed {
            urgency: Urgency::Normaal,
            status: self.status,
            next_review_on: self.next_review_on.as_deref(),
            intake_json: &self.intake_json,
            hulpvraag_category: scenario.hulpvraag_domain(),
            ..CasusSeed::aangemeld(placed.team.team, hulpvraag, &self.opened_on)
        }
    }
}

/// Who has gezag: as the scenario lists it, or else the parents who gave consent.
fn gezag_holders(scenario: &Scenario) -> Vec<GezagHolder> {
    let mut labels: Vec<String> = scenario
        .pupil
        .gezag
        .iter()
        .map(|g| g.split(" (").next().unwrap_or(g.as_str()).to_owned())
        .collect();
    if labels.is_empty() {
        for g in scenario.consent.iter().flat_map(|c| &c.givers) {
            if !g.starts_with("leerling") && !labels.iter().any(|l| l == g) {
                labels.push(g.clone());
            }
        }
    }
    labels
        .into_iter()
        .map(|label| GezagHolder {
            id: uuid::Uuid::now_v7().to_string(),
            label,
            has_gezag: true,
        })
        .collect()
}

/// The casus under the pupil's name, from the day it got the name.
pub(super) struct NamedCasus {
    pub(super) id: CasusId,
    pub(super) named_from: NaiveDate,
    /// The day of the consent the conversion was made with, which is recorded by it.
    pub(super) consent_with_conversion: Option<NaiveDate>,
}

/// The pupil's birthday, moved with the calendar.
fn birth_date(placed: &Placed<'_>) -> String {
    placed
        .shift
        .birth(placed.scenario.pupil.dob.as_deref())
        .unwrap_or_else(|| "2012-01-01".into())
}

/// The pupil as the named casus has them; `birth` from `birth_date`.
fn pupil_seed<'a>(placed: &'a Placed<'_>, birth: &'a str) -> PupilSeed<'a> {
    let pupil = &placed.scenario.pupil;
    let name = pupil
        .pseudonym
        .as_deref()
        .or(pupil.pseudonym_named.as_deref())
        .unwrap_or("Demo Leerling");
    let (given, family) = name.split_once(' ').unwrap_or((name, "Demo"));
    PupilSeed {
        school: placed.team.school,
        given_name: given,
        family_name: family,
        birth_date: birth,
        class_name: pupil.grade.as_deref().unwrap_or("groep 8"),
    }
}

/// A casus under the pupil's name from the first signal on.
fn open_named(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    holders: &[GezagHolder],
    seed: &CasusSeed<'_>,
) -> AppResult<NamedCasus> {
    let birth = birth_date(placed);
    let named = {
        let _at = clock::fixed_on(placed.opened);
        let pupil = pupil_seed(placed, &birth);
        demo.store
            .create_named_casus(demo.actor, &pupil, holders, seed)?
    };
    add_signals(demo, placed, named)?;
    Ok(NamedCasus {
        id: named,
        named_from: placed.opened,
        consent_with_conversion: None,
    })
}

/// An anonymous consultation first, converted to a named casus with the parents' consent;
/// None while the conversion has not come.
fn open_anonymous_then_named(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    holders: &[GezagHolder],
    seed: &CasusSeed<'_>,
) -> AppResult<Option<NamedCasus>> {
    let (scenario, now) = (placed.scenario, placed.now);
    let pseudonym = scenario
        .pupil
        .pseudonym_anonymous
        .as_deref()
        .unwrap_or("Leerling A");
    let reason = scenario
        .events
        .iter()
        .find_map(|e| e.reason.as_deref())
        .unwrap_or("toestemming geweigerd");
    let anonymous = {
        let _at = clock::fixed_on(placed.opened);
        demo.store
            .create_anonymous_casus(demo.actor, pseudonym, reason, seed)?
    };
    add_signals(demo, placed, anonymous)?;
    add_anonymous_advice(demo, placed, anonymous)?;
    let conversion = scenario
        .events
        .iter()
        .find(|e| e.kind.as_deref() == Some("conversie_naar_benoemd"))
        .and_then(|e| placed.school_day(e.date.as_deref()))
        .filter(|d| *d <= now);
    // Not converted yet on this (shifted) day: only the anonymous consultation exists.
    let Some(converted) = conversion else {
        return Ok(None);
    };
    let consent = scenario
        .consent
        .iter()
        .filter_map(|c| GivenConsent::of(c, placed, holders))
        .find(|c| c.given_on <= converted)
        .ok_or_else(|| AppError::new(ErrorCode::Internal, "demo: conversion without consent"))?;
    let birth = birth_date(placed);
    let _at = clock::fixed_on(converted);
    let named = demo.store.convert_to_named(
        demo.actor,
        anonymous,
        &pupil_seed(placed, &birth),
        holders,
        &consent.seed(&consent.given_on.to_string()),
        &converted.to_string(),
    )?;
    Ok(Some(NamedCasus {
        id: named,
        named_from: converted,
        consent_with_conversion: Some(consent.given_on),
    }))
}

/// The signals that have come by the scenario's "today".
fn add_signals(demo: &mut DemoStore<'_>, placed: &Placed<'_>, casus: CasusId) -> AppResult<()> {
    for signal in &placed.scenario.signals {
        let Some(on) = placed
            .school_day(signal.date.as_deref())
            .filter(|d| *d <= placed.now)
        else {
            continue;
        };
        demo.store.add_signal(
            demo.actor,
            casus,
            &NewSignal {
                observed_on: on.to_string(),
                source: signal.source.as_deref().unwrap_or("school").to_owned(),
                category: signal
                    .category
                    .as_deref()
                    .and_then(SignalCategory::from_code)
                    .unwrap_or(SignalCategory::Ontwikkeling),
                description: signal.text.as_deref().unwrap_or_default().to_owned(),
            },
        )?;
    }
    Ok(())
}

/// Each anonymous consultation is a meeting of the team; its advice, once given, a note.
fn add_anonymous_advice(
    demo: &mut DemoStore<'_>,
    placed: &Placed<'_>,
    anonymous: CasusId,
) -> AppResult<()> {
    let consultations = placed
        .scenario
        .events
        .iter()
        .filter(|e| e.kind.as_deref() == Some("anonieme_consultatie"));
    for event in consultations {
        if let (Some(advice), Some(on)) = (
            event.advice.as_deref(),
            placed.school_day(event.date.as_deref()),
        ) {
            demo.meeting_for(placed.team.team, on)?;
            if on <= placed.now {
                let _at = clock::fixed_on(on);
                let chair = placed.team.chair;
                demo_note(demo, chair, anonymous, NoteKind::Bespreking, advice)?;
            }
        }
    }
    Ok(())
}
