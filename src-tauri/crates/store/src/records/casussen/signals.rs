//! Signals: what was observed about a pupil, by whom, recorded on the casus.

use kernteam_domain::{CasusId, NewSignal, SignalRow};
use rusqlite::params;

use crate::audit::{self, AuditAction};
use crate::records::dossier::ensure_open;
use crate::{Actor, Result, Store, now_from_clock};

impl Store {
    /// Records a signal on the casus. `NotFound` for an unknown casus, `ReadOnly` once it is
    /// closed.
    pub fn add_signal(&mut self, actor: &Actor, casus: CasusId, signal: &NewSignal) -> Result<()> {
        let id = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO signals (id, casus_id, observed_on, source, category, description, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, casus.to_string(), signal.observed_on, signal.source, signal.category.code(),
                signal.description, now_from_clock()],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "signal", &id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The signals of a casus, most recently observed first, including those of the anonymous
    /// consultation it was converted from (marked `from_anonymous`).
    pub fn signals(&self, casus: CasusId) -> Result<Vec<SignalRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT observed_on, source, category, description, casus_id <> ?1 FROM signals
             WHERE casus_id = ?1 OR casus_id = (SELECT converted_from_id FROM casussen WHERE id = ?1)
             ORDER BY observed_on DESC",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            Ok(SignalRow {
                observed_on: r.get(0)?,
                source: r.get(1)?,
                category: crate::records::parse_code(
                    r.get(2)?,
                    kernteam_domain::casus::SignalCategory::from_code,
                )?,
                description: r.get(3)?,
                from_anonymous: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
