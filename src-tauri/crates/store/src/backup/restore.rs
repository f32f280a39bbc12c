//! Putting a backup back: the file checked, the key unwrapped with the passphrase or recovery
//! key valid when it was taken, the database verified in a scratch file, and only then the
//! current store (if any) set aside in a folder of its own and the backup moved into place.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{BackupInfo, Scratch, check_database, container, info_of};
use crate::error::{Result, StoreError};
use crate::key::DataKey;
use crate::recovery::RecoveryKey;
use crate::slots::SlotKind;
use crate::{DB_FILE, DataDir, atomic, private_files};

/// The secret that opens a backup: one the person knows (the keyring of the laptop it was
/// taken on may be gone).
pub enum BackupSecret<'a> {
    /// The passphrase valid when the backup was taken.
    Passphrase(&'a str),
    /// The recovery key valid when the backup was taken.
    Recovery(&'a RecoveryKey),
}

/// A restored store: its key (to open it with), what was restored, and where the store it
/// replaced was set aside.
#[derive(Debug)]
pub struct Restored {
    /// The data key of the restored store.
    pub key: DataKey,
    /// The backup that was restored.
    pub info: BackupInfo,
    /// The folder the earlier store's files were moved to; `None` when there was none.
    pub set_aside: Option<PathBuf>,
}

/// Restores the backup at `path` into `dir`: `prepare_restore` and then `commit`. The store
/// must not be open while this runs.
pub fn restore_backup(
    path: &Path,
    dir: &DataDir,
    secret: BackupSecret<'_>,
    now: DateTime<Utc>,
) -> Result<Restored> {
    prepare_restore(path, dir, secret)?.commit(now)
}

/// A backup checked through and through and waiting, as a scratch database in the data dir, to
/// be moved into place; dropped, it is removed and nothing changed.
pub struct PreparedRestore {
    dir: DataDir,
    key: DataKey,
    info: BackupInfo,
    header: container::Header,
    scratch: Scratch,
}

impl std::fmt::Debug for PreparedRestore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedRestore")
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

/// Everything a restore checks, with the store in `dir` still open and untouched: the file's
/// checksum, the key unwrapped with the passphrase or recovery key valid when the backup was
/// taken, the MAC, and the database extracted and checked. `BackupDamaged` or `WrongSecret`
/// leave nothing behind.
pub fn prepare_restore(
    path: &Path,
    dir: &DataDir,
    secret: BackupSecret<'_>,
) -> Result<PreparedRestore> {
    let header = container::check(path)?;
    // This build could not open it once restored, and the store in use would be set aside.
    if header.schema_version > crate::SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: header.schema_version,
            supported: crate::SCHEMA_VERSION,
        });
    }
    let slots = &header.slots;
    let key = match secret {
        BackupSecret::Passphrase(passphrase) => slots.unlock_passphrase(passphrase)?,
        BackupSecret::Recovery(recovery) => slots.unlock_recovery(recovery)?,
    };
    private_files::private_dir(dir.root())?;
    let scratch = Scratch::new(dir.root(), "restore")?;
    container::check_and_extract(path, &key, Some(&scratch.path))?;
    check_database(&scratch.path, &key, &header)?;
    // This copy becomes the store: on disk before anything is moved for it.
    std::fs::File::open(&scratch.path)?.sync_all()?;
    Ok(PreparedRestore {
        dir: dir.clone(),
        info: info_of(path, &header)?,
        key,
        header,
        scratch,
    })
}

impl PreparedRestore {
    /// What is about to be restored.
    pub fn info(&self) -> &BackupInfo {
        &self.info
    }

    /// Moves the checked backup into place: a store already in the data dir goes into
    /// `vorige-opslag-<when>` (never deleted), then the database and its key slots (without
    /// the keyring slot of the laptop the backup came from: the caller adds one for this
    /// laptop). The store must be closed by now.
    pub fn commit(mut self, now: DateTime<Utc>) -> Result<Restored> {
        let dir = self.dir.clone();
        // Not while another process has the store open: it would write on into the copy set
        // aside.
        let _in_use = crate::dir_lock::DirLock::acquire(&dir)?;
        let moved = set_aside_current(&dir, now, true)?;
        let mut restored = self.header.slots.clone();
        restored.remove(SlotKind::Keyring);
        if self.header.audit_count > 0 {
            restored.record_head(&self.key, self.header.audit_count, &self.header.audit_hash);
        }
        let placed = (|| -> Result<()> {
            restored.save(&dir.keys_path())?;
            restored.save(&dir.keys_copy_path())?;
            std::fs::rename(&self.scratch.path, dir.db_path())?;
            private_files::restrict_store(&dir)?;
            atomic::sync_dir(dir.root())?;
            Ok(())
        })();
        if let Err(e) = placed {
            // Back as it was: the restored files out, the store that was here in again.
            for file in [dir.db_path(), dir.keys_path(), dir.keys_copy_path()] {
                if !self.scratch.path.exists() && file == dir.db_path() {
                    let _ = std::fs::rename(&file, &self.scratch.path);
                } else {
                    let _ = std::fs::remove_file(&file);
                }
            }
            if let Some((_, files)) = &moved {
                for (from, to) in files {
                    let _ = std::fs::rename(to, from);
                }
            }
            return Err(e);
        }
        self.scratch.keep();
        Ok(Restored {
            key: self.key,
            info: self.info,
            set_aside: moved.map(|(folder, _)| folder),
        })
    }
}

/// What a restore moved aside: the folder, and each file's old and new place.
pub(crate) type SetAside = (PathBuf, Vec<(PathBuf, PathBuf)>);

/// Moves the database (with its -wal and -shm), and the key files when `with_keys`, into a new
/// folder beside them; returns the folder and what went there, or `None` when there was
/// nothing to move. A failure halfway moves back what had gone.
pub(crate) fn set_aside_current(
    dir: &DataDir,
    now: DateTime<Utc>,
    with_keys: bool,
) -> Result<Option<SetAside>> {
    let database = [
        dir.db_path(),
        dir.root().join(format!("{DB_FILE}-wal")),
        dir.root().join(format!("{DB_FILE}-shm")),
    ];
    let keys = [
        dir.keys_path(),
        dir.keys_copy_path(),
        dir.root().join(crate::KEYS_PENDING_FILE),
    ];
    let files: Vec<PathBuf> = database
        .into_iter()
        .chain(keys.into_iter().filter(|_| with_keys))
        .filter(|f| f.exists())
        .collect();
    if files.is_empty() {
        return Ok(None);
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mut folder = dir.root().join(format!("vorige-opslag-{stamp}"));
    let mut n = 1;
    while folder.exists() {
        n += 1;
        folder = dir.root().join(format!("vorige-opslag-{stamp}-{n}"));
    }
    private_files::private_dir(&folder)?;
    let mut moved = Vec::new();
    for file in files {
        let target = folder.join(file.file_name().unwrap_or_default());
        if let Err(e) = std::fs::rename(&file, &target) {
            for (from, to) in moved.iter().rev() {
                let _ = std::fs::rename(to, from);
            }
            return Err(e.into());
        }
        moved.push((file, target));
    }
    atomic::sync_dir(&folder)?;
    atomic::sync_dir(dir.root())?;
    Ok(Some((folder, moved)))
}
