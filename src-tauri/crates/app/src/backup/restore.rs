//! Putting a backup back, on the first screen of a new laptop or over the store in use.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use kernteam_store::{BackupSecret, RecoveryKey, SlotKind, Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// When the restored backup was taken.
    pub taken_at: DateTime<Utc>,
    /// How many audit events it holds (verified, and held as the recorded head).
    #[ts(type = "number")]
    pub audit_events: u64,
    /// Where the store it replaced was set aside; `None` when there was none.
    pub set_aside: Option<String>,
    /// Whether this laptop's OS keyring got a slot (so Kernteam opens at start without typing).
    pub keyring_enabled: bool,
}

/// A backup file as read before restoring it, without any key: when it was taken and how big
/// it is, so the person sees what she is about to put back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    /// Where the file is (as the dialog gave it).
    pub path: String,
    /// The file's name.
    pub file_name: String,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
    /// How many audit events it holds.
    #[ts(type = "number")]
    pub audit_events: u64,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub file_bytes: u64,
}

/// Reads a backup file's header and checks its checksum (no key needed): `BackupDamaged` for a
/// damaged file, before anyone types a secret for it.
pub fn inspect_backup_file(path: &Path) -> AppResult<BackupFile> {
    let info = kernteam_store::inspect_backup(path).map_err(restore_error)?;
    Ok(BackupFile {
        path: display(path),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        taken_at: info.taken_at,
        audit_events: info.audit_events,
        file_bytes: info.file_bytes,
    })
}

/// The secret a restore is opened with.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "kind"
)]
pub enum RestoreSecret {
    /// The passphrase valid when the backup was taken.
    Passphrase {
        /// The passphrase as typed.
        passphrase: String,
    },
    /// The recovery key valid when the backup was taken.
    RecoveryKey {
        /// The recovery key as typed (groups of four; case and dashes do not matter).
        recovery_key: String,
    },
}

impl Session {
    /// Puts the backup at `file` back as this install's store and opens it. The backup is
    /// checked whole first, with the store in use still open; then the session locks and a
    /// store already here is set aside in a folder beside it, never deleted.
    /// This laptop's keyring gets a slot when `use_keyring` and the keyring answers.
    pub fn restore_from(
        &mut self,
        file: &Path,
        secret: &RestoreSecret,
        use_keyring: bool,
    ) -> AppResult<RestoreReport> {
        let recovery;
        let (secret, slot) = match secret {
            RestoreSecret::Passphrase { passphrase } => {
                (BackupSecret::Passphrase(passphrase), SlotKind::Passphrase)
            }
            RestoreSecret::RecoveryKey { recovery_key } => {
                recovery = RecoveryKey::parse(recovery_key).ok_or_else(|| AppError {
                    code: ErrorCode::WrongPassphrase,
                    message: "Een herstelsleutel bestaat uit 32 tekens in 8 groepen van 4. Controleer wat u hebt ingetypt.".into(),
                    field: Some("recoveryKey".into()),
                    source: None,
                })?;
                (BackupSecret::Recovery(&recovery), SlotKind::Recovery)
            }
        };
        // Everything is checked while the store in use stays open: a wrong secret or a damaged
        // file leaves the person where she was. Only then is the store closed and replaced.
        let prepared = kernteam_store::prepare_restore(file, self.data_dir(), secret)
            .map_err(restore_error)?;
        self.lock();
        let restored = prepared
            .commit(kernteam_domain::clock::now())
            .map_err(restore_error)?;
        let mut store = Store::open(self.data_dir(), restored.key)?;
        let actor = self.actor.clone();
        store.record_unlock(&actor, slot)?;
        let keyring_enabled = use_keyring && store.enable_keyring(&actor).is_ok();
        self.adopt(store, slot, true);
        Ok(RestoreReport {
            taken_at: restored.info.taken_at,
            audit_events: restored.info.audit_events,
            set_aside: restored.set_aside.as_deref().map(display),
            keyring_enabled,
        })
    }
}

fn display(path: &Path) -> String {
    PathBuf::from(path).display().to_string()
}

fn restore_error(e: StoreError) -> AppError {
    match e {
        StoreError::BackupDamaged(_) => AppError {
            code: ErrorCode::BackupDamaged,
            message: "Dit bestand is beschadigd, na het maken gewijzigd, of geen Kernteam-back-up. Er is niets teruggezet en er is niets gewijzigd; kies een andere back-up.".into(),
            field: Some("file".into()),
            source: Some(Box::new(e)),
        },
        StoreError::NoSuchSlot(_) => AppError {
            code: ErrorCode::WrongPassphrase,
            message: "Deze back-up heeft geen sleutelslot voor deze manier van openen. Gebruik het wachtwoord of de herstelsleutel van toen.".into(),
            field: None,
            source: Some(Box::new(e)),
        },
        StoreError::WrongSecret => AppError {
            code: ErrorCode::WrongPassphrase,
            message: "Dit wachtwoord of deze herstelsleutel opent deze back-up niet. Gebruik die van het moment van de back-up; er is niets gewijzigd.".into(),
            field: None,
            source: Some(Box::new(e)),
        },
        other => AppError::from(other),
    }
}
