//! The store's files belong to the person logged in and nobody else: the data folder is 0700,
//! the database, its -wal and -shm, keys.json and every file Kernteam writes 0600. SQLite gives
//! its -wal and -shm the mode of the database file, so a database created 0600 keeps them so.
//! A crash between writing and renaming leaves a temp file; the next start removes it.

use std::path::Path;

/// Creates the folder (and its parents) and makes the folder itself private.
pub(crate) fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    set_mode(dir, 0o700)
}

/// The folder and the store's files in it, private. SQLite gives a -wal or -shm it creates
/// later the mode of the database file.
pub(crate) fn restrict_store(dir: &crate::DataDir) -> std::io::Result<()> {
    private_dir(dir.root())?;
    for file in [
        dir.db_path(),
        dir.root().join(format!("{}-wal", crate::DB_FILE)),
        dir.root().join(format!("{}-shm", crate::DB_FILE)),
        dir.keys_path(),
        dir.keys_copy_path(),
        dir.root().join(crate::DEVICE_FILE),
    ] {
        restrict(&file)?;
    }
    Ok(())
}

/// Makes an existing file private; a file that is not there is fine.
fn restrict(file: &Path) -> std::io::Result<()> {
    match set_mode(file, 0o600) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Options for a new file only its owner may read.
pub(crate) fn new_private_file() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let current = std::fs::metadata(path)?.permissions().mode() & 0o777;
    if current != mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> std::io::Result<()> {
    // Elsewhere the user's profile folder is already private to the user.
    Ok(())
}

/// Removes the temp files an interrupted atomic write left in `dir` (".<name>.<id>.tmp");
/// returns how many. Never touches anything else.
pub fn remove_leftover_temp_files(dir: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // A scratch database (a backup's snapshot) may have left its -wal and -shm as well.
        let temp = [".tmp", ".tmp-wal", ".tmp-shm", ".tmp-journal"]
            .iter()
            .any(|end| name.ends_with(end));
        if name.starts_with('.') && temp && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}
