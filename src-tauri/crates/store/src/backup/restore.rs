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

/// Restores the backup at `path` into `dir`. Nothing in `dir` changes unless the whole backup
/// checks out; then an existing store is moved (never deleted) into `vorige-opslag-<when>` in
/// `dir`. The keyring slot of the laptop the backup came from is left out: the caller adds one
/// for this laptop. The store must not be open while this runs.
pub fn restore_backup(
    path: &Path,
    dir: &DataDir,
    secret: BackupSecret<'_>,
    now: DateTime<Utc>,
) -> Result<Restored> {
    let layout = container::check(path)?;
    let slots = &layout.header.slots;
    let key = match secret {
        BackupSecret::Passphrase(passphrase) => slots.unlock_passphrase(passphrase)?,
        BackupSecret::Recovery(recovery) => slots.unlock_recovery(recovery)?,
    };
    container::authenticate(path, &key)?;
    private_files::private_dir(dir.root())?;
    let mut scratch = Scratch::new(dir.root(), "restore")?;
    container::extract(path, &layout, &scratch.path)?;
    check_database(&scratch.path, &key, &layout.header)?;
    let info = info_of(path, &layout.header)?;

    let set_aside = set_aside_current(dir, now)?;
    std::fs::rename(&scratch.path, dir.db_path())?;
    scratch.keep();
    let mut restored = layout.header.slots.clone();
    restored.remove(SlotKind::Keyring);
    if layout.header.audit_count > 0 {
        restored.record_head(&key, layout.header.audit_count, &layout.header.audit_hash);
    }
    restored.save(&dir.keys_path())?;
    restored.save(&dir.keys_copy_path())?;
    private_files::restrict_store(dir)?;
    atomic::sync_dir(dir.root())?;
    Ok(Restored {
        key,
        info,
        set_aside,
    })
}

/// Moves the database (with its -wal and -shm) and the key files into a new folder beside
/// them; returns the folder, or `None` when there was nothing to move.
fn set_aside_current(dir: &DataDir, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    let files: Vec<PathBuf> = [
        dir.db_path(),
        dir.root().join(format!("{DB_FILE}-wal")),
        dir.root().join(format!("{DB_FILE}-shm")),
        dir.keys_path(),
        dir.keys_copy_path(),
        dir.root().join(crate::KEYS_PENDING_FILE),
    ]
    .into_iter()
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
    for file in files {
        let name = file
            .file_name()
            .ok_or_else(|| StoreError::Invalid("a store file without a name".into()))?;
        std::fs::rename(&file, folder.join(name))?;
    }
    atomic::sync_dir(&folder)?;
    atomic::sync_dir(dir.root())?;
    Ok(Some(folder))
}
