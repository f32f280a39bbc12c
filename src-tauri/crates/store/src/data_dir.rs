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
    Present { slots: Vec<SlotKind> },
    /// A database without usable key slots: never overwritten, the user must restore.
    Unreadable { reason: String },
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn db_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }

    pub fn keys_path(&self) -> PathBuf {
        self.root.join(KEYS_FILE)
    }

    pub fn state(&self) -> DiskState {
        let db = self.db_path();
        if !db.exists() {
            return DiskState::Empty;
        }
        match KeySlots::load(&self.keys_path()) {
            Ok(slots) => DiskState::Present {
                slots: slots.kinds(),
            },
            Err(e) => DiskState::Unreadable {
                reason: e.to_string(),
            },
        }
    }

    pub fn key_slots(&self) -> Result<KeySlots> {
        if !self.db_path().exists() {
            return Err(StoreError::NoStore(self.root.clone()));
        }
        KeySlots::load(&self.keys_path()).map_err(|e| match e {
            StoreError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
                StoreError::KeySlotsDamaged("keys.json ontbreekt".into())
            }
            other => other,
        })
    }
}
