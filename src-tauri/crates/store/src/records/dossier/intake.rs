//! The intake of a casus, kept as one JSON document on its row.

use kernteam_domain::CasusId;
use rusqlite::params;

use super::ensure_open;
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, now_from_clock};

impl Store {
    /// Replaces the casus's intake with `intake_json` (`kernteam_domain::casus::Intake` as JSON).
    /// `NotFound` for an unknown casus, `ReadOnly` once it is closed.
    pub fn set_intake(&mut self, actor: &Actor, casus: CasusId, intake_json: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "UPDATE casussen SET intake_json = ?2, updated_at = ?3 WHERE id = ?1",
            params![casus.to_string(), intake_json, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "casus",
            &casus.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }
}
