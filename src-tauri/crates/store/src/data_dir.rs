//! Where one install keeps its files, and what is there before any key is given.

use std::path::{Path, PathBuf};

use crate::error::{Result, StoreError};
use crate::slots::{KeySlots, SlotKind};
use crate::{DB_FILE, KEYS_FILE};

/// The files of one install: `kernteam.db` and `keys.json` side by side.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

/// What is on disk, without any key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    /// Nothing yet (or keys without a database: an interrupted set-up that holds no data).
    Empty,
    /// A database and its key slots.
    Present {
        /// The kinds of slot in `keys.json`, in the order the file lists them.
        slots: Vec<SlotKind>,
    },
    /// A database without usable key slots: never overwritten, the user must restore.
    Unreadable {
        /// Why `keys.json` could not be used (missing, unreadable or damaged), as the error's text.
        reason: String,
    },
}

impl DataDir {
    /// The install kept in the folder `root`; nothing is read or created yet.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The folder that holds the database and `keys.json`.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the database is (`kernteam.db` in the root), whether or not it exists.
    pub fn db_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }

    /// Where the key slots are (`keys.json` in the root), whether or not they exist.
    pub fn keys_path(&self) -> PathBuf {
        self.root.join(KEYS_FILE)
    }

    /// Where the copy of the key slots is (`keys.backup.json`): written whenever a slot
    /// changes, read when `keys.json` is missing or damaged.
    pub fn keys_copy_path(&self) -> PathBuf {
        self.root.join(crate::KEYS_COPY_FILE)
    }

    /// This install's device id, made on first use (`device-id` in the root). A restored store
    /// on a new laptop gets that laptop's own, so its backups never prune the old laptop's.
    pub fn device_id(&self) -> Result<uuid::Uuid> {
        let path = self.root.join(crate::DEVICE_FILE);
        if let Ok(text) = std::fs::read_to_string(&path)
            && let Ok(id) = uuid::Uuid::parse_str(text.trim())
        {
            return Ok(id);
        }
        let id = uuid::Uuid::now_v7();
        crate::private_files::private_dir(&self.root)?;
        crate::atomic::write_atomically(&path, id.to_string().as_bytes())?;
        Ok(id)
    }

    /// What is on disk, read without a key. Without a database it is `Empty`, whatever else
    /// is there; a database whose `keys.json` is missing or damaged is `Unreadable`.
    pub fn state(&self) -> DiskState {
        let db = self.db_path();
        if !db.exists() {
            return DiskState::Empty;
        }
        match KeySlots::load_or_copy(&self.keys_path()) {
            Ok(slots) => DiskState::Present {
                slots: slots.kinds(),
            },
            Err(e) => DiskState::Unreadable {
                reason: e.to_string(),
            },
        }
    }

    /// The key slots of an existing store. Errors: `NoStore` when there is no database,
    /// `KeySlotsDamaged` when `keys.json` is missing or damaged, `Io` when it cannot be read.
    pub fn key_slots(&self) -> Result<KeySlots> {
        if !self.db_path().exists() {
            return Err(StoreError::NoStore(self.root.clone()));
        }
        KeySlots::load_or_copy(&self.keys_path()).map_err(|e| match e {
            StoreError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
                StoreError::KeySlotsDamaged("keys.json ontbreekt".into())
            }
            other => other,
        })
    }
}
