//! The chain's head recorded in `keys.json` beside the database, how the chain compares with
//! it, and the commit that keeps it up to date.

use std::path::PathBuf;

use hmac::{Hmac, Mac};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::chain::ChainSummary;
use crate::error::Result;
use crate::key::DataKey;
use crate::slots::KeySlots;

/// The chain's head as last written to `keys.json`, beside (not inside) the database: a
/// database put back from an older copy, or a lost `-wal`, then holds fewer events than the
/// record says. The MAC under the data key keeps the record from being edited to match.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AuditHead {
    /// How many events the chain held when this was written (0 for an empty chain).
    pub count: u64,
    /// The hash of the event at position `count`: lower-case hex SHA-256.
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
    Behind {
        /// How many recorded events the database no longer holds.
        missing: u64,
    },
    /// At the recorded position the chain is another one (a different database), or the record
    /// itself was edited.
    Differs,
}

/// The audit chain verified end to end and held against the recorded head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditStatus {
    /// How many events the chain holds, all verified.
    pub events: u64,
    /// How the chain compares with the head recorded in `keys.json`.
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
        let mut slots = KeySlots::load_or_copy(&self.keys_path)?;
        slots.audit_head = Some(AuditHead::sealed(key, count, hash));
        if let Some((count, hash)) = self.verified.take() {
            slots.audit_verified = Some(AuditHead::sealed(key, count, hash));
        }
        slots.save(&self.keys_path)?;
        self.written = Some(count);
        Ok(())
    }
}

pub(crate) fn last_event(conn: &rusqlite::Connection) -> Result<Option<(u64, String)>> {
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
