//! Opening the SQLCipher file: the raw key first, then a read that forces the key check.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Result, StoreError};
use crate::key::DataKey;

pub(crate) enum Mode {
    /// The file must exist and be a database this key opens.
    Existing,
    /// The file must not exist yet.
    Create,
}

pub(crate) fn open(path: &Path, key: &DataKey, mode: Mode) -> Result<Connection> {
    let flags = match mode {
        Mode::Existing => {
            let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => StoreError::NoStore(path.to_path_buf()),
                _ => StoreError::Io(e),
            })?;
            // SQLite treats an empty file as an empty database and would happily build a new
            // schema in it: that would silently replace whatever the file was meant to hold.
            if meta.len() == 0 {
                return Err(StoreError::Damaged("het databasebestand is leeg".into()));
            }
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        }
        Mode::Create => {
            if path.exists() {
                return Err(StoreError::AlreadyExists(path.to_path_buf()));
            }
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        }
    };
    let conn = Connection::open_with_flags(path, flags)?;
    // The key is the first statement on the connection, as a raw key: no KDF runs at open.
    conn.execute_batch(&format!("PRAGMA key = {};", key.pragma_literal().as_str()))?;
    // SQLCipher otherwise prints its own HMAC failures to stderr.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    // `cipher_memory_security` stays OFF (SQLCipher's default), decided with `cargo xtask
    // bench` on 2026-12-01: ON wipes and mlocks every SQLite allocation of the process and
    // made the bench data set's search 173x slower (623 ms against 3.6 ms), opening a casus
    // 10x and the bulk load 10x. The secrets themselves are guarded without it: the data key
    // lives in zeroized memory, the process is not dumpable and writes no core, and a lock
    // closes the connection and drops the key.
    settle(conn)
}

/// Plain SQLite with the same settings: only the bench's reference store (generated data).
#[cfg(feature = "plain-reference")]
pub(crate) fn create_plain_reference(path: &Path) -> Result<Connection> {
    if path.exists() {
        return Err(StoreError::AlreadyExists(path.to_path_buf()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    settle(conn)
}

/// Checks the file is a database (a wrong key reads as "not a database") and sets the pragmas
/// every connection runs with.
fn settle(conn: Connection) -> Result<Connection> {
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    }) {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => {
            return Err(StoreError::CannotDecrypt);
        }
        Err(e) => return Err(e.into()),
    }
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;
         -- 8 MiB of decrypted pages (SQLite's default is 2): every page read past the cache
         -- is decrypted and its HMAC checked again, which made listing a team's casussen on the
         -- bench data set twice as slow as plain SQLite; with 8 MiB it is on a par.
         PRAGMA cache_size = -8192;",
    )?;
    Ok(conn)
}
