//! Keeping the key slots: their copy beside `keys.json`, the key check that ties them to the
//! data key, and the form a backup carries them in.

use std::path::Path;

use uuid::Uuid;

use crate::audit::AuditHead;
use crate::error::{Result, StoreError};
use crate::key::DataKey;
use crate::slots::KeySlots;

fn key_check_of(key: &DataKey, store_id: Uuid) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(b"kernteam key check v1");
    mac.update(store_id.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Where the copy of the slots beside `keys` is kept.
pub(crate) fn copy_path(keys: &Path) -> std::path::PathBuf {
    keys.with_file_name(crate::KEYS_COPY_FILE)
}

impl KeySlots {
    /// Reads `keys.json`, or, when it is missing or damaged, the copy beside it
    /// (`keys.backup.json`); the error is `keys.json`'s when neither can be used.
    pub fn load_or_copy(path: &Path) -> Result<Self> {
        Self::load(path).or_else(|error| Self::load(&copy_path(path)).map_err(|_| error))
    }

    /// Writes `keys.json` and the copy beside it: done whenever a slot changes, so losing or
    /// damaging one file (a sync tool, a cut power) never loses the way in.
    pub fn save_with_copy(&self, path: &Path) -> Result<()> {
        self.save(path)?;
        self.save(&copy_path(path))
    }

    /// The slots as a backup carries them: the recorded heads belong to the live files, the
    /// backup has its chain inside.
    pub(crate) fn for_backup(&self) -> Self {
        let mut slots = self.clone();
        slots.audit_head = None;
        slots.audit_verified = None;
        slots
    }

    /// Records the audit chain's head (as a restore does for the chain it put back).
    pub(crate) fn record_head(&mut self, key: &DataKey, count: u64, hash: &str) {
        self.audit_head = Some(AuditHead::sealed(key, count, hash.to_owned()));
        self.audit_verified = None;
    }

    /// Forgets the recorded head (as for a store whose new chain is still empty).
    pub(crate) fn forget_head(&mut self) {
        self.audit_head = None;
        self.audit_verified = None;
    }

    /// Records that these slots wrap `key` (see `key_check`).
    pub(crate) fn note_key(&mut self, key: &DataKey) {
        self.key_check = Some(key_check_of(key, self.store_id));
    }

    /// An unwrapped key, held against the key check: a changed check is damage to the file.
    pub(crate) fn checked(&self, key: DataKey) -> Result<DataKey> {
        match self.wraps(&key) {
            Some(false) => Err(StoreError::KeySlotsDamaged(
                "keyCheck does not match the key".into(),
            )),
            _ => Ok(key),
        }
    }

    /// Whether these slots wrap `key`: `None` when the file does not say (written before the
    /// check was kept).
    pub(crate) fn wraps(&self, key: &DataKey) -> Option<bool> {
        self.key_check
            .as_deref()
            .map(|check| check == key_check_of(key, self.store_id))
    }
}
