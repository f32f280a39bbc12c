//! A store's life: creating or opening the database, re-wrapping its key, and the writes that
//! go with unlocking and leaving it.

use crate::audit::{self, AuditAction};
use crate::dir_lock::DirLock;
use crate::key::DataKey;
use crate::slots::{KeySlots, SlotKind};
use crate::{Actor, DataDir, Result, Store, StoreError};
use crate::{atomic, connection, migrations, private_files};

impl Store {
    /// Creates a new database under `key` and writes `slots` beside it. Refuses to touch an
    /// existing database: a lost key must never lead to silently replacing the data.
    pub fn create(dir: &DataDir, key: DataKey, slots: &KeySlots) -> Result<Self> {
        private_files::private_dir(dir.root())?;
        let in_use = DirLock::acquire(dir)?;
        if dir.db_path().exists() {
            return Err(StoreError::AlreadyExists(dir.db_path()));
        }
        // Key slots without a database may still open a database that was moved or is being
        // synced back: they are kept under another name, never replaced.
        keep_aside(&dir.keys_path())?;
        keep_aside(&dir.keys_copy_path())?;
        slots.save_with_copy(&dir.keys_path())?;
        let mut conn = connection::open(&dir.db_path(), &key, connection::Mode::Create)?;
        private_files::restrict_store(dir)?;
        migrations::apply(&mut conn)?;
        private_files::restrict_store(dir)?;
        atomic::sync_dir(dir.root())?;
        Ok(Self {
            conn,
            head: audit::HeadKeeper::for_new_store(dir.keys_path()),
            dir: dir.clone(),
            key,
            _in_use: Some(in_use),
        })
    }

    /// Opens an existing database; a wrong key or a foreign file is an error and the file is
    /// left byte for byte as it was.
    /// A database of an older schema is first backed up, as it is, into `voor-update` in the
    /// data dir (a verified backup like any other), then migrated in one transaction.
    pub fn open(dir: &DataDir, key: DataKey) -> Result<Self> {
        let in_use = DirLock::acquire(dir)?;
        Self::open_holding(dir, key, in_use)
    }

    /// `open`, with the data dir's lock already taken.
    pub(crate) fn open_holding(dir: &DataDir, key: DataKey, in_use: DirLock) -> Result<Self> {
        let mut conn = connection::open(&dir.db_path(), &key, connection::Mode::Existing)?;
        let version = migrations::pending(&conn)?;
        if version < migrations::LATEST {
            backup_before_update(dir, &conn, &key)?;
        }
        migrations::apply(&mut conn)?;
        // A store made by an older Kernteam (or copied in) becomes private too.
        private_files::restrict_store(dir)?;
        Ok(Self {
            conn,
            head: audit::HeadKeeper::until_checked(dir.keys_path()),
            dir: dir.clone(),
            key,
            _in_use: Some(in_use),
        })
    }

    /// The same schema, migrations, pragmas and queries on plain, unencrypted SQLite: the
    /// reference `cargo xtask bench` measures the store against. Behind a feature the app never
    /// turns on, and used only with generated data.
    /// It keeps a `keys.json` beside it too (a recovery slot for a key it never uses), so a
    /// write records the audit chain's head there as the real store does: the figures compare
    /// what encryption costs, not the head's file.
    #[cfg(feature = "plain-reference")]
    pub fn create_plain_reference(dir: &DataDir) -> Result<Self> {
        std::fs::create_dir_all(dir.root())?;
        let key = DataKey::generate();
        let mut slots = KeySlots::new(uuid::Uuid::now_v7());
        slots.set_recovery(&key, &crate::RecoveryKey::generate())?;
        slots.save(&dir.keys_path())?;
        let mut conn = connection::create_plain_reference(&dir.db_path())?;
        migrations::apply(&mut conn)?;
        Ok(Self {
            conn,
            head: audit::HeadKeeper::for_new_store(dir.keys_path()),
            dir: dir.clone(),
            key,
            _in_use: None,
        })
    }

    /// Turns on SQLCipher's `cipher_memory_security` (wipes and locks every allocation) for the
    /// rest of the process; SQLCipher cannot turn it off again. Only for `cargo xtask bench`,
    /// which runs the workload once with it and once without to decide on it.
    #[cfg(feature = "plain-reference")]
    pub fn turn_on_cipher_memory_security(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA cipher_memory_security = ON;")?;
        Ok(())
    }

    /// Re-wraps the data key under a new passphrase: `keys.json` is replaced atomically and the
    /// database is not touched (no re-encryption).
    pub fn change_passphrase(&mut self, actor: &Actor, passphrase: &str) -> Result<()> {
        self.rewrap(actor, SlotKind::Passphrase, |slots, key| {
            slots.set_passphrase(key, passphrase)
        })
    }

    /// Adds (or renews) the OS keyring slot.
    pub fn enable_keyring(&mut self, actor: &Actor) -> Result<()> {
        self.rewrap(actor, SlotKind::Keyring, |slots, key| {
            slots.set_keyring(key)
        })
    }

    pub(crate) fn rewrap(
        &mut self,
        actor: &Actor,
        kind: SlotKind,
        change: impl FnOnce(&mut KeySlots, &DataKey) -> Result<()>,
    ) -> Result<()> {
        let mut slots = self.dir.key_slots()?;
        change(&mut slots, &self.key)?;
        slots.save_with_copy(&self.dir.keys_path())?;
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Change, "keyslot", kind.code())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The data directory this store was created in or opened from.
    pub fn dir(&self) -> &DataDir {
        &self.dir
    }

    /// The database's schema version (`PRAGMA user_version`); once opened, the store has been
    /// migrated to [`crate::SCHEMA_VERSION`].
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Folds the WAL back into the database so nothing lingers in `-wal` after exit.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }

    /// Records that the store was unlocked (and by which slot) in the audit chain.
    pub fn record_unlock(&mut self, actor: &Actor, slot: SlotKind) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Unlock, "store", slot.code())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        // The copy of the slots follows the recorded head once a session (not on every write:
        // that would double the syncs of a save), so a lost keys.json costs at most the head's
        // last session, which the chain itself still holds.
        if let Ok(mut slots) = KeySlots::load(&self.dir.keys_path()) {
            // This key opened the store from these slots: files from before the key check
            // was kept get it now.
            if slots.wraps(&self.key).is_none() {
                slots.note_key(&self.key);
                let _ = slots.save(&self.dir.keys_path());
            }
            let _ = slots.save(&self.dir.keys_copy_path());
        }
        Ok(())
    }
}

/// Renames an existing file to `<stem>-bewaard-<id>.json` beside it; nothing there is fine.
fn keep_aside(file: &std::path::Path) -> Result<()> {
    if !file.exists() {
        return Ok(());
    }
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("keys");
    let kept = file.with_file_name(format!(
        "{stem}-bewaard-{}.json",
        uuid::Uuid::now_v7().simple()
    ));
    std::fs::rename(file, &kept)?;
    Ok(())
}

/// The folder in the data dir where a backup is taken before each migration.
pub const UPDATE_BACKUPS_DIR: &str = "voor-update";

/// A backup of the store as it is, in `voor-update` in the data dir, before a migration touches
/// the file; the passphrase or recovery key of now opens it like any backup.
fn backup_before_update(dir: &DataDir, conn: &rusqlite::Connection, key: &DataKey) -> Result<()> {
    let folder = dir.root().join(UPDATE_BACKUPS_DIR);
    private_files::private_dir(&folder)?;
    let source = crate::BackupSource::for_dir(dir, key)?;
    crate::backup::backup_from(conn, &source, &folder, kernteam_domain::clock::now())?;
    Ok(())
}
