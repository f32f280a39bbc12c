//! Backups and restore as the user meets them: one taken into a folder of her choice and
//! verified, old ones pruned by the policy, and a backup put back with the passphrase or
//! recovery key of its day. The file format and the checks are the store's (`kernteam_store`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use kernteam_store::{BackupInfo, BackupSecret, RecoveryKey, SlotKind, Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

/// One backup as the UI and the CLI report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    /// The file's name in its folder (no pupil data: the store's short id and the moment).
    pub file_name: String,
    /// The folder it is in.
    pub folder: String,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
    /// Its size in bytes.
    pub file_bytes: u64,
    /// How many audit events it holds (all verified).
    pub audit_events: u64,
    /// How many older backups the policy removed after this one verified.
    pub pruned: u32,
}

impl BackupReport {
    fn new(info: &BackupInfo, pruned: usize) -> Self {
        Self {
            file_name: info
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            folder: info
                .path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            taken_at: info.taken_at,
            file_bytes: info.file_bytes,
            audit_events: info.audit_events,
            pruned: u32::try_from(pruned).unwrap_or(u32::MAX),
        }
    }
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// When the restored backup was taken.
    pub taken_at: DateTime<Utc>,
    /// How many audit events it holds (verified, and held as the recorded head).
    pub audit_events: u64,
    /// Where the store it replaced was set aside; `None` when there was none.
    pub set_aside: Option<String>,
    /// Whether this laptop's OS keyring got a slot (so Kernteam opens at start without typing).
    pub keyring_enabled: bool,
}

/// The secret a restore is opened with.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
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

/// The backup folder's own troubles, worded for the person who can fix them (the store's error
/// kinds would say "opslaan", which is not what failed).
fn folder_error(e: StoreError) -> AppError {
    use std::io::ErrorKind;
    let message = match &e {
        e if e.is_disk_full() => {
            "De back-upmap is vol. Er is geen back-up gemaakt; uw gegevens zijn veilig. Maak ruimte vrij in de map of kies een andere."
        }
        StoreError::Io(io) => match io.kind() {
            ErrorKind::NotFound => {
                "De back-upmap is niet bereikbaar (is de USB-stick eruit of de netwerkmap weg?). Er is geen back-up gemaakt; uw gegevens zijn veilig. De volgende back-up lukt zodra de map er weer is."
            }
            ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => {
                "In de back-upmap mag Kernteam niet schrijven (alleen-lezen of geen rechten). Er is geen back-up gemaakt; uw gegevens zijn veilig. Kies een map waarin u mag schrijven."
            }
            _ => {
                "Schrijven naar de back-upmap is mislukt. Er is geen back-up gemaakt; uw gegevens zijn veilig. Probeer het opnieuw of kies een andere map."
            }
        },
        StoreError::BackupDamaged(_) => {
            "De back-up is geschreven maar bleek bij controle niet goed; hij is weggehaald. Uw gegevens zijn veilig. Probeer het opnieuw of kies een andere map."
        }
        _ => return AppError::from(e),
    };
    AppError {
        code: if e.is_disk_full() {
            ErrorCode::DiskFull
        } else {
            ErrorCode::Internal
        },
        message: message.to_owned(),
        field: Some("backupFolder".into()),
        source: Some(Box::new(e)),
    }
}

impl Session {
    /// Takes a backup into `folder` now, verifies it, and then removes the older backups the
    /// policy no longer keeps (only this store's, and only after this one verified).
    pub fn backup_now(&mut self, folder: &Path) -> AppResult<BackupReport> {
        let source = self.store()?.backup_source()?;
        let now = kernteam_domain::clock::now();
        let info = kernteam_store::take_backup(&source, folder, now).map_err(folder_error)?;
        let pruned = kernteam_store::prune_backups(folder, source.store_id())
            .map(|removed| removed.len())
            .unwrap_or(0);
        Ok(BackupReport::new(&info, pruned))
    }

    /// The backups of this store in `folder`, newest first (read from their headers).
    pub fn backups_in(&mut self, folder: &Path) -> AppResult<Vec<BackupReport>> {
        let store_id = self.store()?.backup_source()?.store_id();
        let found = kernteam_store::list_backups(folder, store_id).map_err(folder_error)?;
        Ok(found.iter().map(|b| BackupReport::new(b, 0)).collect())
    }

    /// Puts the backup at `file` back as this install's store and opens it. The session is
    /// locked first; a store already here is set aside in a folder beside it, never deleted.
    /// This laptop's keyring gets a slot when `use_keyring` and the keyring answers.
    pub fn restore_from(
        &mut self,
        file: &Path,
        secret: &RestoreSecret,
        use_keyring: bool,
    ) -> AppResult<RestoreReport> {
        self.lock();
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
        let restored = kernteam_store::restore_backup(
            file,
            self.data_dir(),
            secret,
            kernteam_domain::clock::now(),
        )
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
            code: ErrorCode::Damaged,
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
