//! Closing a casus, after which it is read-only, and the facts its closure depends on.

use kernteam_domain::CasusId;
use rusqlite::params;

use super::ensure_open;
use crate::audit::{self, AuditAction};
use crate::records::opt;
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// What closing a casus records (docs/DOMAIN.md §2.8).
pub struct ClosureSeed<'a> {
    /// The day the casus was closed, as ISO `YYYY-MM-DD`.
    pub closed_on: &'a str,
    /// Why it was closed, as a `ClosureReason` code (e.g. `doel_bereikt`).
    pub reason: &'a str,
    /// What the team achieved: attendance, help in place, placement.
    pub outcome: &'a str,
    /// The day the pupil left the school, stored on the pupil; `None` leaves it unchanged.
    pub left_school_on: Option<&'a str>,
    /// The day until which the closed casus is kept, as ISO `YYYY-MM-DD`.
    pub retention_until: &'a str,
}

impl Store {
    /// How many of the casus's actions still have status `open` (closing needs none).
    pub fn open_action_count(&self, casus: CasusId) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM actions WHERE casus_id = ?1 AND status = 'open'",
            [casus.to_string()],
            |r| r.get(0),
        )?)
    }

    /// Closes a casus: refuses while actions are open; after this it is read-only.
    pub fn close_casus(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        closure: &ClosureSeed<'_>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        let open: u32 = tx.query_row(
            "SELECT count(*) FROM actions WHERE casus_id = ?1 AND status = 'open'",
            [casus.to_string()],
            |r| r.get(0),
        )?;
        if open > 0 {
            return Err(StoreError::OpenActions(open));
        }
        tx.execute(
            "UPDATE casussen SET status = 'afgesloten', closed_on = ?2, closure_reason = ?3,
                closure_outcome = ?4, retention_until = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                casus.to_string(),
                closure.closed_on,
                closure.reason,
                closure.outcome,
                closure.retention_until,
                now_from_clock()
            ],
        )?;
        if let Some(left) = closure.left_school_on {
            tx.execute(
                "UPDATE pupils SET left_school_on = ?2 WHERE id = (SELECT pupil_id FROM casussen WHERE id = ?1)",
                params![casus.to_string(), left],
            )?;
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Close,
            "casus",
            &casus.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The pupil's left-school day, needed for the retention date.
    pub fn left_school_on(&self, casus: CasusId) -> Result<Option<String>> {
        Ok(opt(self.conn.query_row(
            "SELECT p.left_school_on FROM casussen c JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
            [casus.to_string()],
            |r| r.get::<_, Option<String>>(0),
        ))?
        .flatten())
    }
}
