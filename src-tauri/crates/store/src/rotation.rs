//! A new data key: the database re-encrypted under it (`PRAGMA rekey`), new key slots and a new
//! recovery key. A crash at any moment leaves a store that one of the two sets of slots opens:
//! the new slots are written to `keys.pending.json` before the database changes, and only
//! after it changed do they become `keys.json`. Opening (`Store::open_unwrapping`) settles a
//! rotation a crash interrupted.

use std::path::PathBuf;

use crate::audit::{self, AuditAction};
use crate::key::DataKey;
use crate::recovery::RecoveryKey;
use crate::slots::{KeySlots, SlotKind};
use crate::{Actor, DataDir, Result, Store, StoreError, atomic};

/// File name of the slots of a rotation in progress, beside `keys.json`.
pub const KEYS_PENDING_FILE: &str = "keys.pending.json";

fn pending_path(dir: &DataDir) -> PathBuf {
    dir.root().join(KEYS_PENDING_FILE)
}

impl Store {
    /// Re-encrypts the database under a new data key and replaces every slot: the passphrase
    /// (the same one, which the person types to prove she knows it), a new recovery key (returned,
    /// to show once) and, when there was one, the keyring. Backups taken before open only with
    /// the secrets of before. `WrongSecret` for a wrong passphrase; nothing changes then.
    pub fn rotate_key(&mut self, actor: &Actor, passphrase: &str) -> Result<RecoveryKey> {
        let current = self.dir.key_slots()?;
        current.unlock_passphrase(passphrase)?;
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let mut next = KeySlots::new(current.store_id);
        next.set_passphrase(&key, passphrase)?;
        next.set_recovery(&key, &recovery)?;
        if let Some((count, hash)) = audit::last_event(&self.conn)? {
            next.record_head(&key, count, &hash);
        }
        next.save(&pending_path(&self.dir))?;
        self.conn.execute_batch(&format!(
            "PRAGMA rekey = {};",
            key.pragma_literal().as_str()
        ))?;
        // Nothing of the old key's pages stays behind in the -wal.
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.key = key;
        // The keyring's secret is replaced only now: until the database changed, the old slot
        // had to keep working.
        if current.has(SlotKind::Keyring) {
            let _ = next.set_keyring(&self.key);
        }
        next.save_with_copy(&self.dir.keys_path())?;
        std::fs::remove_file(pending_path(&self.dir))?;
        atomic::sync_dir(self.dir.root())?;
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Change, "keyslot", "rotate")?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(recovery)
    }

    /// Replaces the recovery slot with one for a new recovery key (returned, to show once); the
    /// data key stays, so backups keep opening with the passphrase of their day.
    pub fn reset_recovery_key(&mut self, actor: &Actor) -> Result<RecoveryKey> {
        let recovery = RecoveryKey::generate();
        self.rewrap(actor, SlotKind::Recovery, |slots, key| {
            slots.set_recovery(key, &recovery)
        })?;
        Ok(recovery)
    }

    /// Opens the store with the key `unwrap` takes from the slots in `keys.json`; when the
    /// database does not open with it and a rotation was interrupted after re-encrypting, with
    /// the key from `keys.pending.json`, which then becomes `keys.json`. A rotation interrupted
    /// before re-encrypting leaves pending slots nothing uses: they are removed.
    pub fn open_unwrapping(
        dir: &DataDir,
        unwrap: impl Fn(&KeySlots) -> Result<DataKey>,
    ) -> Result<Self> {
        let pending = pending_path(dir);
        let key = unwrap(&dir.key_slots()?)?;
        match Store::open(dir, key) {
            Ok(store) => {
                if pending.exists() {
                    std::fs::remove_file(&pending)?;
                }
                Ok(store)
            }
            Err(StoreError::CannotDecrypt) if pending.exists() => {
                let slots = KeySlots::load(&pending)?;
                let store = Store::open(dir, unwrap(&slots)?)?;
                slots.save_with_copy(&dir.keys_path())?;
                std::fs::remove_file(&pending)?;
                atomic::sync_dir(dir.root())?;
                Ok(store)
            }
            Err(other) => Err(other),
        }
    }
}
