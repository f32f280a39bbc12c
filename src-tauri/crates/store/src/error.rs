use std::path::PathBuf;

/// What can go wrong in the store. Callers branch on the variant, never on the text.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// There is no database where one was expected (the path is the folder or the file).
    #[error("no Kernteam store in {0}")]
    NoStore(PathBuf),
    /// Creating a store where a database already exists: it is refused, never overwritten.
    #[error("a Kernteam store already exists in {0}")]
    AlreadyExists(PathBuf),
    /// SQLCipher could not read the file with this key: the key is wrong or the file is not
    /// (or no longer) a Kernteam database. The file is left exactly as it was.
    #[error("the database cannot be decrypted with this key, or is not a Kernteam database")]
    CannotDecrypt,
    /// The database file exists but cannot be a store (e.g. it is empty); it is left as it was.
    #[error("the database file is empty or damaged: {0}")]
    Damaged(String),
    /// The database was migrated by a newer Kernteam: this build refuses to open it.
    #[error("the database has schema version {found}; this build knows up to {supported}")]
    NewerSchema {
        /// The database's schema version (`PRAGMA user_version`).
        found: i64,
        /// The highest schema version this build knows ([`crate::SCHEMA_VERSION`]).
        supported: i64,
    },
    /// A migration failed: the database was left at the version it had (`from`), nothing of the
    /// pending migrations applied; a copy taken before is beside it.
    #[error("migration to schema version {to} failed; the database stays at version {from}")]
    MigrationFailed {
        /// The version the database has, and keeps.
        from: i64,
        /// The migration that failed.
        to: i64,
        /// SQLite's refusal.
        #[source]
        source: rusqlite::Error,
    },
    /// The passphrase, recovery key or password does not open the key slot or sealed file
    /// (or the slot or file was altered).
    #[error("wrong passphrase or recovery key")]
    WrongSecret,
    /// Unlocking with a kind of slot (named in the field) that `keys.json` does not have.
    #[error("this store has no {0} slot")]
    NoSuchSlot(&'static str),
    /// `keys.json` is missing beside a database, unparsable, or not in the form Kernteam writes.
    #[error("keys.json is damaged: {0}")]
    KeySlotsDamaged(String),
    /// A backup file is damaged, changed after it was written, or not a Kernteam backup (the
    /// text says which, in Dutch, without any content); nothing was restored.
    #[error("the backup is damaged: {0}")]
    BackupDamaged(String),
    /// A sealed file (an `export-data` dump) is damaged or not one at all; nothing was read.
    #[error("the sealed file is damaged: {0}")]
    SealedFileDamaged(String),
    /// The OS keyring cannot be reached, did not keep the secret, or holds an unexpected one.
    #[error("the OS keyring is not available: {0}")]
    KeyringUnavailable(String),
    /// An audit event's sequence number, link or hash does not match: the log was altered.
    #[error("the audit chain is broken at event {seq}")]
    AuditChainBroken {
        /// The position of the first event that does not verify.
        seq: i64,
    },
    /// SQLCipher's page check or SQLite's b-tree check reported problems (listed in the text).
    #[error("integrity check failed: {0}")]
    Integrity(String),
    /// The casus is closed: read-only from now on.
    #[error("the casus is closed and read-only")]
    ReadOnly,
    /// Only a note's author edits or shares it.
    #[error("only the author may change this note")]
    NotAuthor,
    /// A casus with open actions cannot be closed.
    #[error("{0} open actions")]
    OpenActions(u32),
    /// An import file refers to records that are nowhere, or clashes with the store.
    #[error("import refused: {0}")]
    ImportRefused(String),
    /// A full export (interchange v2) was not taken over; the text says why in Dutch, naming
    /// tables and rows, never values. Nothing changed.
    #[error("full import refused: {0}")]
    FullImportRefused(String),
    /// Another process (the app, the command line, a second window) has this data dir's store
    /// open; nothing was opened or moved.
    #[error("the store is in use by another Kernteam process")]
    InUse,
    /// A record that the call refers to does not exist; the field names its kind (`casus`, …).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A request the store refuses as not making sense (e.g. a casus as its own sibling).
    #[error("{0}")]
    Invalid(String),
    /// A record could not be written as JSON: a fault of ours, never of the user's input.
    #[error("a record could not be serialised")]
    Serialise(#[source] serde_json::Error),
    /// SQLite or SQLCipher failed (including a full disk; see `is_disk_full`).
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or writing a file failed (including a full disk; see `is_disk_full`).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// The disk (or the user's quota) is full: the write was refused as a whole and nothing
    /// else changed, so the user can make room and try again.
    pub fn is_disk_full(&self) -> bool {
        match self {
            StoreError::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull),
            StoreError::Io(e) => e.kind() == std::io::ErrorKind::StorageFull,
            _ => false,
        }
    }
}

impl StoreError {
    /// The variant's name, for a log line: never the text, which may quote a path or a value.
    pub fn kind_name(&self) -> &'static str {
        match self {
            StoreError::NoStore(_) => "NoStore",
            StoreError::AlreadyExists(_) => "AlreadyExists",
            StoreError::CannotDecrypt => "CannotDecrypt",
            StoreError::Damaged(_) => "Damaged",
            StoreError::NewerSchema { .. } => "NewerSchema",
            StoreError::MigrationFailed { .. } => "MigrationFailed",
            StoreError::WrongSecret => "WrongSecret",
            StoreError::NoSuchSlot(_) => "NoSuchSlot",
            StoreError::KeySlotsDamaged(_) => "KeySlotsDamaged",
            StoreError::BackupDamaged(_) => "BackupDamaged",
            StoreError::SealedFileDamaged(_) => "SealedFileDamaged",
            StoreError::KeyringUnavailable(_) => "KeyringUnavailable",
            StoreError::AuditChainBroken { .. } => "AuditChainBroken",
            StoreError::Integrity(_) => "Integrity",
            StoreError::ReadOnly => "ReadOnly",
            StoreError::NotAuthor => "NotAuthor",
            StoreError::OpenActions(_) => "OpenActions",
            StoreError::ImportRefused(_) => "ImportRefused",
            StoreError::FullImportRefused(_) => "FullImportRefused",
            StoreError::InUse => "InUse",
            StoreError::NotFound(_) => "NotFound",
            StoreError::Invalid(_) => "Invalid",
            StoreError::Serialise(_) => "Serialise",
            StoreError::Sqlite(_) => "Sqlite",
            StoreError::Io(_) => "Io",
        }
    }

    /// SQLite's extended result code, when SQLite refused: safe to log (a number).
    pub fn sqlite_code(&self) -> Option<i32> {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => Some(e.extended_code),
            _ => None,
        }
    }
}

/// The store's result type: errors are [`StoreError`] unless said otherwise.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
