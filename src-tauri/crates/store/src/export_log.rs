//! Data leaving the store: the export log and the audit events that record each export.

use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, now_from_clock, records};

impl Store {
    /// An export of data leaving the store, in the audit chain (what, never content).
    pub fn record_export(
        &mut self,
        actor: &Actor,
        entity_kind: &str,
        entity_id: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Export, entity_kind, entity_id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// One export in the export log and the audit chain, with the SHA-256 of what was written.
    pub fn log_export(
        &mut self,
        actor: &Actor,
        seed: &ExportLogSeed<'_>,
        bytes: &[u8],
    ) -> Result<String> {
        use sha2::Digest;
        let id = kernteam_domain::ExportId::new().to_string();
        let sha = hex::encode(sha2::Sha256::digest(bytes));
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO export_log (id, at, actor, meeting_id, casus_id, recipient, format, encrypted, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                id,
                now_from_clock(),
                actor.0,
                seed.meeting.map(|m| m.to_string()),
                seed.casus.map(|c| c.to_string()),
                seed.recipient,
                seed.format,
                seed.encrypted,
                sha
            ],
        )?;
        let entity = seed
            .casus
            .map(|c| ("casus", c.to_string()))
            .or_else(|| seed.meeting.map(|m| ("meeting", m.to_string())))
            .unwrap_or(("export", id.clone()));
        audit::append(&tx, &actor.0, AuditAction::Export, entity.0, &entity.1)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(sha)
    }

    /// The export log, newest first; the actor as a member's name where it is one.
    pub fn export_log(&self) -> Result<Vec<kernteam_domain::ExportLogRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.at, coalesce(m.name, e.actor), e.meeting_id, e.casus_id, e.recipient, e.format, e.encrypted, e.sha256
             FROM export_log e LEFT JOIN members m ON m.id = e.actor ORDER BY e.at DESC, e.rowid DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(kernteam_domain::ExportLogRow {
                at: r.get(0)?,
                actor: r.get(1)?,
                meeting_id: r
                    .get::<_, Option<String>>(2)?
                    .map(records::parse_id)
                    .transpose()?,
                casus_id: r
                    .get::<_, Option<String>>(3)?
                    .map(records::parse_id)
                    .transpose()?,
                recipient: r.get(4)?,
                format: r.get(5)?,
                encrypted: r.get(6)?,
                sha256: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// What the export log keeps of one export (the SHA-256 is computed from the bytes).
pub struct ExportLogSeed<'a> {
    /// The meeting the export came from, if any (`None` for an export of no one meeting).
    pub meeting: Option<kernteam_domain::MeetingId>,
    /// The casus the export concerns, if any; the audit event names it before the meeting.
    pub casus: Option<kernteam_domain::CasusId>,
    /// For whom the export was made, as the caller describes it (no pupil content).
    pub recipient: &'a str,
    /// The file format, as its extension (`pdf`, `docx`, `md`).
    pub format: &'a str,
    /// Whether the written file is encrypted with a password.
    pub encrypted: bool,
}
