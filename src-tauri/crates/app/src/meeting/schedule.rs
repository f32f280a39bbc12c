//! The year schedule of a team: its recurrence, the exceptions, the planned dates and their
//! calendar file (rules in `kernteam_domain::schedule`).

use kernteam_domain::dates::{amsterdam_instant, amsterdam_to_utc, parse_iso};
use kernteam_domain::ics::CalendarEntry;
use kernteam_domain::schedule::{self, Exception, PlannedDate, Recurrence};
use kernteam_domain::validation::Invalid;
use kernteam_domain::{CasusId, TeamId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

/// A team's year schedule (jaarrooster) of meetings: its rhythm, the exceptions, and the dates
/// it yields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleView {
    /// The rhythm of the meetings (every N weeks on a weekday, at a time, between two dates);
    /// `None` while the team has no schedule yet.
    pub recurrence: Option<Recurrence>,
    /// Generated dates moved to another day or cancelled; empty when there are none.
    pub exceptions: Vec<Exception>,
    /// Every meeting date the schedule yields: holiday weeks of the school's region skipped,
    /// exceptions applied; empty without a schedule.
    pub planned: Vec<PlannedDate>,
}

pub(crate) fn json_error(e: serde_json::Error) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        "Het jaarrooster kon niet worden gelezen of bewaard.",
    )
    .caused_by(e)
}

impl Session {
    pub(crate) fn planned_dates(
        &mut self,
        team: TeamId,
        recurrence: &Recurrence,
        exceptions: &[Exception],
    ) -> AppResult<Vec<PlannedDate>> {
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        let school = store.school_of_team(team)?;
        let region = store
            .schools()?
            .into_iter()
            .find(|s| s.id == school)
            .map_or(kernteam_domain::HolidayRegion::Midden, |s| s.holiday_region);
        Ok(recurrence.dates(
            |d| schedule::in_holiday(&calendar, region.code(), d),
            exceptions,
        )?)
    }

    /// The team's year schedule with its planned dates; all empty (`recurrence` `None`) when the
    /// team has none yet.
    pub fn schedule(&mut self, team: TeamId) -> AppResult<ScheduleView> {
        let Some((recurrence, exceptions)) = self.store()?.schedule(team)? else {
            return Ok(ScheduleView {
                recurrence: None,
                exceptions: vec![],
                planned: vec![],
            });
        };
        let recurrence: Recurrence = serde_json::from_str(&recurrence).map_err(json_error)?;
        let exceptions: Vec<Exception> = serde_json::from_str(&exceptions).map_err(json_error)?;
        let planned = self.planned_dates(team, &recurrence, &exceptions)?;
        Ok(ScheduleView {
            recurrence: Some(recurrence),
            exceptions,
            planned,
        })
    }

    /// Saves the schedule and makes the planned meetings from today on match it.
    pub fn set_schedule(
        &mut self,
        team: TeamId,
        recurrence: &Recurrence,
        exceptions: &[Exception],
    ) -> AppResult<ScheduleView> {
        recurrence.validate()?;
        for e in exceptions {
            if let Exception::Moved { to, time, .. } = e {
                if parse_iso(to).is_none() {
                    return Err(Invalid::new(
                        "exceptions",
                        "Kies de nieuwe datum van het verplaatste overleg.",
                    )
                    .into());
                }
                if time
                    .as_deref()
                    .is_some_and(|t| schedule::parse_time(t).is_none())
                {
                    return Err(Invalid::new("exceptions", "Vul de tijd in als uu:mm.").into());
                }
            }
        }
        let planned = self.planned_dates(team, recurrence, exceptions)?;
        let starts: Vec<String> = planned
            .iter()
            .filter_map(|p| {
                let day = parse_iso(&p.date)?;
                let (h, m) = schedule::parse_time(&p.time)?;
                Some(amsterdam_to_utc(day, h, m))
            })
            .collect();
        let from = amsterdam_to_utc(today(), 0, 0);
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.set_schedule(
            &actor,
            team,
            &serde_json::to_string(recurrence).map_err(json_error)?,
            &serde_json::to_string(exceptions).map_err(json_error)?,
        )?;
        store.sync_planned_meetings(
            &actor,
            team,
            &from,
            &starts,
            recurrence.location.as_deref(),
        )?;
        self.schedule(team)
    }

    /// The team's coming meetings and the deadlines of its open actions as iCalendar text:
    /// team, time and organisation only, never a pupil or an action's wording.
    pub fn schedule_ics(&mut self, team: TeamId) -> AppResult<String> {
        let from = amsterdam_instant(today(), 0, 0).unwrap_or_else(kernteam_domain::clock::now);
        let actor = self.actor_now()?;
        let store = self.store()?;
        let team_name = store
            .teams()?
            .into_iter()
            .find(|t| t.id == team)
            .map(|t| t.name)
            .ok_or(kernteam_store::StoreError::NotFound("team"))?;
        let meetings: Vec<_> = store
            .meetings()?
            .into_iter()
            .filter(|m| {
                m.team_id == team
                    && m.starts_at >= from
                    && m.status != kernteam_domain::MeetingStatus::Geannuleerd
            })
            .collect();
        let casussen: Vec<CasusId> = store
            .agenda_casussen(team)?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let actions: Vec<_> = store
            .actions(None)?
            .into_iter()
            .filter(|a| {
                a.status == kernteam_domain::ActionStatus::Open
                    && a.casus_id.is_some_and(|c| casussen.contains(&c))
            })
            .filter(|a| a.due_on.is_some_and(|d| d >= today()))
            .collect();
        let mut entries: Vec<CalendarEntry<'_>> = meetings
            .iter()
            .map(|m| CalendarEntry::Meeting {
                uid: m.id.to_string(),
                starts_at: m.starts_at,
                minutes: 90,
                team: &team_name,
                location: m.location.as_deref(),
            })
            .collect();
        for a in &actions {
            if let Some(on) = a.due_on {
                entries.push(CalendarEntry::Deadline {
                    uid: a.id.to_string(),
                    on,
                    owner: a.owner.as_deref().unwrap_or("kernteam"),
                    team: &team_name,
                });
            }
        }
        let text = kernteam_domain::ics::calendar(
            &entries,
            amsterdam_instant(today(), 12, 0).unwrap_or_else(kernteam_domain::clock::now),
        );
        store.record_export(&actor, "schedule", &team.to_string())?;
        Ok(text)
    }
}
