//! Encrypted backups: a consistent snapshot of the database under its own key, packed with the
//! key slots of the moment into one file, written beside its final name and renamed, then read
//! back and verified before it counts. Restoring is in `restore`.

mod container;
mod copy;
mod restore;
mod retention;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use uuid::Uuid;

use crate::error::{Result, StoreError};
use crate::key::DataKey;
use crate::slots::KeySlots;
use crate::{DataDir, Store, atomic, audit, connection, private_files};

pub use copy::copy_backup;
pub(crate) use restore::set_aside_current;
pub use restore::{BackupSecret, PreparedRestore, Restored, prepare_restore, restore_backup};
pub use retention::prune_backups;

pub(crate) static BACKUP_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The extension of a backup file: `kernteam-backup-<store>-<when>.ktbackup`.
pub const BACKUP_EXTENSION: &str = "ktbackup";

/// What one backup file holds, as read from its header (and, once verified, checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// Where the file is.
    pub path: PathBuf,
    /// The store it is a backup of.
    pub store_id: Uuid,
    /// The install (laptop) that took it.
    pub device_id: Uuid,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
    /// The schema version of the database in it.
    pub schema_version: i64,
    /// How many audit events its chain holds.
    pub audit_events: u64,
    /// The size of the whole file in bytes.
    pub file_bytes: u64,
}

/// What a backup needs from an unlocked store, so it can run on a thread of its own with its
/// own connection while the app goes on (WAL: the snapshot does not block writers).
pub struct BackupSource {
    dir: DataDir,
    key: DataKey,
    /// The slots read together with the key, packed into the backup.
    slots: KeySlots,
    store_id: Uuid,
    device_id: Uuid,
}

impl BackupSource {
    pub(crate) fn for_dir(dir: &DataDir, key: &DataKey) -> Result<Self> {
        let slots = dir.key_slots()?;
        Ok(Self {
            dir: dir.clone(),
            key: key.duplicate(),
            store_id: slots.store_id,
            slots,
            device_id: dir.device_id()?,
        })
    }
}

impl Store {
    /// The handle a backup thread works from: the data dir, a copy of the key, the store id.
    pub fn backup_source(&self) -> Result<BackupSource> {
        BackupSource::for_dir(&self.dir, &self.key)
    }
}

impl BackupSource {
    /// The store this source backs up.
    pub fn store_id(&self) -> Uuid {
        self.store_id
    }

    /// The install (laptop) whose backups these are.
    pub fn device_id(&self) -> Uuid {
        self.device_id
    }
}

/// Eight hex digits of an id, as file names carry it: the last ones, which are random (a
/// UUIDv7 begins with its time, the same for ids made within hours of each other).
fn short(id: Uuid) -> String {
    id.simple().to_string()[24..].to_owned()
}

/// The file name of a backup: the short ids of the store and the laptop, and the moment; never
/// anything about pupils.
fn file_name(store_id: Uuid, device_id: Uuid, taken_at: DateTime<Utc>) -> String {
    format!(
        "kernteam-backup-{}-{}-{}.{BACKUP_EXTENSION}",
        short(store_id),
        short(device_id),
        taken_at.format("%Y%m%dT%H%M%SZ")
    )
}

/// Takes a backup into `folder` and verifies it: the snapshot, the file written to a temp
/// name, synced and renamed, then read back, checked and held against the store's own audit
/// chain. A failure anywhere leaves no file that looks like a backup, and the store untouched.
pub fn take_backup(
    source: &BackupSource,
    folder: &Path,
    taken_at: DateTime<Utc>,
) -> Result<BackupInfo> {
    let live = connection::open(
        &source.dir.db_path(),
        &source.key,
        connection::Mode::Existing,
    )?;
    backup_from(&live, source, folder, taken_at)
}

/// The same from a connection already open (the store before a migration touches it).
pub(crate) fn backup_from(
    live: &Connection,
    source: &BackupSource,
    folder: &Path,
    taken_at: DateTime<Utc>,
) -> Result<BackupInfo> {
    // A backup whose slots do not wrap the key of its database would open with nothing.
    if source.slots.wraps(&source.key) == Some(false) {
        return Err(StoreError::KeySlotsDamaged(
            "the key slots do not wrap the key in use; unlock again".into(),
        ));
    }
    // One backup at a time in this process: the daily one, a click and the one at closing
    // must not clear each other's temp files or prune each other's unverified file.
    let _one_at_a_time = BACKUP_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let scratch = Scratch::new(source.dir.root(), "backup")?;
    snapshot(live, &scratch.path, &source.key)?;
    let header = {
        let copy = connection::open(&scratch.path, &source.key, connection::Mode::Existing)?;
        let (audit_count, audit_hash) = chain_head(&copy)?;
        let schema_version = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        drop(copy);
        container::Header {
            store_id: source.store_id,
            device_id: source.device_id,
            taken_at,
            schema_version,
            audit_count,
            audit_hash,
            database_bytes: std::fs::metadata(&scratch.path)?.len(),
            slots: source.slots.for_backup(),
        }
    };
    remove_stale_temp_files(folder, source);
    let target = folder.join(file_name(source.store_id, source.device_id, taken_at));
    if target.exists() {
        return Err(StoreError::AlreadyExists(target));
    }
    write_file(&target, &header, &scratch.path, &source.key)?;
    // Verified as written: the file read back whole against its checksum and MAC (so its
    // database part is byte for byte the snapshot), and the snapshot opened and checked, which
    // spares writing a second copy of the database only to check it.
    let verified = container::check_and_extract(&target, &source.key, None)
        .and_then(|_| check_database(&scratch.path, &source.key, &header))
        .and_then(|()| info_of(&target, &header));
    drop(scratch);
    let info = match verified {
        Ok(info) => info,
        Err(e) => {
            // A file that does not verify must not count as a backup.
            let _ = std::fs::remove_file(&target);
            return Err(e);
        }
    };
    // The snapshot's last event must be the live chain's event at that position.
    let live_hash: Option<String> = match live.query_row(
        "SELECT hash FROM audit_events WHERE seq = ?1",
        [i64::try_from(info.audit_events).unwrap_or(i64::MAX)],
        |r| r.get(0),
    ) {
        Ok(hash) => Some(hash),
        Err(rusqlite::Error::QueryReturnedNoRows) => None,
        Err(e) => return Err(e.into()),
    };
    if info.audit_events > 0 && live_hash.as_deref() != Some(header.audit_hash.as_str()) {
        let _ = std::fs::remove_file(&target);
        return Err(StoreError::BackupDamaged(
            "de auditketen van de back-up wijkt af van die van de opslag".into(),
        ));
    }
    Ok(info)
}

/// Copies every page of `live` into a new database at `target` under the same key: a few
/// pages per step, giving way to the app between steps (`foreground`), all within one read
/// transaction held open on `live`, so one consistent moment even while the app writes (WAL).
fn snapshot(live: &Connection, target: &Path, key: &DataKey) -> Result<()> {
    private_files::new_private_file().open(target)?;
    let mut copy = Connection::open_with_flags(
        target,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    copy.execute_batch(&format!("PRAGMA key = {};", key.pragma_literal().as_str()))?;
    // A scratch copy, packed and checked right after: no journal and no syncs of its own (the
    // backup file is synced), which spares the disk, and a meeting's saves, several flushes.
    copy.execute_batch(
        "PRAGMA cipher_log_level = NONE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
    )?;
    // The read transaction is ours, not the backup's: SQLite's backup then neither ends it
    // between steps nor starts over when the app commits meanwhile. A connection inside a
    // transaction of its own would see that transaction's writes: not a snapshot to take.
    if !live.is_autocommit() {
        return Err(StoreError::Invalid(
            "a backup needs a connection outside any transaction".into(),
        ));
    }
    live.execute_batch("BEGIN DEFERRED")?;
    let copied = live
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(StoreError::from)
        .and_then(|_| copy_pages(live, &mut copy));
    // Read only: ending it by a rollback cannot lose anything, and leaves no transaction open.
    let ended = live.execute_batch("ROLLBACK");
    copied?;
    ended?;
    copy.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// SQLite's online backup, `PAGES_PER_STEP` pages at a time.
fn copy_pages(live: &Connection, copy: &mut Connection) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    /// 1 MiB of 4 KiB pages: well under a millisecond of work between two chances to give way.
    const PAGES_PER_STEP: std::ffi::c_int = 256;
    let backup = Backup::new(live, copy)?;
    let mut waits = 0;
    loop {
        match backup.step(PAGES_PER_STEP)? {
            StepResult::Done => return Ok(()),
            StepResult::More => crate::foreground::give_way(),
            // The scratch file is ours alone; a lock on it would be a stray process: wait a
            // little, then give up rather than hang.
            StepResult::Busy | StepResult::Locked if waits < 50 => {
                waits += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            _ => {
                return Err(StoreError::Invalid(
                    "the store stayed busy during the backup".into(),
                ));
            }
        }
    }
}

/// The chain's length and last hash ("" when empty).
fn chain_head(conn: &Connection) -> Result<(u64, String)> {
    match conn.query_row(
        "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    ) {
        Ok((seq, hash)) => Ok((u64::try_from(seq).unwrap_or(0), hash)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok((0, String::new())),
        Err(e) => Err(e.into()),
    }
}

/// What an interrupted backup of this laptop left in the folder
/// (`.kernteam-backup-<store>-<device>-….tmp`); other files, and other laptops' temp files
/// (one may be writing right now), stay.
fn remove_stale_temp_files(folder: &Path, source: &BackupSource) {
    let prefix = format!(
        ".kernteam-backup-{}-{}-",
        short(source.store_id),
        short(source.device_id)
    );
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes the container to a temp name in the folder, syncs it and renames it into place.
fn write_file(target: &Path, header: &container::Header, db: &Path, key: &DataKey) -> Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("b");
    let tmp = folder.join(format!(".{name}.{}.tmp", Uuid::now_v7().simple()));
    let result = (|| {
        let mut file = private_files::new_private_file().open(&tmp)?;
        container::write(&mut file, header, db, key)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, target)?;
        atomic::sync_dir(folder)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Reads a backup without a key: `BackupDamaged` when any byte differs from what was written.
pub fn inspect_backup(path: &Path) -> Result<BackupInfo> {
    let header = container::check(path)?;
    info_of(path, &header)
}

fn info_of(path: &Path, header: &container::Header) -> Result<BackupInfo> {
    Ok(BackupInfo {
        path: path.to_path_buf(),
        store_id: header.store_id,
        device_id: header.device_id,
        taken_at: header.taken_at,
        schema_version: header.schema_version,
        audit_events: header.audit_count,
        file_bytes: std::fs::metadata(path)?.len(),
    })
}

/// Verifies a backup under `key`: its checksum and MAC, then the database in it opened in a
/// scratch file under `scratch_dir` (SQLCipher's page check, SQLite's b-tree check, the audit
/// chain walked and equal to the header's).
pub fn verify_backup(path: &Path, key: &DataKey, scratch_dir: &Path) -> Result<BackupInfo> {
    let scratch = Scratch::new(scratch_dir, "verify")?;
    let header = container::check_and_extract(path, key, Some(&scratch.path))?;
    check_database(&scratch.path, key, &header)?;
    info_of(path, &header)
}

/// Opens an extracted database and holds it against its header.
fn check_database(db: &Path, key: &DataKey, header: &container::Header) -> Result<()> {
    let conn = connection::open(db, key, connection::Mode::Existing).map_err(|e| match e {
        StoreError::CannotDecrypt => {
            StoreError::BackupDamaged("de database in de back-up is niet te openen".into())
        }
        other => other,
    })?;
    crate::foreground::give_way();
    crate::integrity::check(&conn)?;
    crate::foreground::give_way();
    let at = (header.audit_count > 0).then_some(header.audit_count);
    let summary = audit::verify(&conn, at)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if summary.count != header.audit_count
        || (header.audit_count > 0 && summary.last_hash != header.audit_hash)
        || version != header.schema_version
    {
        return Err(StoreError::BackupDamaged(
            "de inhoud wijkt af van de kop".into(),
        ));
    }
    Ok(())
}

/// A private scratch file in the data dir (`.<kind>-<id>.db.tmp`), removed with its -wal and
/// -shm when dropped; a crash leaves it to `remove_leftover_temp_files`.
pub(crate) struct Scratch {
    pub(crate) path: PathBuf,
    kept: bool,
}

impl Scratch {
    pub(crate) fn new(dir: &Path, kind: &str) -> Result<Self> {
        private_files::private_dir(dir)?;
        Ok(Self {
            path: dir.join(format!(".{kind}-{}.db.tmp", Uuid::now_v7().simple())),
            kept: false,
        })
    }

    /// The file was moved into place: nothing to remove.
    pub(crate) fn keep(&mut self) {
        self.kept = true;
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if self.kept {
            return;
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
}

/// The backups of `store_id` in `folder`, newest first; files of other stores, temp files
/// and damaged headers are left out (and never removed).
pub fn list_backups(folder: &Path, store_id: Uuid) -> Result<Vec<BackupInfo>> {
    let prefix = format!("kernteam-backup-{}-", short(store_id));
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder)?.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(&prefix) || !name.ends_with(&format!(".{BACKUP_EXTENSION}")) {
            continue;
        }
        // Only a file under the very name its header gives: a sync tool's "(1)" or
        // "conflicted copy" never stands for a backup, and is never removed.
        if let Ok(header) = container::read_header(&entry.path())
            && header.store_id == store_id
            && name == file_name(header.store_id, header.device_id, header.taken_at)
        {
            found.push(info_of(&entry.path(), &header)?);
        }
    }
    found.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(found)
}
