//! Casussen of siblings, linked both ways with one shared family note.

use kernteam_domain::{CasusId, LinkedCasus};
use rusqlite::params;

use super::ensure_open;
use crate::audit::{self, AuditAction};
use crate::records::{casus_label, parse_id};
use crate::{Actor, Result, Store, StoreError};

impl Store {
    /// Links two casussen of siblings both ways, with one shared family note.
    pub fn link_siblings(
        &mut self,
        actor: &Actor,
        a: CasusId,
        b: CasusId,
        family_note: Option<&str>,
    ) -> Result<()> {
        if a == b {
            return Err(StoreError::Invalid("a casus is not its own sibling".into()));
        }
        let tx = self.conn.transaction()?;
        ensure_open(&tx, a)?;
        for (x, y) in [(a, b), (b, a)] {
            tx.execute(
                "INSERT INTO casus_links (casus_id, linked_casus_id, family_note) VALUES (?1, ?2, ?3)
                 ON CONFLICT(casus_id, linked_casus_id) DO UPDATE SET family_note = excluded.family_note",
                params![x.to_string(), y.to_string(), family_note],
            )?;
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "casus_link",
            &a.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The sibling casussen linked to this one, with the shared family note (if any).
    pub fn linked_casussen(&self, casus: CasusId) -> Result<Vec<LinkedCasus>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, p.given_name, p.family_name, c.pseudonym, l.family_note
             FROM casus_links l JOIN casussen c ON c.id = l.linked_casus_id
             LEFT JOIN pupils p ON p.id = c.pupil_id WHERE l.casus_id = ?1",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            let (label, initials) = casus_label(r, 1)?;
            Ok(LinkedCasus {
                id: parse_id(r.get(0)?)?,
                label,
                initials,
                family_note: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
