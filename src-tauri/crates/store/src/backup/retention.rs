//! Removing backups the policy no longer keeps (`kernteam_domain::backup_policy`).

use std::path::Path;

use super::{BackupInfo, BackupSource, list_backups};
use crate::error::Result;

/// Removes this laptop's backups of the store in `folder` that the policy does not keep, and
/// returns them. Call it only right after a backup verified: the newest file is then a good
/// one, and the policy always keeps the newest. Files of other stores, of other laptops (a
/// restored copy goes its own way) and files whose header cannot be read are never touched.
pub fn prune_backups(folder: &Path, source: &BackupSource) -> Result<Vec<BackupInfo>> {
    let _one_at_a_time = super::BACKUP_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let backups: Vec<BackupInfo> = list_backups(folder, source.store_id())?
        .into_iter()
        .filter(|b| b.device_id == source.device_id())
        .collect();
    let taken: Vec<_> = backups.iter().map(|b| b.taken_at).collect();
    let mut keep = kernteam_domain::backup_policy::keep(&taken);
    keep_last_of_each_older_schema(&backups, &mut keep);
    let mut removed = Vec::new();
    for (backup, keep) in backups.into_iter().zip(keep) {
        if !keep {
            std::fs::remove_file(&backup.path)?;
            removed.push(backup);
        }
    }
    if !removed.is_empty() {
        crate::atomic::sync_dir(folder)?;
    }
    Ok(removed)
}

/// The newest backup of every schema older than the newest backup's stays too: it is the store
/// as it was just before an update (taken before the migration), the one way back should the
/// update have gone wrong, and the daily backups of the day of the update would otherwise
/// replace it. One per update of Kernteam's schema, so a handful over the years.
fn keep_last_of_each_older_schema(backups: &[BackupInfo], keep: &mut [bool]) {
    let Some(current) = backups.iter().map(|b| b.schema_version).max() else {
        return;
    };
    let mut newest: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for (i, b) in backups.iter().enumerate() {
        if b.schema_version < current {
            let slot = newest.entry(b.schema_version).or_insert(i);
            if backups[*slot].taken_at < b.taken_at {
                *slot = i;
            }
        }
    }
    for i in newest.into_values() {
        keep[i] = true;
    }
}
