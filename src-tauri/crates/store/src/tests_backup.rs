//! Backups on real files (issue 14): taken, verified, restored on "another laptop", refused
//! when damaged, and surviving a kill and a full, read-only or missing folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::tests::{PASS, actor, new_store, passphrase_key, plant_marker, run_then_kill};
use super::*;

use super::tests_disk_full::tmpfs;

const MARKER: &[u8] = b"Zorgmarker-Jansen-7f3a9c";

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .single()
        .expect("a valid instant")
}

fn backups_in(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == BACKUP_EXTENSION))
        .collect();
    found.sort();
    found
}

fn contains(path: &Path, needle: &[u8]) -> bool {
    let bytes = std::fs::read(path).expect("read");
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// A store with pupil data, a folder for its backups and one verified backup in it.
struct Fixture {
    _root: tempfile::TempDir,
    data: DataDir,
    folder: PathBuf,
    store: Store,
    recovery: RecoveryKey,
}

impl Fixture {
    /// A backup of the store into its folder, taken at `when`.
    fn back_up(&self, when: DateTime<Utc>) -> Result<BackupInfo> {
        take_backup(&self.store.backup_source()?, &self.folder, when)
    }
}

fn fixture() -> Fixture {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, recovery) = new_store(&root.path().join("data"));
    plant_marker(&mut store);
    let folder = root.path().join("onedrive");
    std::fs::create_dir(&folder).expect("backup folder");
    Fixture {
        data: DataDir::new(root.path().join("data")),
        _root: root,
        folder,
        store,
        recovery,
    }
}

#[test]
fn a_backup_restores_on_a_new_laptop_with_the_recovery_key_alone() {
    let mut f = fixture();
    let source = f.store.backup_source().expect("source");
    let info = take_backup(&source, &f.folder, at(2, 9)).expect("backup");
    assert_eq!(backups_in(&f.folder), vec![info.path.clone()]);
    let name = info.path.file_name().expect("name").to_string_lossy();
    assert!(
        name.starts_with("kernteam-backup-") && !name.contains("Jansen"),
        "{name}"
    );
    assert!(!contains(&info.path, MARKER), "the backup is encrypted");
    assert!(info.audit_events > 0);
    let before = f.store.logical_hash().expect("hash");
    // Writing on after the backup does not change what the backup holds.
    f.store.record_search(&actor(), 1).expect("a later write");

    // Another laptop: an empty data dir, no keyring, only the recovery key on paper.
    let laptop = tempfile::tempdir().expect("tempdir");
    let fresh = DataDir::new(laptop.path().join("data"));
    let restored = restore_backup(
        &info.path,
        &fresh,
        BackupSecret::Recovery(&f.recovery),
        at(3, 9),
    )
    .expect("restore");
    assert_eq!(restored.set_aside, None);
    let slots = fresh.key_slots().expect("slots written");
    assert!(
        !slots.has(SlotKind::Keyring),
        "the old laptop's keyring slot is left out"
    );
    assert!(slots.has(SlotKind::Passphrase) && slots.has(SlotKind::Recovery));
    let mut store = Store::open(&fresh, restored.key).expect("opens");
    store.check_integrity().expect("integrity");
    assert_eq!(store.logical_hash().expect("hash"), before);
    let status = store.audit_status().expect("audit");
    assert_eq!(status.head, HeadCheck::Matches);
    assert_eq!(status.events, info.audit_events);
    // The passphrase of the backup's moment opens it too.
    drop(store);
    fresh
        .key_slots()
        .expect("slots")
        .unlock_passphrase(PASS)
        .expect("the passphrase of then");
}

#[test]
fn restoring_over_a_store_sets_the_current_one_aside_and_loses_nothing() {
    let mut f = fixture();
    let info = f.back_up(at(2, 9)).expect("backup");
    f.store
        .record_search(&actor(), 2)
        .expect("a write after the backup");
    f.store.checkpoint().expect("checkpoint");
    let current = f.store.logical_hash().expect("hash");
    drop(f.store);

    let restored = restore_backup(
        &info.path,
        &f.data,
        BackupSecret::Passphrase(PASS),
        at(4, 9),
    )
    .expect("restore");
    let aside = restored
        .set_aside
        .clone()
        .expect("the current store was set aside");
    assert!(aside.starts_with(f.data.root()));
    drop(Store::open(&f.data, restored.key).expect("the restored store opens"));
    // The store it replaced is whole in its folder and opens with its own slots.
    let old = DataDir::new(&aside);
    let key = old
        .key_slots()
        .expect("slots set aside")
        .unlock_passphrase(PASS)
        .expect("unlock");
    let old = Store::open(&old, key).expect("the set-aside store opens");
    assert_eq!(old.logical_hash().expect("hash"), current);
}

#[test]
fn a_wrong_secret_restores_nothing() {
    let f = fixture();
    let info = f.back_up(at(2, 9)).expect("backup");
    let laptop = tempfile::tempdir().expect("tempdir");
    let fresh = DataDir::new(laptop.path().join("data"));
    let err = restore_backup(
        &info.path,
        &fresh,
        BackupSecret::Passphrase("niet het wachtwoord"),
        at(3, 9),
    )
    .expect_err("wrong passphrase");
    assert!(matches!(err, StoreError::WrongSecret), "{err:?}");
    assert!(!fresh.db_path().exists() && !fresh.keys_path().exists());
}

/// Flips, truncations and appendages of a real backup: every one is refused before anything
/// is written, and the store it would replace stays as it was.
#[test]
fn a_thousand_damaged_backups_are_each_refused_and_change_nothing() {
    let f = fixture();
    let info = f.back_up(at(2, 9)).expect("backup");
    let original = std::fs::read(&info.path).expect("read");
    drop(f.store);
    let files_before = snapshot_files(f.data.root());
    let key = passphrase_key(&f.data);
    let damaged = f.folder.join("damaged.ktbackup");
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |below: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % below as u64) as usize
    };
    for round in 0..1000 {
        let mut bytes = original.clone();
        match round % 3 {
            0 => {
                let at = next(bytes.len());
                bytes[at] ^= 1 << next(8);
            }
            1 => bytes.truncate(next(bytes.len())),
            _ => bytes.extend((0..1 + next(64)).map(|_| next(256) as u8)),
        }
        std::fs::write(&damaged, &bytes).expect("write");
        let err = restore_backup(
            &damaged,
            &f.data,
            BackupSecret::Recovery(&f.recovery),
            at(5, 9),
        )
        .expect_err("a damaged backup is refused");
        assert!(
            matches!(err, StoreError::BackupDamaged(_)),
            "round {round}: {err:?}"
        );
        assert!(inspect_backup(&damaged).is_err(), "round {round}");
        if round % 10 == 0 {
            // The verification after writing reads the file once, with the key: it refuses too.
            let scratch = tempfile::tempdir().expect("scratch");
            let err = verify_backup(&damaged, &key, scratch.path()).expect_err("refused");
            assert!(
                matches!(err, StoreError::BackupDamaged(_)),
                "round {round}: {err:?}"
            );
        }
    }
    assert_eq!(snapshot_files(f.data.root()), files_before);
}

fn snapshot_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_backup_of_another_store_does_not_verify_under_this_key() {
    let f = fixture();
    let other = fixture();
    let info = take_backup(
        &other.store.backup_source().expect("source"),
        &f.folder,
        at(2, 9),
    )
    .expect("backup");
    let key = passphrase_key(&f.data);
    let err = verify_backup(&info.path, &key, f.data.root()).expect_err("foreign");
    assert!(matches!(err, StoreError::BackupDamaged(_)), "{err:?}");
    assert!(
        list_backups(&f.folder, f.store.backup_source().expect("s").store_id())
            .expect("list")
            .is_empty()
    );
}

#[test]
fn pruning_keeps_the_policy_and_never_touches_other_files() {
    let f = fixture();
    let source = f.store.backup_source().expect("source");
    let mut taken = Vec::new();
    // Twenty days of one backup a day, each verified before the next.
    for day in 0..20 {
        let when = at(1, 9) + Duration::days(day);
        taken.push(
            take_backup(&source, &f.folder, when)
                .expect("backup")
                .taken_at,
        );
    }
    // Named as this store's, but not a backup at all: listed by its header, so never touched.
    let ours = source.store_id().simple().to_string();
    let stranger = f.folder.join(format!(
        "kernteam-backup-{}-00000000-20260101T000000Z.ktbackup",
        &ours[24..]
    ));
    std::fs::write(&stranger, b"not ours").expect("write");
    let removed = prune_backups(&f.folder, &source).expect("prune");
    let left: Vec<_> = list_backups(&f.folder, source.store_id())
        .expect("list")
        .into_iter()
        .map(|b| b.taken_at)
        .collect();
    let keep = kernteam_domain::backup_policy::keep(&taken);
    let expected: Vec<_> = {
        let mut kept: Vec<_> = taken
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| *t)
            .collect();
        kept.reverse();
        kept
    };
    assert_eq!(left, expected);
    assert_eq!(removed.len() + left.len(), 20);
    assert!(
        stranger.exists(),
        "a file of another store is never removed"
    );
    assert_eq!(left[0], *taken.last().expect("some"), "the newest stays");
}

#[test]
fn first_run_keeps_key_slots_it_finds_without_a_database() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(root.path());
    let old_keys = std::fs::read(DataDir::new(root.path()).keys_path()).expect("keys");
    drop(store);
    // The database went missing (moved, or still syncing back); keys.json stayed.
    std::fs::rename(root.path().join(DB_FILE), root.path().join("elders.db"))
        .expect("move the database away");
    let (_again, _) = new_store(root.path());
    let kept: Vec<PathBuf> = std::fs::read_dir(root.path())
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("keys-bewaard-"))
        })
        .collect();
    assert_eq!(kept.len(), 1, "keys.json kept aside once: {kept:?}");
    assert_eq!(std::fs::read(&kept[0]).expect("read"), old_keys);
}

#[test]
fn a_lost_keys_json_is_replaced_by_its_copy() {
    let mut f = fixture();
    // A session's unlock brings the copy up to the recorded head.
    f.store
        .record_unlock(&actor(), SlotKind::Passphrase)
        .expect("unlock");
    drop(f.store);
    std::fs::remove_file(f.data.keys_path()).expect("lose keys.json");
    let key = f
        .data
        .key_slots()
        .expect("the copy is read")
        .unlock_passphrase(PASS)
        .expect("unlock");
    let mut store = Store::open(&f.data, key).expect("opens");
    assert_eq!(
        store.audit_status().expect("audit").head,
        HeadCheck::Matches
    );
    store.record_search(&actor(), 1).expect("a write");
    assert!(
        f.data.keys_path().exists(),
        "the next write puts keys.json back"
    );
}

#[test]
fn a_missing_or_read_only_folder_is_an_error_and_the_next_backup_works() {
    let f = fixture();
    let source = f.store.backup_source().expect("source");
    let gone = f.folder.join("usb-stick");
    let err = take_backup(&source, &gone, at(2, 9)).expect_err("no folder");
    assert!(matches!(&err, StoreError::Io(e) if e.kind() == std::io::ErrorKind::NotFound));
    std::fs::create_dir(&gone).expect("stick back");
    take_backup(&source, &gone, at(2, 10)).expect("works when the folder is back");
}

#[test]
fn a_read_only_folder_is_an_error_and_the_next_backup_works() {
    let Some(stick) = tmpfs::Tmpfs::mount(8192) else {
        return;
    };
    let f = fixture();
    let source = f.store.backup_source().expect("source");
    stick.set_read_only(true);
    let err = take_backup(&source, stick.path(), at(2, 11)).expect_err("read-only");
    assert!(
        matches!(&err, StoreError::Io(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem),
        "{err:?}"
    );
    stick.set_read_only(false);
    take_backup(&source, stick.path(), at(2, 12)).expect("works once writable");
}

#[test]
fn a_full_folder_leaves_no_backup_and_the_next_one_works() {
    let Some(disk) = tmpfs::Tmpfs::mount(4096) else {
        return;
    };
    let f = fixture();
    let source = f.store.backup_source().expect("source");
    let filler = disk.fill();
    let err = take_backup(&source, disk.path(), at(2, 9)).expect_err("full");
    assert!(err.is_disk_full(), "named as a full disk: {err:?}");
    let left: Vec<_> = std::fs::read_dir(disk.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "filler")
        .collect();
    assert!(left.is_empty(), "no half file stays: {left:?}");
    std::fs::remove_file(filler).expect("make room");
    let key = passphrase_key(&f.data);
    let info = take_backup(&source, disk.path(), at(2, 10)).expect("backup once there is room");
    verify_backup(&info.path, &key, f.data.root()).expect("verifies");
}

#[test]
#[ignore = "started by backup_survives_kill_9"]
fn backup_child() {
    let Ok(dir) = std::env::var("KERNTEAM_BACKUP_CHILD_DIR") else {
        panic!("started only by the kill -9 backup test");
    };
    let root = PathBuf::from(dir);
    let data = DataDir::new(root.join("data"));
    let key = passphrase_key(&data);
    let store = Store::open(&data, key).expect("open");
    let source = store.backup_source().expect("source");
    let folder = root.join("onedrive");
    // Each child goes on after the backups the ones before it finished: names never repeat.
    let start = backups_in(&folder).len() as i64;
    for n in start.. {
        take_backup(&source, &folder, at(1, 0) + Duration::minutes(n)).expect("backup");
    }
}

/// kill -9 at random moments while backups are taken (20 rounds here; `KERNTEAM_SOAK=1`,
/// which `cargo xtask soak` sets, for 200): every file that looks like a backup verifies, no
/// half file counts, and the store is untouched.
#[test]
fn backup_survives_kill_9() {
    let f = fixture();
    f.store.checkpoint().expect("checkpoint");
    let before = f.store.logical_hash().expect("hash");
    let key = passphrase_key(&f.data);
    drop(f.store);
    let rounds = if std::env::var("KERNTEAM_SOAK").as_deref() == Ok("1") {
        200
    } else {
        20
    };
    let root = f.data.root().parent().expect("root").to_path_buf();
    for round in 0..rounds {
        run_then_kill(
            "tests_backup::backup_child",
            "KERNTEAM_BACKUP_CHILD_DIR",
            &root,
            400 + (round * 173) % 1200,
        );
        for backup in backups_in(&f.folder) {
            verify_backup(&backup, &key, f.data.root())
                .unwrap_or_else(|e| panic!("round {round}: {} fails: {e}", backup.display()));
        }
    }
    let store = Store::open(&f.data, key).expect("the store opens");
    assert_eq!(store.logical_hash().expect("hash"), before);
    assert!(
        !backups_in(&f.folder).is_empty(),
        "some backups were finished"
    );
}

/// The store as an older Kernteam left it: schema version 5, before the list index (6) and
/// the search trigger for moved actions (7).
fn as_version_5(dir: &Path) {
    let (store, _) = new_store(dir);
    store
        .conn
        .execute_batch(
            "DROP TRIGGER search_action_moves;
             DROP INDEX actions_casus_status;
             CREATE INDEX actions_casus ON actions(casus_id);
             PRAGMA user_version = 5;",
        )
        .expect("back to version 5");
}

fn update_backups(dir: &Path) -> Vec<PathBuf> {
    let folder = dir.join("voor-update");
    if !folder.exists() {
        return Vec::new();
    }
    backups_in(&folder)
}

#[test]
fn an_update_is_preceded_by_a_backup_of_the_store_as_it_was() {
    let root = tempfile::tempdir().expect("tempdir");
    as_version_5(root.path());
    let data = DataDir::new(root.path());
    let key = passphrase_key(&data);
    let store = {
        let _updated_at = kernteam_domain::clock::fixed_at(at(9, 8));
        Store::open(&data, key).expect("opens and migrates")
    };
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let backups = update_backups(root.path());
    assert_eq!(backups.len(), 1, "one backup before the update");
    // The backup is the old store: restored, it is at version 5 (and migrates when opened).
    let info = inspect_backup(&backups[0]).expect("a whole backup");
    assert_eq!(info.schema_version, 5);
    // The store knows it, and it can be carried to the backup folder once.
    let known = store.backups_before_update().expect("listed");
    assert_eq!(
        known.iter().map(|b| &b.path).collect::<Vec<_>>(),
        vec![&backups[0]]
    );
    let folder = tempfile::tempdir().expect("tempdir");
    let copied = copy_backup(&known[0], folder.path()).expect("copied");
    assert_eq!(inspect_backup(&copied.path).expect("whole"), copied);
    assert_eq!(copied.audit_events, info.audit_events);
    assert!(matches!(
        copy_backup(&known[0], folder.path()),
        Err(StoreError::AlreadyExists(_))
    ));
    assert_eq!(
        std::fs::read_dir(folder.path()).expect("list").count(),
        1,
        "the copy alone, no temp file"
    );
    // The day's backups after the update do not prune it away: the newest backup of an older
    // schema stays, while the day keeps only its newest backup of the current one.
    let source = store.backup_source().expect("source");
    let earlier = take_backup(&source, folder.path(), at(9, 10)).expect("after the update");
    take_backup(&source, folder.path(), at(9, 11)).expect("and later that day");
    let removed = prune_backups(folder.path(), &source).expect("pruned");
    assert_eq!(removed, vec![earlier], "only the day's older backup goes");
    assert!(
        copied.path.exists(),
        "the store as it was before the update stays"
    );
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let restored = restore_backup(
        &backups[0],
        &DataDir::new(elsewhere.path()),
        BackupSecret::Passphrase(PASS),
        at(9, 9),
    )
    .expect("restores");
    drop(restored);
    // Opening the same store again makes no second backup: it is up to date.
    drop(store);
    let key = passphrase_key(&data);
    drop(Store::open(&data, key).expect("opens"));
    assert_eq!(update_backups(root.path()).len(), 1);
}

#[test]
fn a_failed_migration_leaves_the_file_as_it_was_and_says_so() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(root.path());
    // Version 5 on paper, but the index migration 6 creates is already there: it fails.
    store
        .conn
        .execute_batch("PRAGMA user_version = 5;")
        .expect("version 5");
    drop(store);
    let data = DataDir::new(root.path());
    let key = passphrase_key(&data);
    let err = Store::open(&data, key).expect_err("the migration fails");
    assert!(
        matches!(err, StoreError::MigrationFailed { from: 5, to: 6, .. }),
        "{err:?}"
    );
    let key = passphrase_key(&data);
    let conn = connection::open(&data.db_path(), &key, connection::Mode::Existing).expect("open");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    assert_eq!(version, 5, "the file stays at its version");
    drop(conn);
    assert_eq!(update_backups(root.path()).len(), 1);
}

#[test]
fn slots_that_do_not_wrap_the_key_in_use_make_no_backup() {
    let f = fixture();
    // keys.json replaced by slots of another key (a rotation gone wrong, a file put back).
    let mut foreign = KeySlots::new(f.data.key_slots().expect("slots").store_id);
    foreign
        .set_passphrase(&DataKey::generate(), PASS)
        .expect("slot");
    foreign.save(&f.data.keys_path()).expect("save");
    let err = f.back_up(at(2, 9)).expect_err("refused");
    assert!(matches!(err, StoreError::KeySlotsDamaged(_)), "{err:?}");
    assert!(backups_in(&f.folder).is_empty());
}

#[test]
fn a_backup_from_a_newer_kernteam_is_refused_and_the_store_in_use_stays() {
    let f = fixture();
    f.store
        .conn
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("newer");
    let info = f.back_up(at(2, 9)).expect("backup");
    drop(f.store);
    let before = snapshot_files(f.data.root());
    let err = restore_backup(
        &info.path,
        &f.data,
        BackupSecret::Passphrase(PASS),
        at(3, 9),
    )
    .expect_err("newer");
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err:?}");
    assert_eq!(snapshot_files(f.data.root()), before);
}

#[test]
fn a_sync_tools_conflict_copy_is_neither_listed_nor_pruned() {
    let f = fixture();
    let source = f.store.backup_source().expect("source");
    let first = take_backup(&source, &f.folder, at(2, 9)).expect("backup");
    let copy = f.folder.join(format!(
        "{} (1).ktbackup",
        first.path.file_stem().expect("stem").to_string_lossy()
    ));
    std::fs::copy(&first.path, &copy).expect("conflict copy");
    for day in 3..12 {
        take_backup(&source, &f.folder, at(day, 9)).expect("backup");
        prune_backups(&f.folder, &source).expect("prune");
    }
    let listed = list_backups(&f.folder, source.store_id()).expect("list");
    assert!(listed.iter().all(|b| b.path != copy), "not listed");
    assert!(copy.exists(), "never removed");
}

/// The app has the store open while the command line restores over it: the restore waits for
/// it to close (`InUse`), and nothing is moved from under the app, whose writes go on.
#[test]
fn a_restore_over_a_store_open_elsewhere_is_refused_and_moves_nothing() {
    let mut f = fixture();
    let info = f.back_up(at(2, 9)).expect("backup");
    let second = Store::open(&f.data, passphrase_key(&f.data)).expect_err("open twice");
    assert!(matches!(second, StoreError::InUse), "{second:?}");
    let prepared = prepare_restore(&info.path, &f.data, BackupSecret::Recovery(&f.recovery))
        .expect("checking the backup reads nothing of the store");
    let err = prepared.commit(at(3, 9)).expect_err("the store is open");
    assert!(matches!(err, StoreError::InUse), "{err:?}");
    assert!(
        !std::fs::read_dir(f.data.root())
            .expect("list")
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("vorige-opslag")),
        "nothing set aside"
    );
    plant_marker(&mut f.store);
    assert!(f.store.verify_audit_chain().expect("chain") > 0);
    drop(f.store);
    let key = passphrase_key(&f.data);
    Store::open(&f.data, key).expect("free again once closed");
}

#[test]
fn a_backup_that_gives_way_to_the_app_is_one_moment_while_the_app_writes_between_its_steps() {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(&root.path().join("data"));
    // Well over one step of pages (256 pages, 1 MiB).
    for i in 0..600 {
        store
            .set_setting(&actor(), &format!("ruimte-{i}"), &"x".repeat(4000))
            .expect("setting");
    }
    let folder = tempfile::tempdir().expect("tempdir");
    let source = store.backup_source().expect("source");
    let target = folder.path().to_path_buf();
    let _turn = crate::foreground::TESTS_SERVING
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let running = std::thread::spawn(move || take_backup(&source, &target, at(9, 12)));
    // The app serves one short command after another, each writing: the backup gives way
    // between its steps, and the app commits between them.
    let mut written_meanwhile = 0;
    while !running.is_finished() {
        let _serving = crate::foreground::serving();
        store
            .set_setting(
                &actor(),
                "tijdens-de-back-up",
                &written_meanwhile.to_string(),
            )
            .expect("a write while the backup runs");
        written_meanwhile += 1;
    }
    let info = running
        .join()
        .expect("backup thread")
        .expect("the backup verifies");
    assert!(
        written_meanwhile > 10,
        "the app wrote {written_meanwhile} times"
    );
    // One moment: a whole chain, a prefix of the live one (checked inside the backup too).
    let (live_count, _) = audit::last_event(&store.conn)
        .expect("head")
        .expect("events");
    assert!(
        info.audit_events < live_count,
        "taken before the last writes"
    );
    let key = passphrase_key(&DataDir::new(root.path().join("data")));
    let verified = verify_backup(&info.path, &key, root.path()).expect("verifies");
    assert_eq!(verified.audit_events, info.audit_events);
}
