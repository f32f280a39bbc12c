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
    pub team_count: u32,
    pub next_meeting: Option<MeetingRow>,
    pub open_actions: Vec<ActionRow>,
    pub counts: MonitorCounts,
    pub reminders: Vec<kernteam_domain::CasusReminder>,
}

impl Session {
    pub fn casussen(&mut self, team: Option<TeamId>) -> AppResult<Vec<CasusSummary>> {
        Ok(self.store()?.casussen(team)?)
    }

    pub fn meetings(&mut self) -> AppResult<Vec<MeetingRow>> {
        Ok(self.store()?.meetings()?)
    }

    pub fn actions(&mut self) -> AppResult<Vec<ActionRow>> {
        Ok(self.store()?.actions(None)?)
    }

    pub fn monitor(&mut self) -> AppResult<MonitorCounts> {
        let today = today().to_string();
        Ok(self.store()?.monitor_counts(&today)?)
    }

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
