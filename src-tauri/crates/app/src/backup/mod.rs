//! Backups and restore as the user meets them: one taken into a folder of her choice and
//! verified, old ones pruned by the policy, and a backup put back with the passphrase or
//! recovery key of its day. The file format and the checks are the store's (`kernteam_store`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use kernteam_store::{BackupInfo, BackupSource, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

mod restore;

pub use restore::{BackupFile, RestoreReport, RestoreSecret, inspect_backup_file};

/// The settings under which the folder and the last good backup are kept in the store.
const FOLDER_SETTING: &str = "backup_folder";
const LAST_GOOD_SETTING: &str = "backup_last_good";
/// This laptop's own settings: a full export leaves them out (the folder is a path here).
pub(crate) const MACHINE_SETTINGS: &[&str] = &[FOLDER_SETTING, LAST_GOOD_SETTING];

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
    #[ts(type = "number")]
    pub file_bytes: u64,
    /// How many audit events it holds (all verified).
    #[ts(type = "number")]
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
        // The store stayed busy, or a file was not what a backup is: nothing about the input.
        StoreError::Invalid(_) => {
            "De back-up kon niet worden gemaakt. Uw gegevens zijn veilig. Probeer het over een paar minuten opnieuw."
        }
        _ => return AppError::from(e),
    };
    AppError {
        code: if e.is_disk_full() {
            ErrorCode::DiskFull
        } else {
            ErrorCode::BackupFolderUnavailable
        },
        message: message.to_owned(),
        field: Some("backupFolder".into()),
        source: Some(Box::new(e)),
    }
}

/// Where backups go and how the last one went, as Instellingen and Vandaag show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// The chosen folder; `None` until one is chosen.
    pub folder: Option<String>,
    /// The last backup that was written and verified.
    pub last_good: Option<BackupReport>,
    /// Why the last automatic backup failed, when it did after the last good one (this session).
    pub last_failure: Option<String>,
    /// No good backup for more than a week, or none at all: Vandaag says so.
    pub stale: bool,
    /// No backup yet today: the app takes one (when a folder is chosen).
    pub due: bool,
}

/// A backup ready to run without the session: the shell runs it on a thread of its own, so
/// the app stays responsive (SQLite's WAL lets the snapshot read while the app writes).
pub struct BackupJob {
    source: BackupSource,
    folder: PathBuf,
    taken_at: DateTime<Utc>,
    /// The backup taken before an update, still to be carried to the folder (see
    /// `update_backup_to_carry`).
    carry: Option<BackupInfo>,
}

impl BackupJob {
    /// Runs the job on a thread of its own at a lower CPU priority (on Linux nice 10, for that
    /// thread only), so a meeting on the same laptop keeps its pace; waits for it.
    pub fn run_gently(self) -> AppResult<BackupReport> {
        let spawned = std::thread::Builder::new()
            .name("kernteam-backup".into())
            .spawn(move || {
                #[cfg(target_os = "linux")]
                let _ = rustix::process::nice(10);
                self.run()
            });
        match spawned {
            Ok(thread) => thread.join().unwrap_or_else(|_| {
                Err(AppError::new(
                    ErrorCode::Internal,
                    "De back-up is onderbroken; probeer het opnieuw.",
                ))
            }),
            Err(e) => Err(AppError::new(
                ErrorCode::Internal,
                "De back-up kon niet beginnen; probeer het opnieuw.",
            )
            .caused_by(e)),
        }
    }

    /// Takes and verifies the backup, then prunes the older ones the policy no longer keeps.
    pub fn run(&self) -> AppResult<BackupReport> {
        if let Some(carry) = &self.carry {
            match kernteam_store::copy_backup(carry, &self.folder) {
                Ok(_) | Err(StoreError::AlreadyExists(_)) => {}
                Err(e) => return Err(folder_error(e)),
            }
        }
        let info = kernteam_store::take_backup(&self.source, &self.folder, self.taken_at)
            .map_err(folder_error)?;
        // Pruning comes only after this backup verified; a failure to prune loses nothing.
        let pruned = kernteam_store::prune_backups(&self.folder, &self.source)
            .map(|removed| removed.len())
            .unwrap_or(0);
        Ok(BackupReport::new(&info, pruned))
    }
}

impl Session {
    /// The backup folder and the last good backup.
    pub fn backup_status(&mut self) -> AppResult<BackupStatus> {
        let store = self.store()?;
        let folder = store.setting(FOLDER_SETTING)?;
        let last_good: Option<BackupReport> = store
            .setting(LAST_GOOD_SETTING)?
            .and_then(|json| serde_json::from_str(&json).ok());
        let now = kernteam_domain::clock::now();
        let last = last_good.as_ref().map(|b| b.taken_at);
        Ok(BackupStatus {
            folder,
            last_failure: self.backup_failure.clone(),
            stale: kernteam_domain::backup_policy::stale(last, now),
            due: kernteam_domain::backup_policy::due(last, now),
            last_good,
        })
    }

    /// Chooses the folder backups go to. It must exist, be writable and lie outside the data
    /// dir (a backup beside the store is lost with the laptop).
    pub fn set_backup_folder(&mut self, folder: &Path) -> AppResult<BackupStatus> {
        let refusal = |message: &str| AppError {
            code: ErrorCode::Validation,
            message: message.to_owned(),
            field: Some("backupFolder".into()),
            source: None,
        };
        let folder = folder.canonicalize().map_err(|_| {
            refusal("Deze map bestaat niet (meer). Kies een bestaande map, bijvoorbeeld op de schoolschijf of een USB-stick.")
        })?;
        if !folder.is_dir() {
            return Err(refusal("Kies een map, geen bestand."));
        }
        let data = self.data_dir().root().canonicalize().unwrap_or_default();
        if folder.starts_with(&data) {
            return Err(refusal(
                "Kies een map buiten de gegevensmap van Kernteam: een back-up naast de gegevens gaat samen met de laptop verloren.",
            ));
        }
        writable(&folder).map_err(|_| {
            refusal("In deze map mag Kernteam niet schrijven. Kies een map waarin u bestanden mag opslaan.")
        })?;
        let text = folder.to_string_lossy().into_owned();
        let actor = self.actor_now()?;
        self.store()?.set_setting(&actor, FOLDER_SETTING, &text)?;
        self.backup_failure = None;
        self.backup_status()
    }

    /// The backup to take now, when a folder is chosen (and, with `only_if_due`, when none was
    /// taken today); `None` otherwise. The caller runs it off the session and reports back with
    /// `backup_finished`.
    pub fn backup_job(&mut self, only_if_due: bool) -> AppResult<Option<BackupJob>> {
        let status = self.backup_status()?;
        let Some(folder) = status.folder.clone() else {
            return Ok(None);
        };
        let carry = self.update_backup_to_carry(&status)?;
        if only_if_due && !status.due && carry.is_none() {
            return Ok(None);
        }
        Ok(Some(BackupJob {
            source: self.store()?.backup_source()?,
            folder: PathBuf::from(folder),
            taken_at: kernteam_domain::clock::now(),
            carry,
        }))
    }

    /// The backup taken before the last update of the store (in the data dir, where a lost
    /// laptop takes it along), while it is newer than the last good backup: the next backup
    /// job copies it to the folder first, and the folder's pruning keeps it (the newest of an
    /// older schema).
    fn update_backup_to_carry(&mut self, status: &BackupStatus) -> AppResult<Option<BackupInfo>> {
        let newest = self.store()?.backups_before_update()?.into_iter().next();
        Ok(newest.filter(|b| {
            status
                .last_good
                .as_ref()
                .is_none_or(|good| good.taken_at < b.taken_at)
        }))
    }

    /// Records how a backup job ended: a good one as the last good backup (a setting, so the
    /// audit chain holds that it was taken), a failure for the status until the next good one.
    pub fn backup_finished(&mut self, outcome: &AppResult<BackupReport>) -> AppResult<()> {
        match outcome {
            Ok(report) => {
                let json = serde_json::to_string(report).map_err(|e| {
                    AppError::new(ErrorCode::Internal, "Er ging iets mis bij het vastleggen van de back-up; de back-up zelf is goed.").caused_by(e)
                })?;
                let actor = self.actor_now()?;
                self.store()?
                    .set_setting(&actor, LAST_GOOD_SETTING, &json)?;
                self.backup_failure = None;
            }
            Err(e) => self.backup_failure = Some(e.message.clone()),
        }
        Ok(())
    }

    /// Takes a backup into `folder` now and verifies it, in the calling thread (the CLI's
    /// `backup --to`); it counts as the last good backup.
    pub fn backup_to(&mut self, folder: &Path) -> AppResult<BackupReport> {
        let status = self.backup_status()?;
        let job = BackupJob {
            source: self.store()?.backup_source()?,
            folder: folder.to_path_buf(),
            taken_at: kernteam_domain::clock::now(),
            carry: self.update_backup_to_carry(&status)?,
        };
        let outcome = job.run();
        self.backup_finished(&outcome)?;
        outcome
    }

    /// The backups of this store in `folder`, newest first (read from their headers).
    pub fn backups_in(&mut self, folder: &Path) -> AppResult<Vec<BackupReport>> {
        let store_id = self.store()?.backup_source()?.store_id();
        let found = kernteam_store::list_backups(folder, store_id).map_err(folder_error)?;
        Ok(found.iter().map(|b| BackupReport::new(b, 0)).collect())
    }
}

/// Proves the folder takes a file: one written, synced and removed.
fn writable(folder: &Path) -> std::io::Result<()> {
    let probe = folder.join(format!(
        ".kernteam-probe-{}.tmp",
        uuid::Uuid::now_v7().simple()
    ));
    let result = std::fs::write(&probe, b"kernteam").and_then(|()| std::fs::remove_file(&probe));
    if result.is_err() {
        let _ = std::fs::remove_file(&probe);
    }
    result
}
