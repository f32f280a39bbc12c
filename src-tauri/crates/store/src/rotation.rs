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
use crate::{Actor, DataDir, Result, Store, StoreError, atomic, connection};

/// Opens the file afresh under `new` and checks every page; `old` must no longer open it.
fn prove_rekeyed(dir: &DataDir, new: &DataKey, old: &DataKey) -> Result<()> {
    let fresh = connection::open(&dir.db_path(), new, connection::Mode::Existing)?;
    crate::integrity::check(&fresh)?;
    drop(fresh);
    match connection::open(&dir.db_path(), old, connection::Mode::Existing) {
        Err(StoreError::CannotDecrypt) => Ok(()),
        Err(other) => Err(other),
        Ok(_) => Err(StoreError::Integrity(
            "the database still opens under the old key after the rekey".into(),
        )),
    }
}

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
        let old_key = self.key.duplicate();
        self.conn.execute_batch(&format!(
            "PRAGMA rekey = {};",
            key.pragma_literal().as_str()
        ))?;
        // Nothing of the old key's pages stays behind in the -wal.
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.key = key;
        // Proof before the slots change: a fresh connection reads the whole file under the new
        // key, and the old key no longer opens it. Otherwise the pending slots stay, and the
        // caller closes the store so the next unlock finds the key that works.
        prove_rekeyed(&self.dir, &self.key, &old_key)?;
        next.save_with_copy(&self.dir.keys_path())?;
        // From here the new recovery key is the only one: it is returned whatever follows.
        let _ = std::fs::remove_file(pending_path(&self.dir));
        let _ = atomic::sync_dir(self.dir.root());
        // The keyring's secret is replaced only now that keys.json holds the new key: a crash
        // in between costs the keyring slot, never the way in.
        if current.has(SlotKind::Keyring) && next.set_keyring(&self.key).is_ok() {
            let _ = next.save_with_copy(&self.dir.keys_path());
        }
        if let Ok(tx) = self.conn.transaction() {
            let _ = audit::append(&tx, &actor.0, AuditAction::Change, "keyslot", "rotate")
                .and_then(|()| crate::audit::commit(tx, &mut self.head, &self.key));
        }
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
        // Settling a rotation rewrites the slots: not while another process has the store.
        let in_use = crate::dir_lock::DirLock::acquire(dir)?;
        let pending = pending_path(dir);
        let key = unwrap(&dir.key_slots()?)?;
        if pending.exists() {
            // Which key the file is under decides, before anything (a migration's backup
            // included) reads the slots.
            match connection::open(&dir.db_path(), &key, connection::Mode::Existing) {
                Ok(_) => std::fs::remove_file(&pending)?,
                Err(StoreError::CannotDecrypt) => {
                    let slots = KeySlots::load(&pending)?;
                    let key = unwrap(&slots)?;
                    drop(connection::open(
                        &dir.db_path(),
                        &key,
                        connection::Mode::Existing,
                    )?);
                    slots.save_with_copy(&dir.keys_path())?;
                    std::fs::remove_file(&pending)?;
                    atomic::sync_dir(dir.root())?;
                    return Store::open_holding(dir, key, in_use);
                }
                Err(other) => return Err(other),
            }
        }
        Store::open_holding(dir, key, in_use)
    }
}
