//! The audit chain: append-only (triggers refuse UPDATE and DELETE) and tamper-evident (each
//! event's hash covers the previous hash), so an edited or removed row breaks verification.

use rusqlite::{Transaction, params};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, as stable codes. Content never goes in here, only ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Create,
    Change,
    Delete,
    View,
    Unlock,
    Export,
    Close,
    Convert,
    Import,
    /// A search through the casussen: who searched, and how much it found (not what was
    /// typed, which may be a name).
    Search,
}

impl AuditAction {
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Change => "change",
            AuditAction::Delete => "delete",
            AuditAction::View => "view",
            AuditAction::Unlock => "unlock",
            AuditAction::Export => "export",
            AuditAction::Close => "close",
            AuditAction::Convert => "convert",
            AuditAction::Import => "import",
            AuditAction::Search => "search",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity_kind: String,
    pub entity_id: String,
}

fn event_hash(
    prev: &str,
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    kind: &str,
    id: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), at, actor, action, kind, id] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Autosave writes every second while someone types: the log records the editing session, one
/// change event per entity per `interval_seconds`, not every keystroke.
pub(crate) const EDIT_SESSION_SECONDS: i64 = 600;

pub(crate) fn append_change_once_per_session(
    tx: &Transaction<'_>,
    actor: &str,
    entity_kind: &str,
    entity_id: &str,
) -> Result<()> {
    let recent: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit_events WHERE entity_id = ?1
            AND unixepoch(?2) - unixepoch(at) < ?3)",
        params![entity_id, crate::now_from_clock(), EDIT_SESSION_SECONDS],
        |r| r.get(0),
    )?;
    if recent {
        return Ok(());
    }
    append(tx, actor, AuditAction::Change, entity_kind, entity_id)
}

pub(crate) fn append(
    tx: &Transaction<'_>,
    actor: &str,
    action: AuditAction,
    entity_kind: &str,
    entity_id: &str,
) -> Result<()> {
    let (last_seq, prev): (i64, String) = tx
        .query_row(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok((0, GENESIS.to_owned())),
            other => Err(other),
        })?;
    let seq = last_seq + 1;
    let at = crate::now_from_clock();
    let hash = event_hash(
        &prev,
        seq,
        &at,
        actor,
        action.code(),
        entity_kind,
        entity_id,
    );
    tx.execute(
        "INSERT INTO audit_events (seq, at, actor, action, entity_kind, entity_id, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            seq,
            at,
            actor,
            action.code(),
            entity_kind,
            entity_id,
            prev,
            hash
        ],
    )?;
    Ok(())
}

/// Walks the whole chain; the first event whose link or hash does not match is reported.
pub(crate) fn verify(conn: &rusqlite::Connection) -> Result<u64> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity_kind, entity_id, prev_hash, hash FROM audit_events ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_owned();
    let mut expected_seq = 1;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let at: String = row.get(1)?;
        let actor: String = row.get(2)?;
        let action: String = row.get(3)?;
        let kind: String = row.get(4)?;
        let id: String = row.get(5)?;
        let prev_hash: String = row.get(6)?;
        let hash: String = row.get(7)?;
        let recomputed = event_hash(&prev, seq, &at, &actor, &action, &kind, &id);
        if seq != expected_seq || prev_hash != prev || hash != recomputed {
            return Err(StoreError::AuditChainBroken {
                seq: expected_seq.min(seq),
            });
        }
        prev = hash;
        expected_seq += 1;
        count += 1;
    }
    Ok(count)
}

pub(crate) fn recent_for(
    conn: &rusqlite::Connection,
    entity_id: &str,
    limit: i64,
) -> Result<Vec<AuditEvent>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity_kind, entity_id FROM audit_events
         WHERE entity_id = ?1 ORDER BY seq DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![entity_id, limit], |r| {
        Ok(AuditEvent {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity_kind: r.get(4)?,
            entity_id: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
