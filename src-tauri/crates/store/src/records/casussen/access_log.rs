//! Reads that leave a trace in the audit log: searching, and opening a casus.

use kernteam_domain::CasusId;

use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store};

impl Store {
    /// A search is in the audit log with the number of hits; the text searched for is not.
    pub fn record_search(&mut self, actor: &Actor, hits: usize) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Search,
            "search",
            &format!("{hits} resultaten"),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Every opening of a casus is in the audit log.
    pub fn record_view(&mut self, actor: &Actor, id: CasusId) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::View, "casus", &id.to_string())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }
}
