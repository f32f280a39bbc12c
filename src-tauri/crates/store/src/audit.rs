//! The audit chain: append-only (triggers refuse UPDATE and DELETE) and tamper-evident (each
//! event's hash covers the previous hash), so an edited or removed row breaks verification.

use std::path::PathBuf;

use hmac::{Hmac, Mac};
use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};
use crate::key::DataKey;
use crate::slots::KeySlots;

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

pub(crate) fn event_hash(
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

/// The chain's head as last written to `keys.json`, beside (not inside) the database: a
/// database put back from an older copy, or a lost `-wal`, then holds fewer events than the
/// record says. The MAC under the data key keeps the record from being edited to match.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AuditHead {
    pub count: u64,
    pub hash: String,
    mac: String,
}

impl std::fmt::Debug for AuditHead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditHead")
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

fn head_mac(key: &DataKey, count: u64, hash: &str) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(b"kernteam audit head v1");
    mac.update(&count.to_le_bytes());
    mac.update(hash.as_bytes());
    mac
}

impl AuditHead {
    pub(crate) fn sealed(key: &DataKey, count: u64, hash: String) -> Self {
        let mac = hex::encode(head_mac(key, count, &hash).finalize().into_bytes());
        Self { count, hash, mac }
    }

    /// Lower-case hex of SHA-256 length, as written: anything else is a damaged file.
    pub(crate) fn well_formed(&self) -> bool {
        let hex64 = |s: &str| {
            s.len() == 64
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        hex64(&self.hash) && hex64(&self.mac)
    }

    pub(crate) fn authentic(&self, key: &DataKey) -> bool {
        // The hmac crate compares in constant time.
        hex::decode(&self.mac).is_ok_and(|tag| {
            head_mac(key, self.count, &self.hash)
                .verify_slice(&tag)
                .is_ok()
        })
    }
}

/// How the chain in the database compares with the head recorded beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadCheck {
    /// The chain contains the recorded head: nothing that was written has gone.
    Matches,
    /// No head recorded yet: a store from before Kernteam kept one.
    NotRecorded,
    /// Fewer events than recorded: an older copy of the database was put back, or the
    /// `-wal` with the latest writes was lost.
    Behind { missing: u64 },
    /// At the recorded position the chain is another one (a different database), or the record
    /// itself was edited.
    Differs,
}

/// The audit chain verified end to end and held against the recorded head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditStatus {
    pub events: u64,
    pub head: HeadCheck,
}

pub(crate) fn compare(
    summary: &ChainSummary,
    recorded: Option<&AuditHead>,
    key: &DataKey,
) -> HeadCheck {
    let Some(head) = recorded else {
        // A new store has nothing to hold against a record yet.
        return if summary.count == 0 {
            HeadCheck::Matches
        } else {
            HeadCheck::NotRecorded
        };
    };
    if !head.authentic(key) {
        return HeadCheck::Differs;
    }
    if summary.count < head.count {
        return HeadCheck::Behind {
            missing: head.count - summary.count,
        };
    }
    if head.count == 0 || summary.hash_at.as_deref() == Some(head.hash.as_str()) {
        HeadCheck::Matches
    } else {
        HeadCheck::Differs
    }
}

/// Keeps the recorded head in step with the chain: after each commit that added events, the
/// new head goes to `keys.json`. It writes nothing until the chain was checked against the
/// record at unlock and held (a mismatch must stay visible, not be overwritten by the next
/// write), or the store is new.
pub(crate) struct HeadKeeper {
    keys_path: PathBuf,
    written: Option<u64>,
    may_write: bool,
    /// The position last verified end to end in this session, to be recorded with the next
    /// head (never written by the check itself: `check` must leave the files as they were).
    verified: Option<(u64, String)>,
}

impl HeadKeeper {
    pub(crate) fn for_new_store(keys_path: PathBuf) -> Self {
        Self {
            keys_path,
            written: None,
            may_write: true,
            verified: None,
        }
    }

    pub(crate) fn until_checked(keys_path: PathBuf) -> Self {
        Self {
            keys_path,
            written: None,
            may_write: false,
            verified: None,
        }
    }

    pub(crate) fn allow_writing(&mut self) {
        self.may_write = true;
    }

    pub(crate) fn verified_up_to(&mut self, count: u64, hash: String) {
        self.verified = Some((count, hash));
    }

    pub(crate) fn record(&mut self, key: &DataKey, count: u64, hash: String) -> Result<()> {
        let mut slots = KeySlots::load(&self.keys_path)?;
        slots.audit_head = Some(AuditHead::sealed(key, count, hash));
        if let Some((count, hash)) = self.verified.take() {
            slots.audit_verified = Some(AuditHead::sealed(key, count, hash));
        }
        slots.save(&self.keys_path)?;
        self.written = Some(count);
        Ok(())
    }
}

fn last_event(conn: &rusqlite::Connection) -> Result<Option<(u64, String)>> {
    let last = conn.query_row(
        "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    );
    match last {
        Ok((seq, hash)) => Ok(Some((u64::try_from(seq).unwrap_or(0), hash))),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

/// Commits a write and then records the chain's new head beside the database. The data are
/// committed either way: a head that could not be written stays the older one, which the next
/// commit brings up to date and which `check` reads as consistent (never as loss).
pub(crate) fn commit(tx: Transaction<'_>, keeper: &mut HeadKeeper, key: &DataKey) -> Result<()> {
    let last = if keeper.may_write {
        last_event(&tx)?
    } else {
        None
    };
    tx.commit()?;
    if let Some((count, hash)) = last
        && keeper.written != Some(count)
    {
        let _ = keeper.record(key, count, hash);
    }
    Ok(())
}
