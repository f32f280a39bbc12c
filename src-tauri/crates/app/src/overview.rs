//! What the lists and Vandaag show: a team's casussen, meetings, actions, the monitor's counts.

use kernteam_domain::{ActionRow, CasusSummary, MeetingRow, MonitorCounts, TeamId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppResult;
use crate::session::{Session, today};

/// What the Vandaag screen shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    /// How many kernteams this laptop holds, over all schools.
    pub team_count: u32,
    /// The next planned meeting of any team from now on; `None` when none is planned.
    pub next_meeting: Option<MeetingRow>,
    /// The first 8 open follow-up actions of all teams, soonest due first (those without a date
    /// last).
    pub open_actions: Vec<ActionRow>,
    /// The monitor's counts over the whole store (casussen by status, actions open and overdue,
    /// meetings held).
    pub counts: MonitorCounts,
    /// What needs attention soon, earliest first: a pupil out of school for 4 weeks or 3 months
    /// (thuiszitter), a pupil turning 12 or 16 who needs new consent, a retention date running
    /// out.
    pub reminders: Vec<kernteam_domain::CasusReminder>,
}

impl Session {
    /// The casussen of one team, or of all teams with `None`: open ones first, then closed, each
    /// group most recently opened first.
    pub fn casussen(&mut self, team: Option<TeamId>) -> AppResult<Vec<CasusSummary>> {
        Ok(self.store()?.casussen(team)?)
    }

    /// Every meeting of every team, latest start first.
    pub fn meetings(&mut self) -> AppResult<Vec<MeetingRow>> {
        Ok(self.store()?.meetings()?)
    }

    /// Every follow-up action of all teams, open ones first by due date.
    pub fn actions(&mut self) -> AppResult<Vec<ActionRow>> {
        Ok(self.store()?.actions(None)?)
    }

    /// The monitor's counts over the whole store; actions due before today count as overdue.
    pub fn monitor(&mut self) -> AppResult<MonitorCounts> {
        let today = today().to_string();
        Ok(self.store()?.monitor_counts(&today)?)
    }

    /// Everything the Vandaag (today) screen shows; reads only, records nothing.
    pub fn overview(&mut self) -> AppResult<Overview> {
        let now = kernteam_domain::clock::now_rfc3339();
        let counts = self.monitor()?;
        let store = self.store()?;
        let team_count = u32::try_from(store.teams()?.len()).unwrap_or(u32::MAX);
        let next_meeting = store.next_planned_meeting(&now)?;
        let open_actions = store.open_actions_due_first(8)?;
        let reminders = self.reminders()?;
        Ok(Overview {
            team_count,
            next_meeting,
            open_actions,
            counts,
            reminders,
        })
    }
}
