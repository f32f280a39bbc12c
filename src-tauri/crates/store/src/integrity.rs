//! The store's checks on itself: SQLCipher's page and b-tree checks, a hash of the content,
//! and the audit chain verified and held against the head recorded beside the database.

use crate::audit::{self, AuditAction};
use crate::slots::KeySlots;
use crate::{Actor, AuditEvent, AuditStatus, HeadCheck, Result, Store, StoreError};

/// `cipher_integrity_check` (per-page HMAC), then `integrity_check` (b-tree structure), on any
/// connection: the store's own, or a backup's database opened to verify it.
pub(crate) fn check(conn: &rusqlite::Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !problems.is_empty() {
        return Err(StoreError::Integrity(problems.join("; ")));
    }
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(StoreError::Integrity(result));
    }
    Ok(())
}

impl Store {
    /// `cipher_integrity_check` (per-page HMAC), then `integrity_check` (b-tree structure).
    pub fn check_integrity(&self) -> Result<()> {
        check(&self.conn)
    }

    /// A SHA-256 over every row of every table (in table-name order, rows sorted), so two
    /// stores with the same content hash the same whatever their page layout; the reliability
    /// tests compare it before and after a damaged file was offered.
    pub fn logical_hash(&self) -> Result<String> {
        use sha2::{Digest, Sha256};
        let tables: Vec<String> = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut hasher = Sha256::new();
        for table in tables {
            let sql = format!("SELECT * FROM \"{}\"", table.replace('"', "\"\""));
            hasher.update(table.as_bytes());
            hasher.update(hash_query(&self.conn, &sql)?.as_bytes());
        }
        Ok(hex::encode(hasher.finalize()))
    }

    /// Verifies the audit chain end to end; returns the number of events.
    pub fn verify_audit_chain(&self) -> Result<u64> {
        Ok(audit::verify(&self.conn, None)?.count)
    }

    /// Verifies the chain end to end and holds it against the head recorded in `keys.json`.
    /// Only when they agree (or no head was recorded yet) is the head kept up to date from
    /// now on: a mismatch stays on record until someone accepts this database.
    pub fn audit_status(&mut self) -> Result<AuditStatus> {
        self.audit_status_walking(false)
    }

    /// The same, walking only the events after the position last verified end to end (what
    /// unlocking does: its cost stays flat as the log grows). Anything unexpected there, an
    /// older or replaced chain, makes it walk the whole chain after all.
    pub fn audit_status_since_verified(&mut self) -> Result<AuditStatus> {
        self.audit_status_walking(true)
    }

    fn audit_status_walking(&mut self, since_verified: bool) -> Result<AuditStatus> {
        let slots = KeySlots::load_or_copy(&self.dir.keys_path())?;
        let recorded = slots.audit_head;
        let at = recorded.as_ref().map(|h| h.count);
        let partial = match slots.audit_verified.filter(|v| v.authentic(&self.key)) {
            Some(from) if since_verified => audit::verify_since(&self.conn, &from, at)?,
            _ => None,
        };
        let summary = match partial {
            Some(summary) => summary,
            None => audit::verify(&self.conn, at)?,
        };
        let head = audit::compare(&summary, recorded.as_ref(), &self.key);
        if matches!(head, HeadCheck::Matches | HeadCheck::NotRecorded) {
            self.head.allow_writing();
            self.head
                .verified_up_to(summary.count, summary.last_hash.clone());
        }
        Ok(AuditStatus {
            events: summary.count,
            head,
        })
    }

    /// A database put back on purpose (an older copy restored knowingly) is accepted as the one
    /// to go on with: the acceptance goes into the chain and its head becomes the recorded one.
    pub fn accept_audit_chain(&mut self, actor: &Actor) -> Result<()> {
        let summary = audit::verify(&self.conn, None)?;
        self.head.allow_writing();
        self.head.verified_up_to(summary.count, summary.last_hash);
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Change, "audit_head", "accepted")?;
        audit::commit(tx, &mut self.head, &self.key)
    }

    /// The latest `limit` audit events about one entity id, newest first (without their hashes).
    pub fn audit_for(&self, entity_id: &str, limit: i64) -> Result<Vec<AuditEvent>> {
        audit::recent_for(&self.conn, entity_id, limit)
    }
}

/// A SHA-256 over the rows `sql` returns, sorted first, so the order rows were written in (or
/// come back in) does not matter; each value is tagged with its type.
pub(crate) fn hash_query(conn: &rusqlite::Connection, sql: &str) -> Result<String> {
    use rusqlite::types::ValueRef;
    use sha2::{Digest, Sha256};
    let mut stmt = conn.prepare(sql)?;
    let width = stmt.column_count();
    let mut rows: Vec<Vec<u8>> = stmt
        .query_map([], |r| {
            let mut row = Vec::new();
            for i in 0..width {
                match r.get_ref(i)? {
                    ValueRef::Null => row.push(0),
                    ValueRef::Integer(n) => {
                        row.push(1);
                        row.extend_from_slice(&n.to_le_bytes());
                    }
                    ValueRef::Real(f) => {
                        row.push(2);
                        row.extend_from_slice(&f.to_le_bytes());
                    }
                    ValueRef::Text(b) | ValueRef::Blob(b) => {
                        row.push(3);
                        row.extend_from_slice(&(b.len() as u64).to_le_bytes());
                        row.extend_from_slice(b);
                    }
                }
            }
            Ok(row)
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.sort();
    let mut hasher = Sha256::new();
    hasher.update((rows.len() as u64).to_le_bytes());
    for row in rows {
        hasher.update(&row);
    }
    Ok(hex::encode(hasher.finalize()))
}
