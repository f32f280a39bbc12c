//! Issue 14's figures on the bench data set: a backup taken (snapshot, file, verification),
//! verified again alone, and restored into an empty data dir; the full export written and
//! taken over by an empty store; with each file's size.

use std::path::Path;
use std::time::Instant;

use kernteam_domain::interchange::full::FullExport;
use kernteam_store::{BackupSecret, DataDir, DataKey, KeySlots, RecoveryKey, Store};

/// Prints `backup_take`, `backup_verify`, `backup_restore` (ms) and `backup_file_size` (MiB).
pub fn print(dir: &DataDir, raw_key: [u8; 32], recovery: &RecoveryKey, scratch: &Path) {
    let store = Store::open(dir, DataKey::from_bytes(raw_key)).expect("open");
    let source = store.backup_source().expect("backup source");
    let folder = scratch.join("backups");
    std::fs::create_dir_all(&folder).expect("backup folder");
    let now = kernteam_domain::clock::now();

    let start = Instant::now();
    let info = kernteam_store::take_backup(&source, &folder, now).expect("backup");
    let take = start.elapsed().as_secs_f64() * 1000.0;

    let start = Instant::now();
    kernteam_store::verify_backup(&info.path, &DataKey::from_bytes(raw_key), dir.root())
        .expect("verify");
    let verify = start.elapsed().as_secs_f64() * 1000.0;
    drop(store);

    let restored = DataDir::new(scratch.join("restored"));
    let start = Instant::now();
    let done = kernteam_store::restore_backup(
        &info.path,
        &restored,
        BackupSecret::Recovery(recovery),
        now,
    )
    .expect("restore");
    drop(Store::open(&restored, done.key).expect("the restored store opens"));
    let restore = start.elapsed().as_secs_f64() * 1000.0;

    println!("backup_take_with_verify {take:.0} ms");
    println!("backup_verify {verify:.0} ms");
    println!("backup_restore {restore:.0} ms");
    println!(
        "backup_file_size {:.1} MiB",
        info.file_bytes as f64 / 1_048_576.0
    );
}

/// Prints `full_export` and `full_import` (ms, file written and read included) and
/// `full_export_file_size` (MiB): the store's full export, then that file taken over by a new,
/// empty store and opened.
pub fn print_full_export(dir: &DataDir, raw_key: [u8; 32], scratch: &Path) {
    let store = Store::open(dir, DataKey::from_bytes(raw_key)).expect("open");
    let file = scratch.join("alles.json");
    let start = Instant::now();
    let bytes = store.export_full(&[]).expect("export").to_bytes();
    kernteam_store::write_atomically(&file, &bytes).expect("write");
    let export = start.elapsed().as_secs_f64() * 1000.0;
    let size = bytes.len() as f64 / 1_048_576.0;
    drop((store, bytes));

    let fresh = DataDir::new(scratch.join("full-import"));
    let key = DataKey::generate();
    let mut slots = KeySlots::new(uuid::Uuid::now_v7());
    slots
        .set_recovery(&key, &RecoveryKey::generate())
        .expect("slot");
    let empty = Store::create(&fresh, key, &slots).expect("empty store");
    let start = Instant::now();
    let doc = FullExport::from_bytes(&std::fs::read(&file).expect("read")).expect("reads");
    let mut prepared = empty.prepare_full_import(&doc).expect("prepare");
    drop(empty);
    let imported = prepared
        .commit(kernteam_domain::clock::now())
        .expect("commit");
    drop(Store::open(&fresh, imported.key).expect("the imported store opens"));
    let import = start.elapsed().as_secs_f64() * 1000.0;

    println!("full_export {export:.0} ms");
    println!("full_import {import:.0} ms");
    println!("full_export_file_size {size:.1} MiB");
}
