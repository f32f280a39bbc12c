//! Follow-up actions resolved outside a meeting, and closing a casus with its outcome.

use kernteam_domain::casus::{self, Closure};
use kernteam_domain::dates::parse_iso;
use kernteam_domain::{ActionId, ActionStatus, CasusId};
use kernteam_store::ClosureSeed;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

impl Session {
    /// Sets how a follow-up action (actiepunt) ended outside a meeting (gedaan, deels, niet gedaan,
    /// vervallen, or open again), with optional one-line feedback of at most 500 characters
    /// (without it, earlier feedback stays). Recorded in the audit log; `NotFound` when the action
    /// does not exist or its casus is closed.
    pub fn resolve_action(
        &mut self,
        action: ActionId,
        status: ActionStatus,
        feedback: Option<&str>,
    ) -> AppResult<()> {
        let feedback = kernteam_domain::validation::optional_text(
            "feedback",
            "de terugkoppeling",
            feedback,
            500,
        )?;
        let actor = self.actor_now()?;
        self.store()?
            .set_action_status(&actor, action, status, feedback.as_deref())?;
        Ok(())
    }

    /// Closes a casus: reason and outcome, no open actions, then read-only with its retention date.
    pub fn close_casus(&mut self, casus: CasusId, closure: &Closure) -> AppResult<()> {
        self.refuse_identifying_in(Some(casus), &[("outcome", &closure.outcome)])?;
        let today = today();
        let actor = self.actor_now()?;
        let store = self.store()?;
        let open = store.open_action_count(casus)?;
        let closed_on = casus::validate_closure(closure, open, today).map_err(|e| {
            if e.field == "openActions" {
                AppError::new(ErrorCode::OpenActions, e.message)
            } else {
                e.into()
            }
        })?;
        let core = store.casus_core(casus)?;
        let left = closure
            .left_school_on
            .as_deref()
            .and_then(parse_iso)
            .or_else(|| {
                store
                    .left_school_on(casus)
                    .ok()
                    .flatten()
                    .as_deref()
                    .and_then(parse_iso)
            });
        let retention = casus::retention_until(closed_on, left, core.retention_years);
        let left_text = closure
            .left_school_on
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        store.close_casus(
            &actor,
            casus,
            &ClosureSeed {
                closed_on: &closed_on.to_string(),
                reason: closure.reason.code(),
                outcome: closure.outcome.trim(),
                left_school_on: left_text,
                retention_until: &retention.to_string(),
            },
        )?;
        Ok(())
    }
}
