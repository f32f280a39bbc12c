//! Loading the demo through the store, on the day it is loaded.

use chrono::NaiveDate;

use crate::error::AppResult;
use crate::session::{Session, today};

impl Session {
    /// Loads the fictitious demo casussen (assets/demo) into the unlocked store.
    pub fn load_demo(&mut self) -> AppResult<crate::demo::DemoSummary> {
        self.load_demo_as_of(today())
    }

    /// The demo as it looks on `day` (the demo's dates follow the calendar).
    pub fn load_demo_as_of(&mut self, day: NaiveDate) -> AppResult<crate::demo::DemoSummary> {
        let actor = self.actor_now()?;
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        let summary = crate::demo::load(store, &actor, &calendar, day)?;
        // The demo is looked at through the eyes of a chair, so notes have an author.
        if self.profile()?.is_none()
            && let Some(chair) = self.members()?.into_iter().find(|m| {
                m.roles
                    .iter()
                    .any(|r| r.role == kernteam_domain::Role::Voorzitter)
            })
        {
            self.set_profile(chair.id)?;
        }
        crate::demo::held::hold_past_meetings(self, day)?;
        Ok(summary)
    }
}
