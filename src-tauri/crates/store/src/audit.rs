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
pub(crate) use head::{HeadKeeper, commit, compare};

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
