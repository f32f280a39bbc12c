//! The audit chain: append-only (triggers refuse UPDATE and DELETE) and tamper-evident (each
//! event's hash covers the previous hash), so an edited or removed row breaks verification.
//!
//! Here: what an event is and how its hash is made. Appending and walking the chain are in
//! `chain`; the head recorded beside the database, and the commit that keeps it, in `head`.

mod chain;
mod head;

use sha2::{Digest, Sha256};

pub(crate) use chain::{append, append_change_once_per_session, recent_for, verify, verify_since};
pub use head::{AuditHead, AuditStatus, HeadCheck};
pub(crate) use head::{HeadKeeper, commit, compare, last_event};

/// What happened, as stable codes. Content never goes in here, only ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// A record was created (code `create`).
    Create,
    /// A record was changed (code `change`); autosaved edits log one per editing session.
    Change,
    /// A record was deleted (code `delete`).
    Delete,
    /// A record was opened for reading, e.g. a casus (code `view`).
    View,
    /// The store was unlocked; the entity id names the key slot used (code `unlock`).
    Unlock,
    /// Data left the app as an export (code `export`).
    Export,
    /// A casus or a meeting was closed (code `close`).
    Close,
    /// An anonymous casus was converted into a named one (code `convert`).
    Convert,
    /// Records came in from an interchange file (code `import`).
    Import,
    /// A search through the casussen: who searched, and how much it found (not what was
    /// typed, which may be a name).
    Search,
}

impl AuditAction {
    /// The stable code stored in the `action` column and hashed into the chain.
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

/// One event of the audit chain as read back (without its hashes); holds ids, never content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// Position in the chain: 1 for the first event, each next one exactly one higher.
    pub seq: i64,
    /// When it happened, RFC 3339 in UTC, from the one clock.
    pub at: String,
    /// Who did it: a member id, or the device before a profile exists (see [`crate::Actor`]).
    pub actor: String,
    /// What happened, as an [`AuditAction`] code such as `view` or `export`.
    pub action: String,
    /// What kind of thing it concerned, e.g. `casus`, `meeting` or `store`.
    pub entity_kind: String,
    /// Which one: the entity's id; for store-wide events a short code or summary instead (the
    /// key slot used on unlock, the counts of an import).
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
