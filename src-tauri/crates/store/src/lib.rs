#![warn(missing_docs)]
//! Kernteam's encrypted store: SQLCipher with a raw 256-bit key, key slots in `keys.json`,
//! numbered migrations and a hash-chained audit log. The only crate that speaks SQL.

mod atomic;
mod audit;
mod backup;
mod connection;
mod data_dir;
mod dir_lock;
mod error;
mod export_log;
pub mod foreground;
mod full_export;
mod integrity;
mod key;
mod keyring_slot;
mod lifecycle;
mod migrations;
mod private_files;
mod records;
mod recovery;
mod rotation;
mod sealed_file;
mod settings;
mod slot_upkeep;
mod slots;

use rusqlite::Connection;

pub use atomic::write_atomically;
pub use audit::{AuditAction, AuditEvent, AuditHead, AuditStatus, HeadCheck};
pub use backup::{
    BACKUP_EXTENSION, BackupInfo, BackupSecret, BackupSource, PreparedRestore, Restored,
    copy_backup, inspect_backup, list_backups, prepare_restore, prune_backups, restore_backup,
    take_backup, verify_backup,
};
pub use data_dir::{DataDir, DiskState};
pub use dir_lock::LOCK_FILE;
pub use error::{Result, StoreError};
pub use export_log::ExportLogSeed;
pub use full_export::{FullImported, PreparedFullImport};
pub use key::DataKey;
pub use keyring_slot::probe as keyring_available;
pub use migrations::LATEST as SCHEMA_VERSION;
pub use private_files::remove_leftover_temp_files;
pub use records::*;
pub use recovery::RecoveryKey;
pub use rotation::KEYS_PENDING_FILE;
pub use sealed_file::{is_sealed, open_file, seal_file};
pub use slots::{ARGON2_MEMORY_KIB, ARGON2_PASSES, KeySlots, SlotKind};

/// File name of the SQLCipher database inside the data directory.
pub const DB_FILE: &str = "kernteam.db";
/// File name of the key slots (and the recorded audit head), beside the database.
pub const KEYS_FILE: &str = "keys.json";

/// File name of the copy of the key slots beside `keys.json` (without the audit head's latest
/// position, which only `keys.json` follows).
pub const KEYS_COPY_FILE: &str = "keys.backup.json";

/// File name of this install's device id (a random UUID, no personal data), which keeps the
/// backups of two laptops holding the same store apart in one folder.
pub const DEVICE_FILE: &str = "device-id";

/// Who did something, for the audit log: a member id, or the device before a profile exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

/// An unlocked store. Dropping it closes the connection and zeroes the key.
pub struct Store {
    conn: Connection,
    dir: DataDir,
    key: DataKey,
    head: audit::HeadKeeper,
    /// The data dir's lock, held while the store is open; `None` for a scratch database.
    _in_use: Option<dir_lock::DirLock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// Now, from the one clock, as the store keeps it (RFC 3339, UTC).
pub(crate) fn now_from_clock() -> String {
    kernteam_domain::clock::now_rfc3339()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_audit_head;
#[cfg(test)]
mod tests_backup;
#[cfg(test)]
mod tests_damage;
#[cfg(test)]
mod tests_disk_full;
#[cfg(test)]
mod tests_dossier;
#[cfg(test)]
mod tests_full_export;
#[cfg(test)]
mod tests_rotation;
