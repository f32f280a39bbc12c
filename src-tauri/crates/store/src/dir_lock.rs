//! One Kernteam at a time in a data dir: the app and the command line (or a second window)
//! must not both hold the store, or a restore or import in one would move the database from
//! under the other, whose later writes would land in the file set aside. An advisory lock on a
//! file of its own (never on the database, whose locks are SQLite's) is held while a store is
//! open and while a restore or import moves files; the operating system drops it when the
//! process ends, however it ends.

use std::fs::{File, TryLockError};

use crate::error::{Result, StoreError};
use crate::{DataDir, private_files};

/// The lock file in the data dir; empty, it only carries the lock.
pub const LOCK_FILE: &str = "kernteam.lock";

/// Held while this process uses the store in a data dir; released when dropped.
#[derive(Debug)]
pub(crate) struct DirLock {
    _file: File,
}

impl DirLock {
    /// Takes the data dir's lock, or `InUse` at once when another process (or another open
    /// store in this one) holds it.
    pub(crate) fn acquire(dir: &DataDir) -> Result<Self> {
        private_files::private_dir(dir.root())?;
        let path = dir.root().join(LOCK_FILE);
        let file = match File::options().read(true).write(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match private_files::new_private_file().open(&path) {
                    Ok(file) => file,
                    // Made by another process just now: use that one.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        File::options().read(true).write(true).open(&path)?
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Err(e) => return Err(e.into()),
        };
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::InUse),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }
}
