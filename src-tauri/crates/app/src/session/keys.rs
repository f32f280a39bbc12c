//! Setting up the store, unlocking it with a key slot, locking it (by hand, idle, the OS), and
//! changing the slots: passphrase and keyring.

use kernteam_domain::passphrase;
use kernteam_store::{DataKey, KeySlots, RecoveryKey, SlotKind, Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{Walk, check_audit};
use super::{DEFAULT_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES, Session};
use crate::error::{AppError, AppResult, ErrorCode};

/// What the first run asks for: the passphrase that will unlock the new store, and whether the
/// OS keyring should hold a key slot too.
#[derive(Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupRequest {
    /// The passphrase to wrap the data key under; refused when too short or predictable.
    pub passphrase: String,
    /// Whether to add a key slot in the OS keyring (skipped without error when no keyring answers).
    pub use_keyring: bool,
}

/// Never the passphrase itself: a `{:?}` in a log or a panic message must not carry it.
impl std::fmt::Debug for SetupRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetupRequest")
            .field("passphrase", &"…")
            .field("use_keyring", &self.use_keyring)
            .finish()
    }
}

/// What the first run made: the recovery key to write down, and whether the keyring slot exists.
#[derive(Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupOutcome {
    /// Shown once, in eight groups of four; never stored anywhere in plain text.
    pub recovery_key: String,
    /// Whether the OS keyring got a key slot: `false` when not asked for or when the keyring did
    /// not answer.
    pub keyring_enabled: bool,
}

/// The recovery key is shown once on screen, never in a `{:?}`.
impl std::fmt::Debug for SetupOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetupOutcome")
            .field("recovery_key", &"…")
            .field("keyring_enabled", &self.keyring_enabled)
            .finish()
    }
}

/// Which key slot unlocks the store, with the secret it needs.
#[derive(Clone, Serialize, Deserialize, TS)]
#[serde(tag = "method", rename_all = "camelCase")]
pub enum UnlockRequest {
    /// The OS keyring, no secret typed; only at start, never after the session locked.
    Keyring,
    /// The user's passphrase.
    Passphrase {
        /// The passphrase as typed.
        passphrase: String,
    },
    /// The recovery key shown once at set-up, for a forgotten passphrase; a new passphrase is asked
    /// for right after.
    RecoveryKey {
        /// The recovery key as typed: 32 characters in 8 groups of 4.
        #[serde(rename = "recoveryKey")]
        recovery_key: String,
    },
}

/// Which way in, never the secret typed.
impl std::fmt::Debug for UnlockRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Keyring => "UnlockRequest::Keyring",
            Self::Passphrase { .. } => "UnlockRequest::Passphrase(…)",
            Self::RecoveryKey { .. } => "UnlockRequest::RecoveryKey(…)",
        })
    }
}

/// How a passphrase being typed fares, for live feedback before it is submitted.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseCheck {
    /// A rough strength estimate; the two weakest grades are refused.
    pub strength: passphrase::Strength,
    /// Why the passphrase would be refused, in Dutch; `None` when it is acceptable.
    pub refusal: Option<String>,
}

/// Rates a passphrase without storing or logging it: its strength, and why it would be refused.
pub fn check_passphrase(text: &str) -> PassphraseCheck {
    PassphraseCheck {
        strength: passphrase::strength(text),
        refusal: passphrase::refusal(text),
    }
}

impl Session {
    /// Whether the OS keyring answers (a probe secret is written, read back and removed), so
    /// set-up offers the keyring slot only where it can work.
    pub fn keyring_available(&self) -> bool {
        kernteam_store::keyring_available()
    }

    /// First run: a random data key, wrapped under the passphrase, a fresh recovery key and —
    /// when asked and available — the OS keyring. An existing database is never replaced.
    pub fn setup(&mut self, request: &SetupRequest) -> AppResult<SetupOutcome> {
        if let Some(reason) = passphrase::refusal(&request.passphrase) {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: reason,
                field: Some("passphrase".into()),
                source: None,
            });
        }
        if self.dir.db_path().exists() {
            return Err(StoreError::AlreadyExists(self.dir.db_path()).into());
        }
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let mut slots = KeySlots::new(uuid::Uuid::now_v7());
        slots.set_passphrase(&key, &request.passphrase)?;
        slots.set_recovery(&key, &recovery)?;
        // No keyring (headless, locked, no D-Bus) is not an error: the passphrase slot suffices.
        let keyring_enabled = request.use_keyring && slots.set_keyring(&key).is_ok();
        let mut store = Store::create(&self.dir, key, &slots)?;
        self.audit = Some(check_audit(&mut store, Walk::Whole));
        self.store = Some(store);
        Ok(SetupOutcome {
            recovery_key: recovery.display().to_string(),
            keyring_enabled,
        })
    }

    /// Unlocks the store with one key slot, checks the audit chain (the finding is in `status`) and
    /// records the unlock and the slot used in the audit log. `WrongPassphrase` for a wrong secret,
    /// `SecretRequired` for the keyring after a lock, and `NoStore`, `Damaged`, `NewerSchema` or
    /// `KeyringUnavailable` where the store cannot be opened.
    pub fn unlock(&mut self, request: &UnlockRequest) -> AppResult<()> {
        let slot = self.open_store(request)?;
        let actor = self.actor_now()?;
        if let Some(store) = self.store.as_mut() {
            store.record_unlock(&actor, slot)?;
        }
        Ok(())
    }

    /// Unlocks without writing anything (not even the unlock audit event): for `check`, which
    /// must be able to inspect a damaged database without touching it.
    pub fn unlock_without_writing(&mut self, request: &UnlockRequest) -> AppResult<()> {
        self.open_store(request).map(|_| ())
    }

    pub(crate) fn open_store(&mut self, request: &UnlockRequest) -> AppResult<SlotKind> {
        // Unlocking again replaces the store held: it lets go of the data dir first.
        if let Some(store) = self.store.take() {
            let _ = store.checkpoint();
        }
        let (slot, recovery) = match request {
            UnlockRequest::Keyring if self.locked_after_use => {
                return Err(AppError::new(
                    ErrorCode::SecretRequired,
                    "Kernteam is vergrendeld. Ontgrendel met uw wachtwoord of herstelsleutel; de sleutelbos opent Kernteam alleen bij het starten.",
                ));
            }
            UnlockRequest::Keyring => (SlotKind::Keyring, None),
            UnlockRequest::Passphrase { .. } => (SlotKind::Passphrase, None),
            UnlockRequest::RecoveryKey { recovery_key } => {
                let recovery = RecoveryKey::parse(recovery_key).ok_or_else(|| AppError {
                    code: ErrorCode::WrongPassphrase,
                    message: "Een herstelsleutel bestaat uit 32 tekens in 8 groepen van 4. Controleer wat u hebt ingetypt.".into(),
                    field: Some("recoveryKey".into()),
                    source: None,
                })?;
                (SlotKind::Recovery, Some(recovery))
            }
        };
        let unwrap = |slots: &KeySlots| -> Result<DataKey, StoreError> {
            match (request, &recovery) {
                (UnlockRequest::Passphrase { passphrase }, _) => {
                    slots.unlock_passphrase(passphrase)
                }
                (UnlockRequest::RecoveryKey { .. }, Some(recovery)) => {
                    slots.unlock_recovery(recovery)
                }
                _ => slots.unlock_keyring(),
            }
        };
        // The key came out of an authenticated slot, so a failure to decrypt means damage (an
        // interrupted key rotation is settled inside `open_unwrapping`).
        let store = Store::open_unwrapping(&self.dir, unwrap).map_err(|e| match e {
            StoreError::CannotDecrypt => {
                StoreError::Damaged("key slot and database disagree".into())
            }
            other => other,
        })?;
        self.adopt(store, slot, false);
        Ok(slot)
    }

    /// Takes an opened store as this session's: its audit chain checked (whole for a store
    /// just put back, else from the position last verified), unlocked by `slot`.
    pub(crate) fn adopt(&mut self, mut store: Store, slot: SlotKind, walk_whole: bool) {
        let walk = if walk_whole {
            Walk::Whole
        } else {
            Walk::SinceVerified
        };
        self.audit = Some(check_audit(&mut store, walk));
        self.store = Some(store);
        self.unlocked_by_recovery = slot == SlotKind::Recovery;
        self.locked_after_use = false;
        self.last_activity = std::time::Instant::now();
    }

    /// Drops the store: the connection closes and the key is zeroed. From now on only the
    /// passphrase or the recovery key unlocks (see `StoreStatus::keyring_unlock_allowed`).
    pub fn lock(&mut self) {
        self.unlocked_by_recovery = false;
        if let Some(store) = self.store.take() {
            self.locked_after_use = true;
            let _ = store.checkpoint();
        }
    }

    /// A person used the app (a key, the mouse): the idle lock starts counting again.
    pub fn note_activity(&mut self) {
        self.last_activity = std::time::Instant::now();
    }

    /// Locks when nobody used the app for the chosen number of minutes; true when it did.
    /// Called by the shell's own timer, which the webview can neither delay nor skip.
    pub fn lock_if_idle(&mut self, now: std::time::Instant) -> bool {
        if self.store.is_none() {
            return false;
        }
        let minutes = self
            .preferences()
            .map_or(DEFAULT_AUTO_LOCK_MINUTES, |p| p.auto_lock_minutes)
            .min(MAX_AUTO_LOCK_MINUTES);
        let idle = now.saturating_duration_since(self.last_activity);
        if idle >= std::time::Duration::from_secs(u64::from(minutes) * 60) {
            self.lock();
            return true;
        }
        false
    }

    /// Replaces the passphrase slot with one for `new_passphrase` (the database is not
    /// re-encrypted) and ends the demand for a new passphrase after a recovery unlock. A too short
    /// or predictable passphrase gives `Validation`. Recorded in the audit log.
    pub fn change_passphrase(&mut self, new_passphrase: &str) -> AppResult<()> {
        if let Some(reason) = passphrase::refusal(new_passphrase) {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: reason,
                field: Some("passphrase".into()),
                source: None,
            });
        }
        let actor = self.actor_now()?;
        self.store()?.change_passphrase(&actor, new_passphrase)?;
        self.unlocked_by_recovery = false;
        Ok(())
    }

    /// Adds or renews the key slot in the OS keyring, so Kernteam can open at start without a
    /// typed secret. `KeyringUnavailable` when the keyring does not answer. Recorded in the audit
    /// log.
    pub fn enable_keyring(&mut self) -> AppResult<()> {
        let actor = self.actor_now()?;
        self.store()?.enable_keyring(&actor)?;
        Ok(())
    }

    /// A new data key: the database re-encrypted, new slots, and a new recovery key returned to
    /// show once. The person types her passphrase first (`WrongPassphrase` otherwise; nothing
    /// changes). Backups taken before keep opening only with the secrets of before.
    pub fn rotate_keys(&mut self, passphrase: &str) -> AppResult<String> {
        let actor = self.actor_now()?;
        match self.store()?.rotate_key(&actor, passphrase) {
            Ok(recovery) => {
                self.unlocked_by_recovery = false;
                Ok(recovery.display().to_string())
            }
            // A wrong passphrase changed nothing.
            Err(StoreError::WrongSecret) => Err(StoreError::WrongSecret.into()),
            // Anything else may have happened halfway: the connection is closed, and the next
            // unlock opens with whichever slots the file is under (`open_unwrapping`).
            Err(other) => {
                self.lock();
                Err(other.into())
            }
        }
    }

    /// A new recovery key (returned to show once) in place of the old one, which stops working;
    /// the data key and the passphrase stay.
    pub fn reset_recovery_key(&mut self) -> AppResult<String> {
        let actor = self.actor_now()?;
        let recovery = self.store()?.reset_recovery_key(&actor)?;
        Ok(recovery.display().to_string())
    }
}
