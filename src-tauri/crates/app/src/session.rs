//! One install's session: locked (no key in memory) or unlocked (a `Store` holding the key),
//! with the actor of its audit events and the one clock's "today". The use cases live by area
//! (`casus`, `meeting`, `export`, `team`, …) as methods on `Session`; here is only what they
//! all stand on.

mod audit;
mod keys;
mod preferences;

pub use audit::{AuditCheck, AuditFinding};
pub use keys::{PassphraseCheck, SetupOutcome, SetupRequest, UnlockRequest, check_passphrase};
pub use preferences::Preferences;

use chrono::NaiveDate;
use kernteam_store::{Actor, DataDir, DiskState, SlotKind, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult};

/// Minutes without activity after which an unlocked session locks, until the user chooses
/// otherwise in the preferences.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
/// BIR/NORA ceiling for an unattended unlocked session.
pub const MAX_AUTO_LOCK_MINUTES: u32 = 30;

/// Where the install stands, as the first screen decides between set-up, unlock and recovery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StoreState {
    /// First run: nothing on disk.
    New,
    /// A store exists and is locked.
    Locked,
    /// The store is open: its key is in memory and the use cases work.
    Unlocked,
    /// A database whose key slots can't be read: shown as a recovery screen, never replaced.
    Unreadable,
}

/// The state of the install as the UI shows it before and after unlocking: which ways to unlock
/// exist, what the audit check found, the clock's now and the UI's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoreStatus {
    /// Whether the store is new, locked, unlocked or unreadable.
    pub state: StoreState,
    /// Whether the store has a key slot in the OS keyring, which unlocks without a typed secret
    /// (when allowed: see `keyring_unlock_allowed`).
    pub has_keyring_slot: bool,
    /// Whether the store can be unlocked with the user's passphrase.
    pub has_passphrase_slot: bool,
    /// Whether the store can be unlocked with the recovery key (for a forgotten passphrase).
    pub has_recovery_slot: bool,
    /// Unlocked with the recovery key: the user is asked to choose a new passphrase now.
    pub new_passphrase_needed: bool,
    /// The keyring may open Kernteam at start (after the OS login), never after a lock: then
    /// only a secret the person knows does.
    pub keyring_unlock_allowed: bool,
    /// The audit chain as found at this unlock (absent while locked).
    pub audit: Option<AuditCheck>,
    /// Now (RFC 3339) from the one clock: the page counts on from this reading and never reads
    /// the machine's date itself.
    pub now: String,
    /// The UI's language, so the first screen (set-up or unlock) already speaks it.
    pub language: crate::Language,
}

/// One install's session, which every use case is a method of: its data dir, and while unlocked
/// the store holding the key and the actor its audit events name. It starts locked.
pub struct Session {
    dir: DataDir,
    store: Option<Store>,
    pub(crate) actor: Actor,
    pub(crate) unlocked_by_recovery: bool,
    /// Locked (by hand, idle or the OS) since this session began: the keyring slot needs no
    /// secret, so from now on it does not unlock.
    locked_after_use: bool,
    /// The last sign of a person at the keyboard, for the idle lock.
    last_activity: std::time::Instant,
    audit: Option<AuditCheck>,
    /// Why the last backup job failed, until one succeeds (not stored: a USB stick pulled
    /// every day should not fill the audit chain).
    pub(crate) backup_failure: Option<String>,
}

/// Today in Amsterdam, from the one clock (`kernteam_domain::clock`).
pub(crate) fn today() -> NaiveDate {
    kernteam_domain::clock::today()
}

impl Session {
    /// A locked session on the data dir `dir`; removes the temp files an interrupted write left
    /// there (never the data itself).
    pub fn new(dir: DataDir) -> Self {
        // What a crash between writing and renaming left behind (never the data itself).
        let _ = kernteam_store::remove_leftover_temp_files(dir.root());
        Self {
            dir,
            store: None,
            actor: Actor("lokaal".into()),
            unlocked_by_recovery: false,
            locked_after_use: false,
            last_activity: std::time::Instant::now(),
            audit: None,
            backup_failure: None,
        }
    }

    /// The data dir this session works on: the database and its key slots.
    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    /// The state of the install now, read from disk and the session without any key; works locked
    /// and unlocked alike.
    pub fn status(&self) -> StoreStatus {
        let (state, slots) = match (&self.store, self.dir.state()) {
            (Some(_), DiskState::Present { slots }) => (StoreState::Unlocked, slots),
            (Some(_), _) => (StoreState::Unlocked, Vec::new()),
            (None, DiskState::Empty) => (StoreState::New, Vec::new()),
            (None, DiskState::Present { slots }) => (StoreState::Locked, slots),
            (None, DiskState::Unreadable { .. }) => (StoreState::Unreadable, Vec::new()),
        };
        StoreStatus {
            state,
            has_keyring_slot: slots.contains(&SlotKind::Keyring),
            has_passphrase_slot: slots.contains(&SlotKind::Passphrase),
            has_recovery_slot: slots.contains(&SlotKind::Recovery),
            new_passphrase_needed: self.store.is_some() && self.unlocked_by_recovery,
            keyring_unlock_allowed: slots.contains(&SlotKind::Keyring) && !self.locked_after_use,
            audit: self.store.as_ref().and(self.audit.clone()),
            now: kernteam_domain::clock::now_rfc3339(),
            language: self.language(),
        }
    }

    pub(crate) fn store(&mut self) -> AppResult<&mut Store> {
        self.store.as_mut().ok_or_else(AppError::locked)
    }
}
