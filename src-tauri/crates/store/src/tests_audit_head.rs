//! Issue 12: the audit chain's head is kept beside the database, so a database put back from
//! an older copy, a lost `-wal`, or another database under the same keys is found at unlock and
//! by `check`, and stays found until someone accepts it.

use std::path::Path;

use super::tests::{PASS, actor, new_store, plant_marker};
use super::*;

fn reopen(dir: &Path) -> Store {
    let data = DataDir::new(dir);
    let key = data
        .key_slots()
        .expect("slots")
        .unlock_passphrase(PASS)
        .expect("unwrap");
    Store::open(&data, key).expect("open")
}

fn copy_files(from: &Path, to: &Path, names: &[&str]) {
    std::fs::create_dir_all(to).expect("dir");
    for name in names {
        let source = from.join(name);
        if source.exists() {
            std::fs::copy(&source, to.join(name)).expect("copy");
        }
    }
}

fn searches(store: &mut Store, n: usize) {
    for _ in 0..n {
        store.record_search(&actor(), 0).expect("search event");
    }
}

#[test]
fn a_store_that_was_only_written_by_itself_matches_its_recorded_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    let events = store.verify_audit_chain().expect("chain");
    drop(store);
    let mut store = reopen(dir.path());
    assert_eq!(
        store.audit_status().expect("status"),
        AuditStatus {
            events,
            head: HeadCheck::Matches
        }
    );
}

#[test]
fn an_older_copy_put_back_is_behind_the_recorded_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    store.checkpoint().expect("checkpoint");
    copy_files(dir.path(), old.path(), &[DB_FILE]);
    searches(&mut store, 3);
    drop(store);
    // The older database goes back beside the current keys.json.
    std::fs::copy(old.path().join(DB_FILE), dir.path().join(DB_FILE)).expect("put back");
    let mut store = reopen(dir.path());
    let status = store.audit_status().expect("status");
    assert_eq!(status.head, HeadCheck::Behind { missing: 3 });
    // Writing on does not hide it: the record is not moved until someone accepts.
    searches(&mut store, 5);
    drop(store);
    let mut store = reopen(dir.path());
    assert!(
        matches!(
            store.audit_status().expect("status").head,
            HeadCheck::Differs
        ),
        "five new events past the old copy are not the three that were recorded"
    );
    store.accept_audit_chain(&actor()).expect("accept");
    drop(store);
    let mut store = reopen(dir.path());
    assert_eq!(
        store.audit_status().expect("status").head,
        HeadCheck::Matches
    );
}

#[test]
fn a_lost_wal_is_behind_the_recorded_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    store.checkpoint().expect("checkpoint");
    searches(&mut store, 2);
    // The last two writes live only in -wal; a copy without it is the database after a lost WAL.
    assert!(dir.path().join(format!("{DB_FILE}-wal")).exists());
    copy_files(dir.path(), copy.path(), &[DB_FILE, KEYS_FILE]);
    drop(store);
    let mut store = reopen(copy.path());
    assert_eq!(
        store.audit_status().expect("status").head,
        HeadCheck::Behind { missing: 2 }
    );
}

#[test]
fn an_edited_head_record_is_noticed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let keys = dir.path().join(KEYS_FILE);
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&keys).expect("read")).expect("json");
    let count = json["auditHead"]["count"]
        .as_u64()
        .expect("a recorded head");
    json["auditHead"]["count"] = serde_json::json!(count - 1);
    std::fs::write(&keys, serde_json::to_vec(&json).expect("json")).expect("write");
    let mut store = reopen(dir.path());
    assert_eq!(
        store.audit_status().expect("status").head,
        HeadCheck::Differs
    );
}

#[test]
fn a_store_from_before_the_head_was_kept_starts_keeping_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let keys = dir.path().join(KEYS_FILE);
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&keys).expect("read")).expect("json");
    json.as_object_mut().expect("object").remove("auditHead");
    std::fs::write(&keys, serde_json::to_vec(&json).expect("json")).expect("write");
    let mut store = reopen(dir.path());
    assert_eq!(
        store.audit_status().expect("status").head,
        HeadCheck::NotRecorded
    );
    searches(&mut store, 1);
    drop(store);
    let mut store = reopen(dir.path());
    assert_eq!(
        store.audit_status().expect("status").head,
        HeadCheck::Matches
    );
}
