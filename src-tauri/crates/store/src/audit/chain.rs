//! Writing to the chain and walking it: each event links to the hash of the one before.

use rusqlite::{Transaction, params};

use super::head::AuditHead;
use super::{AuditAction, AuditEvent, event_hash};
use crate::error::{Result, StoreError};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

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
/// `at` asks for the hash of one event on the way (the recorded head's).
pub(crate) fn verify(conn: &rusqlite::Connection, at: Option<u64>) -> Result<ChainSummary> {
    walk(conn, None, at)
}

/// Walks only the events after `from`, a position verified end to end before: the event there
/// must still carry the hash then verified, and every later one must link to it. An older or
/// replaced chain fails that and is walked whole (`None` here); an in-place edit below `from`
/// that keeps every stored hash is left to `check`, which always walks the whole chain.
pub(crate) fn verify_since(
    conn: &rusqlite::Connection,
    from: &AuditHead,
    at: Option<u64>,
) -> Result<Option<ChainSummary>> {
    let seq = i64::try_from(from.count).unwrap_or(i64::MAX);
    let stored: Option<String> =
        match conn.query_row("SELECT hash FROM audit_events WHERE seq = ?1", [seq], |r| {
            r.get(0)
        }) {
            Ok(hash) => Some(hash),
            Err(rusqlite::Error::QueryReturnedNoRows) => None,
            Err(other) => return Err(other.into()),
        };
    // A recorded head before the verified position can only be compared on a whole walk.
    let head_before = at.is_some_and(|a| a < from.count);
    if from.count == 0 || head_before || stored.as_deref() != Some(from.hash.as_str()) {
        return Ok(None);
    }
    match walk(conn, Some((from.count, &from.hash)), at) {
        Ok(summary) => Ok(Some(summary)),
        Err(StoreError::AuditChainBroken { .. }) => Ok(None),
        Err(other) => Err(other),
    }
}

fn walk(
    conn: &rusqlite::Connection,
    from: Option<(u64, &str)>,
    at: Option<u64>,
) -> Result<ChainSummary> {
    let start = from.map_or(0, |(n, _)| n);
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity_kind, entity_id, prev_hash, hash FROM audit_events
         WHERE seq > ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([i64::try_from(start).unwrap_or(i64::MAX)])?;
    let mut prev = from.map_or_else(|| GENESIS.to_owned(), |(_, h)| h.to_owned());
    let mut expected_seq = i64::try_from(start).unwrap_or(i64::MAX) + 1;
    let mut count = start;
    let mut hash_at = (at == Some(start) && start > 0).then(|| prev.clone());
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let at_time: String = row.get(1)?;
        let actor: String = row.get(2)?;
        let action: String = row.get(3)?;
        let kind: String = row.get(4)?;
        let id: String = row.get(5)?;
        let prev_hash: String = row.get(6)?;
        let hash: String = row.get(7)?;
        let recomputed = event_hash(&prev, seq, &at_time, &actor, &action, &kind, &id);
        if seq != expected_seq || prev_hash != prev || hash != recomputed {
            return Err(StoreError::AuditChainBroken {
                seq: expected_seq.min(seq),
            });
        }
        count += 1;
        if at == Some(count) {
            hash_at = Some(hash.clone());
        }
        prev = hash;
        expected_seq += 1;
    }
    Ok(ChainSummary {
        count,
        hash_at,
        last_hash: prev,
    })
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

/// What the chain holds: how many events, the last hash, and the hash at one position asked
/// for (the recorded head's), from one walk.
pub(crate) struct ChainSummary {
    pub(crate) count: u64,
    pub(crate) last_hash: String,
    pub(crate) hash_at: Option<String>,
}
