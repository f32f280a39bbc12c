//! What the casus screens show: the dossier, search, the reminders of Vandaag.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use kernteam_domain::casus::{self, ClosureReason, Intake, SignalCategory};
use kernteam_domain::consent::{self, ConsentStatus};
use kernteam_domain::dates::{amsterdam_date, dutch_date, parse_iso};
use kernteam_domain::verzuim::{self, AbsenceWeek, HolidayCalendar, ThuiszitterDefinition};
use kernteam_domain::{
    AbsenceSnapshot, AbsenceWeekView, CasusDossier, CasusId, CasusMode, CasusStatus, CasusSummary,
    ClosureView, ConsentOverview, ReminderWhat, RouteSuggestion, SearchHit, SignalRow, VerzuimView,
};
use kernteam_store::{CasusCore, Store};

use super::pupil::BOUNDARY_WARNING_DAYS;
use crate::error::AppResult;
use crate::session::{Session, today};

impl Session {
    pub(crate) fn summary_of(&mut self, id: CasusId) -> AppResult<CasusSummary> {
        Ok(self.store()?.casus_core(id)?.summary)
    }

    /// Searches casussen, notes, decisions and actions for the words typed (each as a prefix, all
    /// required) and returns at most 30 hits, newest first; another member's private preparation
    /// note never matches. The audit log records the search and its number of hits, never the
    /// text searched.
    pub fn search(&mut self, text: &str) -> AppResult<Vec<SearchHit>> {
        let viewer = self.profile()?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let hits = store.search(text, viewer, 30)?;
        store.record_search(&actor, hits.len())?;
        Ok(hits)
    }

    /// What needs attention within the coming weeks: thuiszitter reminders (4 weeks, 3 months),
    /// a pupil turning 12 or 16 (new consent), a retention date within 30 days.
    pub fn reminders(&mut self) -> AppResult<Vec<kernteam_domain::CasusReminder>> {
        let today = today();
        let definition = self.thuiszitter_definition()?;
        let facts = self.store()?.reminder_facts()?;
        let window = Duration::days(14);
        let mut out = Vec::new();
        for f in facts {
            let birth = f.birth_date;
            let mut push = |on: NaiveDate, what: ReminderWhat| {
                out.push(kernteam_domain::CasusReminder {
                    casus_id: f.casus,
                    initials: f.initials.clone(),
                    on,
                    text: what.dutch(),
                    what,
                });
            };
            if f.closed {
                if let Some(until) = f.retention_until
                    && casus::retention_warning_due(until, today)
                {
                    push(until, ReminderWhat::RetentionEnds);
                }
                continue;
            }
            let band = verzuim::thuiszitter_band(birth, &f.attendance, definition, today);
            if band != verzuim::ThuiszitterBand::Geen
                && let Some(since) = f.attendance.absent_since.as_deref().and_then(parse_iso)
            {
                for r in verzuim::thuiszitter_reminders(since) {
                    if r.on <= today + window && r.on + window >= today {
                        push(r.on, r.what);
                    }
                }
            }
            if let Some((age, day)) = birth.and_then(|b| {
                consent::upcoming_boundary(b, today, Duration::days(BOUNDARY_WARNING_DAYS))
            }) {
                push(day, ReminderWhat::ConsentAge { age });
            }
        }
        out.sort_by_key(|r| r.on);
        Ok(out)
    }

    /// Everything the casus screen shows; the opening itself is audited.
    pub fn dossier(&mut self, id: CasusId) -> AppResult<CasusDossier> {
        let today = today();
        let viewer = self.profile()?;
        let actor = self.actor_now()?;
        let definition = self.thuiszitter_definition()?;
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        let core = store.casus_core(id)?;
        store.record_view(&actor, id)?;
        let intake: Intake = serde_json::from_str(&core.intake_json).unwrap_or_default();
        let birth = core.birth_date;
        let consent = if core.summary.mode == CasusMode::Named {
            Some(consent_overview(store, id, &core, birth, today)?)
        } else {
            None
        };
        let verzuim = verzuim_view(store, id, &core, birth, definition, &calendar, today)?;
        let signals = store.signals(id)?;
        let notes = store.notes(id, viewer)?;
        let actions = store.actions(Some(id))?;
        let links = store.linked_casussen(id)?;
        let timeline = store.timeline(id, viewer.map(|v| v.to_string()).as_deref())?;
        let closure = closure_view(&core);
        let routes = self.route_suggestions(core.region.as_deref(), &signals)?;
        Ok(CasusDossier {
            read_only: core.summary.status == CasusStatus::Afgesloten,
            summary: core.summary,
            school_name: core.school_name,
            birth_date: core.birth_date,
            anonymous_reason: core.anonymous_reason,
            intake,
            signals,
            consent,
            notes,
            actions,
            verzuim,
            links,
            converted_from: core.converted_from,
            converted_to: core.converted_to,
            closure,
            routes,
            timeline,
        })
    }

    /// The routekaart's first steps (of the school's region) for the categories signalled.
    fn route_suggestions(
        &mut self,
        region: Option<&str>,
        signals: &[SignalRow],
    ) -> AppResult<Vec<RouteSuggestion>> {
        let kaart = self.routekaart(region)?;
        let mut categories: Vec<SignalCategory> = signals.iter().map(|s| s.category).collect();
        categories.dedup();
        let routes = kaart
            .iter()
            .filter(|s| categories.contains(&s.category))
            .map(|s| RouteSuggestion {
                category: s.category,
                first_partner: s.first_partner.clone(),
                advice: s.advice.clone(),
            })
            .collect();
        Ok(routes)
    }
}

/// The consent of a named casus as it stands on the day of the team's next meeting (today when
/// none is planned), with a warning when the pupil soon turns 12 or 16.
fn consent_overview(
    store: &Store,
    id: CasusId,
    core: &CasusCore,
    birth: Option<NaiveDate>,
    today: NaiveDate,
) -> AppResult<ConsentOverview> {
    let facts = store.consent_facts(id)?;
    let status_on = store
        .next_meeting_on(core.summary.team_id, today)?
        .map_or(today, amsterdam_date);
    let status = birth.map_or(ConsentStatus::Geen, |b| {
        consent::status(b, &facts.holders, &facts.records, status_on)
    });
    let warning = birth
        .and_then(|b| consent::upcoming_boundary(b, today, Duration::days(BOUNDARY_WARNING_DAYS)))
        .map(|(age, day)| match age {
            12 => format!(
                "De leerling wordt 12 op {}: vanaf dan moet de leerling zelf ook toestemming geven.",
                dutch_date(day)
            ),
            _ => format!(
                "De leerling wordt 16 op {}: vanaf dan beslist de leerling zelf; vraag opnieuw toestemming.",
                dutch_date(day)
            ),
        });
    Ok(ConsentOverview {
        label: status.label(),
        status,
        status_on,
        holders: facts.holders,
        records: facts.views,
        warning,
    })
}

/// The verzuim helper: the entered weeks with holiday weeks marked, the meldplicht and DUO
/// deadline they lead to, and the thuiszitter band with its reminders.
fn verzuim_view(
    store: &Store,
    id: CasusId,
    core: &CasusCore,
    birth: Option<NaiveDate>,
    definition: ThuiszitterDefinition,
    calendar: &HolidayCalendar,
    today: NaiveDate,
) -> AppResult<VerzuimView> {
    let snapshots = store.absence_snapshots(id)?;
    let region = core.holiday_region;
    let is_holiday = |d: NaiveDate| calendar.is_holiday_week(region.code(), d);
    let weeks = latest_weeks(&snapshots);
    let meldplicht = verzuim::meldplicht_reached(&weeks, is_holiday);
    let facts = store.attendance(id)?;
    let band = verzuim::thuiszitter_band(birth, &facts, definition, today);
    let reminders = facts
        .absent_since
        .as_deref()
        .and_then(parse_iso)
        .map(|d| verzuim::thuiszitter_reminders(d).to_vec())
        .unwrap_or_default();
    let exemption_5a_until = facts
        .exemption_5a_from
        .as_deref()
        .and_then(parse_iso)
        .map(verzuim::exemption_5a_until);
    Ok(VerzuimView {
        weeks: weeks
            .iter()
            // Weeks were checked to start on a Monday when they were entered.
            .filter_map(|w| {
                let week_start = parse_iso(&w.week_start)?;
                Some(AbsenceWeekView {
                    week_start,
                    authorised_hours: w.authorised_hours,
                    unauthorised_hours: w.unauthorised_hours,
                    holiday: is_holiday(week_start),
                })
            })
            .collect(),
        snapshots,
        hour_unit: core.school_kind.hour_unit(),
        holiday_region: region,
        meldplicht_week: meldplicht,
        duo_deadline: meldplicht.map(verzuim::duo_deadline),
        facts,
        band,
        reminders,
        definition,
        exemption_5a_until,
    })
}

/// One figure per week, oldest week first; where snapshots cover the same week, the one later
/// in the list wins.
fn latest_weeks(snapshots: &[AbsenceSnapshot]) -> Vec<AbsenceWeek> {
    let mut latest: BTreeMap<String, AbsenceWeek> = BTreeMap::new();
    for snap in snapshots {
        for w in &snap.weeks {
            latest.insert(w.week_start.clone(), w.clone());
        }
    }
    latest.into_values().collect()
}

/// How the casus was closed, once it is.
fn closure_view(core: &CasusCore) -> Option<ClosureView> {
    match (
        &core.closed_on,
        core.closure_reason
            .as_deref()
            .and_then(ClosureReason::from_code),
    ) {
        (Some(on), Some(reason)) => Some(ClosureView {
            closed_on: *on,
            reason,
            reason_label: reason.label().to_owned(),
            outcome: core.closure_outcome.clone(),
            retention_until: core.retention_until,
        }),
        _ => None,
    }
}
