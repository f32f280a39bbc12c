//! A backup taken elsewhere (before an update, in the data dir) carried to the backup folder,
//! so a lost laptop does not take the only copy of the store as it was before the update.

use std::io::Write;
use std::path::Path;

use uuid::Uuid;

use super::{BackupInfo, container, info_of, list_backups};
use crate::error::{Result, StoreError};
use crate::{Store, atomic, private_files};

impl Store {
    /// The backups taken before an update of this store (in `voor-update` in the data dir),
    /// newest first.
    pub fn backups_before_update(&self) -> Result<Vec<BackupInfo>> {
        let folder = self.dir.root().join(crate::lifecycle::UPDATE_BACKUPS_DIR);
        if !folder.is_dir() {
            return Ok(Vec::new());
        }
        list_backups(&folder, self.backup_source()?.store_id())
    }
}

/// Copies a backup into `folder` under its own name, as a backup is written: a temp name,
/// synced, renamed, and read back whole against its checksum. `AlreadyExists` when the folder
/// holds it already; a copy that does not check out is removed.
pub fn copy_backup(backup: &BackupInfo, folder: &Path) -> Result<BackupInfo> {
    let name = backup
        .path
        .file_name()
        .ok_or_else(|| StoreError::Invalid("a backup without a file name".into()))?;
    // One backup at a time in this process: a backup starting meanwhile clears this laptop's
    // temp files in the folder, this copy's among them.
    let _one_at_a_time = super::BACKUP_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let target = folder.join(name);
    if target.exists() {
        return Err(StoreError::AlreadyExists(target));
    }
    let tmp = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        Uuid::now_v7().simple()
    ));
    let written = (|| {
        let mut from = std::fs::File::open(&backup.path)?;
        let mut to = private_files::new_private_file().open(&tmp)?;
        std::io::copy(&mut from, &mut to)?;
        to.flush()?;
        to.sync_all()?;
        drop(to);
        std::fs::rename(&tmp, &target)?;
        atomic::sync_dir(folder)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    match container::check(&target).and_then(|header| info_of(&target, &header)) {
        Ok(info) => Ok(info),
        Err(e) => {
            let _ = std::fs::remove_file(&target);
            Err(e)
        }
    }
}
