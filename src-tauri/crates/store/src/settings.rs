//! Settings: one value per key, each change in the audit chain.

use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store};

impl Store {
    /// The value stored under `key`, or `None` if it was never set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        match self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            }) {
            Ok(v) => Ok(Some(v)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Stores `value` under `key`, replacing any earlier value, and logs the change (the key,
    /// never the value) in the audit chain.
    pub fn set_setting(&mut self, actor: &Actor, key: &str, value: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Change, "setting", key)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }
}
