//! Kernteam's encrypted store: SQLCipher with a raw 256-bit key, key slots in `keys.json`,
//! numbered migrations and a hash-chained audit log. The only crate that speaks SQL.

mod atomic;
mod audit;
mod connection;
mod error;
mod key;
mod keyring_slot;
mod migrations;
mod private_files;
mod records;
mod recovery;
mod sealed_file;
mod slots;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use atomic::write_atomically;
pub use audit::{AuditAction, AuditEvent, AuditHead, AuditStatus, HeadCheck};
pub use error::{Result, StoreError};
pub use key::DataKey;
pub use keyring_slot::probe as keyring_available;
pub use migrations::LATEST as SCHEMA_VERSION;
pub use private_files::remove_leftover_temp_files;
pub use records::*;
pub use recovery::RecoveryKey;
pub use sealed_file::{is_sealed, open_file, seal_file};
pub use slots::{ARGON2_MEMORY_KIB, ARGON2_PASSES, KeySlots, SlotKind};

pub const DB_FILE: &str = "kernteam.db";
pub const KEYS_FILE: &str = "keys.json";

/// Who did something, for the audit log: a member id, or the device before a profile exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

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

/// An unlocked store. Dropping it closes the connection and zeroes the key.
pub struct Store {
    conn: Connection,
    dir: DataDir,
    key: DataKey,
    head: audit::HeadKeeper,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Creates a new database under `key` and writes `slots` beside it. Refuses to touch an
    /// existing database: a lost key must never lead to silently replacing the data.
    pub fn create(dir: &DataDir, key: DataKey, slots: &KeySlots) -> Result<Self> {
        private_files::private_dir(dir.root())?;
        if dir.db_path().exists() {
            return Err(StoreError::AlreadyExists(dir.db_path()));
        }
        slots.save(&dir.keys_path())?;
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
        })
    }

    /// Opens an existing database; a wrong key or a foreign file is an error and the file is
    /// left byte for byte as it was.
    pub fn open(dir: &DataDir, key: DataKey) -> Result<Self> {
        let mut conn = connection::open(&dir.db_path(), &key, connection::Mode::Existing)?;
        migrations::apply(&mut conn)?;
        // A store made by an older Kernteam (or copied in) becomes private too.
        private_files::restrict_store(dir)?;
        Ok(Self {
            conn,
            head: audit::HeadKeeper::until_checked(dir.keys_path()),
            dir: dir.clone(),
            key,
        })
    }

    /// The same schema, migrations, pragmas and queries on plain, unencrypted SQLite: the
    /// reference `cargo xtask bench` measures the store against. Behind a feature the app never
    /// turns on, and used only with generated data.
    #[cfg(feature = "plain-reference")]
    pub fn create_plain_reference(dir: &DataDir) -> Result<Self> {
        std::fs::create_dir_all(dir.root())?;
        let mut conn = connection::create_plain_reference(&dir.db_path())?;
        migrations::apply(&mut conn)?;
        Ok(Self {
            conn,
            head: audit::HeadKeeper::until_checked(dir.keys_path()),
            dir: dir.clone(),
            key: DataKey::generate(),
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

    fn rewrap(
        &mut self,
        actor: &Actor,
        kind: SlotKind,
        change: impl FnOnce(&mut KeySlots, &DataKey) -> Result<()>,
    ) -> Result<()> {
        let mut slots = self.dir.key_slots()?;
        change(&mut slots, &self.key)?;
        slots.save(&self.dir.keys_path())?;
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Change, "keyslot", kind.code())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn dir(&self) -> &DataDir {
        &self.dir
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `cipher_integrity_check` (per-page HMAC), then `integrity_check` (b-tree structure).
    pub fn check_integrity(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA cipher_integrity_check")?;
        let problems: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !problems.is_empty() {
            return Err(StoreError::Integrity(problems.join("; ")));
        }
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if result != "ok" {
            return Err(StoreError::Integrity(result));
        }
        Ok(())
    }

    /// A SHA-256 over every row of every table (in table-name order, rows sorted), so two
    /// stores with the same content hash the same whatever their page layout; the reliability
    /// tests compare it before and after a damaged file was offered.
    pub fn logical_hash(&self) -> Result<String> {
        use rusqlite::types::ValueRef;
        use sha2::{Digest, Sha256};
        let tables: Vec<String> = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut hasher = Sha256::new();
        for table in tables {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM \"{}\"", table.replace('"', "\"\"")))?;
            let width = stmt.column_count();
            let mut rows: Vec<Vec<u8>> = stmt
                .query_map([], |r| {
                    let mut row = Vec::new();
                    for i in 0..width {
                        match r.get_ref(i)? {
                            ValueRef::Null => row.push(0),
                            ValueRef::Integer(n) => {
                                row.push(1);
                                row.extend_from_slice(&n.to_le_bytes());
                            }
                            ValueRef::Real(f) => {
                                row.push(2);
                                row.extend_from_slice(&f.to_le_bytes());
                            }
                            ValueRef::Text(b) | ValueRef::Blob(b) => {
                                row.push(3);
                                row.extend_from_slice(&(b.len() as u64).to_le_bytes());
                                row.extend_from_slice(b);
                            }
                        }
                    }
                    Ok(row)
                })?
                .collect::<rusqlite::Result<_>>()?;
            rows.sort();
            hasher.update(table.as_bytes());
            hasher.update((rows.len() as u64).to_le_bytes());
            for row in rows {
                hasher.update(&row);
            }
        }
        Ok(hex::encode(hasher.finalize()))
    }

    /// Verifies the audit chain end to end; returns the number of events.
    pub fn verify_audit_chain(&self) -> Result<u64> {
        Ok(audit::verify(&self.conn, None)?.count)
    }

    /// Verifies the chain end to end and holds it against the head recorded in `keys.json`.
    /// Only when they agree (or no head was recorded yet) is the head kept up to date from
    /// now on: a mismatch stays on record until someone accepts this database.
    pub fn audit_status(&mut self) -> Result<AuditStatus> {
        self.audit_status_walking(false)
    }

    /// The same, walking only the events after the position last verified end to end (what
    /// unlocking does: its cost stays flat as the log grows). Anything unexpected there, an
    /// older or replaced chain, makes it walk the whole chain after all.
    pub fn audit_status_since_verified(&mut self) -> Result<AuditStatus> {
        self.audit_status_walking(true)
    }

    fn audit_status_walking(&mut self, since_verified: bool) -> Result<AuditStatus> {
        let slots = KeySlots::load(&self.dir.keys_path())?;
        let recorded = slots.audit_head;
        let at = recorded.as_ref().map(|h| h.count);
        let partial = match slots.audit_verified.filter(|v| v.authentic(&self.key)) {
            Some(from) if since_verified => audit::verify_since(&self.conn, &from, at)?,
            _ => None,
        };
        let summary = match partial {
            Some(summary) => summary,
            None => audit::verify(&self.conn, at)?,
        };
        let head = audit::compare(&summary, recorded.as_ref(), &self.key);
        if matches!(head, HeadCheck::Matches | HeadCheck::NotRecorded) {
            self.head.allow_writing();
            self.head
                .verified_up_to(summary.count, summary.last_hash.clone());
        }
        Ok(AuditStatus {
            events: summary.count,
            head,
        })
    }

    /// A database put back on purpose (an older copy restored knowingly) is accepted as the one
    /// to go on with: the acceptance goes into the chain and its head becomes the recorded one.
    pub fn accept_audit_chain(&mut self, actor: &Actor) -> Result<()> {
        let summary = audit::verify(&self.conn, None)?;
        self.head.allow_writing();
        self.head.verified_up_to(summary.count, summary.last_hash);
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Change, "audit_head", "accepted")?;
        audit::commit(tx, &mut self.head, &self.key)
    }

    pub fn audit_for(&self, entity_id: &str, limit: i64) -> Result<Vec<AuditEvent>> {
        audit::recent_for(&self.conn, entity_id, limit)
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
        Ok(())
    }

    /// An export of data leaving the store, in the audit chain (what, never content).
    pub fn record_export(
        &mut self,
        actor: &Actor,
        entity_kind: &str,
        entity_id: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::Export, entity_kind, entity_id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// One export in the export log and the audit chain, with the SHA-256 of what was written.
    pub fn log_export(
        &mut self,
        actor: &Actor,
        seed: &ExportLogSeed<'_>,
        bytes: &[u8],
    ) -> Result<String> {
        use sha2::Digest;
        let id = kernteam_domain::ExportId::new().to_string();
        let sha = hex::encode(sha2::Sha256::digest(bytes));
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO export_log (id, at, actor, meeting_id, casus_id, recipient, format, encrypted, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                id,
                now_from_clock(),
                actor.0,
                seed.meeting.map(|m| m.to_string()),
                seed.casus.map(|c| c.to_string()),
                seed.recipient,
                seed.format,
                seed.encrypted,
                sha
            ],
        )?;
        let entity = seed
            .casus
            .map(|c| ("casus", c.to_string()))
            .or_else(|| seed.meeting.map(|m| ("meeting", m.to_string())))
            .unwrap_or(("export", id.clone()));
        audit::append(&tx, &actor.0, AuditAction::Export, entity.0, &entity.1)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(sha)
    }

    /// The export log, newest first; the actor as a member's name where it is one.
    pub fn export_log(&self) -> Result<Vec<kernteam_domain::ExportLogRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.at, coalesce(m.name, e.actor), e.meeting_id, e.casus_id, e.recipient, e.format, e.encrypted, e.sha256
             FROM export_log e LEFT JOIN members m ON m.id = e.actor ORDER BY e.at DESC, e.rowid DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(kernteam_domain::ExportLogRow {
                at: r.get(0)?,
                actor: r.get(1)?,
                meeting_id: r
                    .get::<_, Option<String>>(2)?
                    .map(records::parse_id)
                    .transpose()?,
                casus_id: r
                    .get::<_, Option<String>>(3)?
                    .map(records::parse_id)
                    .transpose()?,
                recipient: r.get(4)?,
                format: r.get(5)?,
                encrypted: r.get(6)?,
                sha256: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        match self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            }) {
            Ok(v) => Ok(Some(v)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn set_setting(&mut self, actor: &Actor, key: &str, value: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Change, "setting", key)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }
}

/// What the export log keeps of one export (the SHA-256 is computed from the bytes).
pub struct ExportLogSeed<'a> {
    pub meeting: Option<kernteam_domain::MeetingId>,
    pub casus: Option<kernteam_domain::CasusId>,
    pub recipient: &'a str,
    pub format: &'a str,
    pub encrypted: bool,
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
mod tests_damage;
#[cfg(test)]
mod tests_disk_full;
#[cfg(test)]
mod tests_dossier;
