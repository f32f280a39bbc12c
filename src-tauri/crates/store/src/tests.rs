//! The store on real files in a TempDir: encryption only happens on disk.

use std::path::Path;

use kernteam_domain::{HolidayRegion, SchoolKind};
use sha2::{Digest, Sha256};

use super::*;

const MARKER: &str = "Zorgmarker-Jansen-7f3a9c";
pub(crate) const PASS: &str = "fiets regen koffie tafel";

pub(crate) fn actor() -> Actor {
    Actor("test".into())
}

pub(crate) fn new_store(dir: &Path) -> (Store, RecoveryKey) {
    let data = DataDir::new(dir);
    let key = DataKey::generate();
    let recovery = RecoveryKey::generate();
    let mut slots = KeySlots::new(uuid::Uuid::now_v7());
    slots.set_passphrase(&key, PASS).expect("passphrase slot");
    slots.set_recovery(&key, &recovery).expect("recovery slot");
    (
        Store::create(&data, key, &slots).expect("create store"),
        recovery,
    )
}

/// A school of `kind` in holiday `region` with one team; returns the team.
pub(crate) fn school_with_team(
    store: &mut Store,
    kind: SchoolKind,
    region: &str,
) -> kernteam_domain::TeamId {
    let school = store
        .create_school(
            &actor(),
            "School",
            kind,
            None,
            HolidayRegion::from_code(region).expect("a holiday region"),
        )
        .expect("school");
    store
        .create_team(&actor(), school, "Team", None)
        .expect("team")
}

pub(crate) fn plant_marker(store: &mut Store) {
    let school = store
        .create_school(
            &actor(),
            "School",
            SchoolKind::Vo,
            None,
            HolidayRegion::Noord,
        )
        .expect("school");
    let team = store
        .create_team(&actor(), school, "Team", None)
        .expect("team");
    store
        .create_named_casus(
            &actor(),
            &PupilSeed {
                school,
                given_name: MARKER,
                family_name: "Zoë Özdemir-7f3a",
                birth_date: "2012-01-01",
                class_name: "1A",
            },
            &[],
            &CasusSeed::aangemeld(team, MARKER, "2026-01-01"),
        )
        .expect("casus");
    // The marker also goes through a note, so the full-text index holds it too.
    let casus = store.casussen(None).expect("list")[0].id;
    let author = store
        .create_member(&actor(), "Auteur", None, None)
        .expect("member");
    save_note(
        store,
        author,
        casus,
        kernteam_domain::DataCategory::Gezin,
        MARKER,
    );
}

/// A new discussion note by `author` on `casus` with `facts` as its text.
pub(crate) fn save_note(
    store: &mut Store,
    author: kernteam_domain::MemberId,
    casus: kernteam_domain::CasusId,
    category: kernteam_domain::DataCategory,
    facts: &str,
) {
    try_save_note(store, author, casus, category, facts).expect("note");
}

/// The same, for tests that expect the store to refuse it.
pub(crate) fn try_save_note(
    store: &mut Store,
    author: kernteam_domain::MemberId,
    casus: kernteam_domain::CasusId,
    category: kernteam_domain::DataCategory,
    facts: &str,
) -> Result<()> {
    store.save_note(
        &actor(),
        author,
        &kernteam_domain::NoteDraft {
            id: kernteam_domain::NoteId::new(),
            casus_id: casus,
            kind: kernteam_domain::NoteKind::Bespreking,
            category,
            facts: facts.into(),
            opinions: String::new(),
        },
    )
}

/// Starts the ignored test `child` of this test binary with `dir` in the environment variable
/// `var`, lets it work for `ms` milliseconds and kills it with SIGKILL: a crash at a moment
/// nobody chose.
pub(crate) fn run_then_kill(child: &str, var: &str, dir: &Path, ms: u64) {
    let exe = std::env::current_exe().expect("test binary");
    let mut running = std::process::Command::new(&exe)
        .args(["--exact", "--ignored", child, "--test-threads=1"])
        .env(var, dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn child");
    std::thread::sleep(std::time::Duration::from_millis(ms));
    running.kill().expect("SIGKILL");
    running.wait().expect("reap");
}

/// The data key behind the test passphrase, from the slots in `dir`.
pub(crate) fn passphrase_key(dir: &DataDir) -> DataKey {
    dir.key_slots()
        .expect("slots")
        .unlock_passphrase(PASS)
        .expect("the passphrase opens the slots")
}

fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    let utf16: Vec<u8> = String::from_utf8_lossy(needle)
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle)
                || bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

fn sha(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).expect("read")))
}

#[test]
fn planted_marker_is_absent_from_db_wal_and_shm() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    // Scan while the connection is open: the WAL still holds the fresh pages.
    assert!(
        dir.path().join("kernteam.db-wal").exists(),
        "the scan must cover a live WAL"
    );
    assert_eq!(
        files_containing(dir.path(), MARKER.as_bytes()),
        Vec::<String>::new(),
        "keyed store leaks while open"
    );
    assert!(
        files_containing(dir.path(), "Özdemir".as_bytes()).is_empty(),
        "non-ASCII marker leaks"
    );
    drop(store);
    assert!(
        files_containing(dir.path(), MARKER.as_bytes()).is_empty(),
        "keyed store leaks after close"
    );
}

#[test]
fn control_the_scan_finds_the_marker_in_an_unkeyed_database() {
    // Proves the scanner above can see plaintext: the same writes without a key are found.
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = rusqlite::Connection::open(dir.path().join("plain.db")).expect("plain db");
    conn.execute_batch("PRAGMA journal_mode = WAL;")
        .expect("wal");
    conn.execute_batch(include_str!("../migrations/0001_schema.sql"))
        .expect("schema");
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('x', ?1)",
        [MARKER],
    )
    .expect("insert");
    let found = files_containing(dir.path(), MARKER.as_bytes());
    assert!(
        found
            .iter()
            .any(|f| f.ends_with("-wal") || f.ends_with(".db")),
        "control must find plaintext: {found:?}"
    );
}

#[test]
fn wrong_key_is_a_typed_error_and_leaves_the_file_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    store.checkpoint().expect("checkpoint");
    drop(store);
    let data = DataDir::new(dir.path());
    let before = sha(&data.db_path());
    let err = Store::open(&data, DataKey::generate()).expect_err("a random key must not open");
    assert!(matches!(err, StoreError::CannotDecrypt), "got {err:?}");
    assert_eq!(
        sha(&data.db_path()),
        before,
        "a failed open must not write to the database"
    );
}

#[test]
fn random_bytes_or_an_empty_file_are_refused_and_never_replaced() {
    for (name, content) in [
        (
            "random",
            (0..8192)
                .map(|i| (i * 7919 % 251) as u8)
                .collect::<Vec<_>>(),
        ),
        ("empty", Vec::new()),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = DataDir::new(dir.path());
        std::fs::write(data.db_path(), &content).expect("write");
        let err = Store::open(&data, DataKey::generate()).expect_err("must not open");
        assert!(
            matches!(err, StoreError::CannotDecrypt | StoreError::Damaged(_)),
            "{name}: {err:?}"
        );
        assert_eq!(
            std::fs::read(data.db_path()).expect("read"),
            content,
            "{name}: the file must be left alone"
        );
        let created = Store::create(
            &data,
            DataKey::generate(),
            &KeySlots::new(uuid::Uuid::now_v7()),
        );
        assert!(
            matches!(created, Err(StoreError::AlreadyExists(_))),
            "{name}: create must refuse to overwrite"
        );
        assert_eq!(std::fs::read(data.db_path()).expect("read"), content);
    }
}

#[test]
fn each_slot_opens_the_store_on_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, recovery) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let data = DataDir::new(dir.path());
    let slots = data.key_slots().expect("slots");
    for (slot, key) in [
        (
            "passphrase",
            slots.unlock_passphrase(PASS).expect("passphrase unwraps"),
        ),
        (
            "recovery",
            slots.unlock_recovery(&recovery).expect("recovery unwraps"),
        ),
    ] {
        let store =
            Store::open(&data, key).unwrap_or_else(|e| panic!("{slot} slot must open: {e}"));
        assert_eq!(
            store.casussen(None).expect("list").len(),
            1,
            "{slot}: the data is there"
        );
    }
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(dir.path());
    store
        .conn
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump");
    drop(store);
    let data = DataDir::new(dir.path());
    let key = data
        .key_slots()
        .expect("slots")
        .unlock_passphrase(PASS)
        .expect("unwrap");
    let err = Store::open(&data, key).expect_err("an older build must refuse a newer schema");
    assert!(
        matches!(err, StoreError::NewerSchema { found, supported } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION)
    );
}

#[test]
fn every_migration_applies_to_an_empty_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(dir.path());
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    store.check_integrity().expect("a fresh store is intact");
    let pragmas: (String, i64, i64, i64) = store
        .conn
        .query_row("SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT synchronous FROM pragma_synchronous), (SELECT secure_delete FROM pragma_secure_delete), (SELECT foreign_keys FROM pragma_foreign_keys)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("pragmas");
    assert_eq!(
        pragmas,
        ("wal".into(), 2, 1, 1),
        "WAL, synchronous=FULL, secure_delete, foreign keys"
    );
    let temp_store: i64 = store
        .conn
        .query_row("PRAGMA temp_store", [], |r| r.get(0))
        .expect("temp_store");
    assert_eq!(temp_store, 2, "temp tables stay in memory, never in /tmp");
}

#[test]
fn the_audit_chain_detects_an_edited_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    let events = store.verify_audit_chain().expect("intact chain");
    assert!(
        events >= 4,
        "school, team, pupil and casus were logged: {events}"
    );
    let refused = store.conn.execute(
        "UPDATE audit_events SET actor = 'iemand anders' WHERE seq = 2",
        [],
    );
    assert!(refused.is_err(), "the append-only trigger refuses edits");
    // A tamperer with raw access drops the trigger first; the chain still gives it away.
    store
        .conn
        .execute_batch("DROP TRIGGER audit_no_update;")
        .expect("drop trigger");
    store
        .conn
        .execute(
            "UPDATE audit_events SET actor = 'iemand anders' WHERE seq = 2",
            [],
        )
        .expect("tamper");
    assert!(matches!(
        store.verify_audit_chain(),
        Err(StoreError::AuditChainBroken { seq: 2 })
    ));
}

#[test]
fn the_audit_chain_detects_a_removed_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    store
        .conn
        .execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit_events WHERE seq = 2;")
        .expect("tamper");
    assert!(matches!(
        store.verify_audit_chain(),
        Err(StoreError::AuditChainBroken { seq: 2 })
    ));
}

#[test]
fn viewing_a_casus_is_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    let id = store.casussen(None).expect("list")[0].id;
    store.record_view(&actor(), id).expect("view");
    let events = store.audit_for(&id.to_string(), 10).expect("audit");
    assert_eq!(
        events.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["view", "create"]
    );
}

#[test]
fn finalised_minutes_cannot_be_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    let team = school_with_team(&mut store, SchoolKind::Po, "zuid");
    let meeting = store
        .create_meeting(
            &actor(),
            team,
            "2026-01-01T08:00:00Z",
            None,
            kernteam_domain::MeetingStatus::Gesloten,
        )
        .expect("meeting");
    store.conn.execute(
        "INSERT INTO minutes (id, meeting_id, version, status, body_json, created_at) VALUES ('m1', ?1, 1, 'vastgesteld', '{}', 'now')",
        [meeting.to_string()],
    ).expect("insert minutes");
    assert!(
        store
            .conn
            .execute(
                "UPDATE minutes SET body_json = '{\"x\":1}' WHERE id = 'm1'",
                []
            )
            .is_err()
    );
    assert!(
        store
            .conn
            .execute("DELETE FROM minutes WHERE id = 'm1'", [])
            .is_err()
    );
}

/// Child half of the kill -9 test: changes the passphrase back and forth until killed.
#[test]
#[ignore = "a helper, not a test: the kill -9 test after it starts it as its child process"]
fn passphrase_change_child() {
    let Ok(dir) = std::env::var("KERNTEAM_PASSPHRASE_CHILD_DIR") else {
        panic!("started only by the passphrase change kill -9 test");
    };
    let data = DataDir::new(dir);
    let mut slots = data.key_slots().expect("slots");
    let key = slots
        .unlock_passphrase("eerste wachtwoord 1")
        .expect("unwrap");
    for round in 0.. {
        let next = if round % 2 == 0 {
            "tweede wachtwoord 2"
        } else {
            "eerste wachtwoord 1"
        };
        slots.set_passphrase(&key, next).expect("rewrap");
        slots.save(&data.keys_path()).expect("save");
    }
}

#[test]
fn keys_json_survives_kill_9_during_a_passphrase_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::new(dir.path());
    let key = DataKey::generate();
    let mut slots = KeySlots::new(uuid::Uuid::now_v7());
    slots
        .set_passphrase(&key, "eerste wachtwoord 1")
        .expect("slot");
    drop(Store::create(&data, key, &slots).expect("create"));
    for round in 0..12u64 {
        run_then_kill(
            "tests::passphrase_change_child",
            "KERNTEAM_PASSPHRASE_CHILD_DIR",
            dir.path(),
            150 + (round * 97) % 400,
        );
        let slots = data
            .key_slots()
            .unwrap_or_else(|e| panic!("round {round}: keys.json must stay readable: {e}"));
        let key = slots
            .unlock_passphrase("eerste wachtwoord 1")
            .or_else(|_| slots.unlock_passphrase("tweede wachtwoord 2"))
            .unwrap_or_else(|e| panic!("round {round}: old or new passphrase must open: {e}"));
        drop(Store::open(&data, key).expect("the data key still opens the database"));
    }
}

/// Only inside the private D-Bus session with an unlocked gnome-keyring that `cargo xtask test`
/// starts (KERNTEAM_TEST_KEYRING=1): never against the developer's own keyring.
#[test]
fn keyring_slot_opens_the_store_through_a_real_secret_service() {
    if std::env::var("KERNTEAM_TEST_KEYRING").as_deref() != Ok("1") {
        eprintln!("skipped: runs only under `cargo xtask test` with a private keyring");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::new(dir.path());
    let key = DataKey::generate();
    let mut slots = KeySlots::new(uuid::Uuid::now_v7());
    slots
        .set_keyring(&key)
        .expect("the private gnome-keyring accepts the slot");
    drop(Store::create(&data, key, &slots).expect("create"));
    // A fresh read from keys.json and the daemon, as a restarted app would do.
    let reloaded = data.key_slots().expect("slots");
    let key = reloaded.unlock_keyring().expect("the keyring slot unwraps");
    drop(Store::open(&data, key).expect("opens"));
    let mut reloaded = reloaded;
    reloaded.forget_keyring().expect("forget");
    assert!(!reloaded.has(SlotKind::Keyring));
}

/// Issue 12: the data folder is the user's alone, and so is every file in it — also after the
/// WAL has been written and after an older, wider-open store is opened.
#[cfg(unix)]
#[test]
fn the_data_folder_and_its_files_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("data");
    let (mut store, recovery) = new_store(&root);
    plant_marker(&mut store);
    let dir = DataDir::new(&root);
    assert_eq!(mode(&root), 0o700, "the data folder");
    for file in [dir.db_path(), dir.keys_path(), root.join("kernteam.db-wal")] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    drop(store);
    let key = dir
        .key_slots()
        .and_then(|slots| slots.unlock_recovery(&recovery))
        .expect("key");
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(dir.db_path(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let store = Store::open(&dir, key).expect("reopen");
    assert_eq!(mode(&root), 0o700, "made private again on open");
    assert_eq!(mode(&dir.db_path()), 0o600, "made private again on open");
    drop(store);
    std::fs::write(root.join(".keys.json.0190abcd.tmp"), b"half").expect("leftover");
    std::fs::write(root.join("notes.tmp.txt"), b"not ours").expect("other file");
    assert_eq!(
        remove_leftover_temp_files(&root).expect("tidy"),
        1,
        "only the interrupted write's temp file goes"
    );
    assert!(root.join("notes.tmp.txt").exists());
    assert!(dir.db_path().exists() && dir.keys_path().exists());
}

/// Issue 12: a search is in the audit chain (who, how many hits), the text searched is not.
#[test]
fn a_search_is_audited_without_what_was_typed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(&tmp.path().join("data"));
    let before = store.verify_audit_chain().expect("chain");
    store
        .record_search(&Actor("lid-1".into()), 2)
        .expect("audited");
    assert_eq!(store.verify_audit_chain().expect("chain"), before + 1);
    let events = store.audit_for("2 resultaten", 5).expect("events");
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].actor.as_str(), events[0].action.as_str()),
        ("lid-1", "search")
    );
}

/// Issue 12: an autosaved note replaced by a later wording leaves nothing of the old one in the
/// search index (FTS5 secure-delete) nor in its content table.
#[test]
fn a_replaced_note_text_is_gone_from_the_search_index() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(&tmp.path().join("data"));
    let team = school_with_team(&mut store, SchoolKind::Vo, "noord");
    let casus = store
        .create_anonymous_casus(
            &actor(),
            "Leerling A",
            "reden",
            &CasusSeed::aangemeld(team, "hulpvraag", "2026-01-01"),
        )
        .expect("casus");
    let author = store
        .create_member(&actor(), "Auteur", None, None)
        .expect("member");
    let mut draft = kernteam_domain::NoteDraft {
        id: kernteam_domain::NoteId::new(),
        casus_id: casus,
        kind: kernteam_domain::NoteKind::Voorbereiding,
        category: kernteam_domain::DataCategory::School,
        facts: "eerste versie zzvroegermarkerqq".into(),
        opinions: String::new(),
    };
    store.save_note(&actor(), author, &draft).expect("autosave");
    draft.facts = "tweede versie zonder het oude woord".into();
    store
        .save_note(&actor(), author, &draft)
        .expect("autosave again");
    let left: i64 = store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM search_text_data WHERE instr(block, 'zzvroegermarkerqq') > 0)
                  + (SELECT count(*) FROM search_text_content WHERE instr(c0, 'zzvroegermarkerqq') > 0)",
            [],
            |r| r.get(0),
        )
        .expect("query the index's own tables");
    assert_eq!(left, 0, "the earlier wording is still in the search index");
    let found: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM search_text_data WHERE instr(block, 'zonder') > 0",
            [],
            |r| r.get(0),
        )
        .expect("control");
    assert!(
        found > 0,
        "the control: the current wording is in the index"
    );
}
