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

/// Full status once (the verified position goes to keys.json with the next commit), then a
/// fresh open, as an unlock sees the store.
fn verified_and_reopened(dir: &Path) -> Store {
    let mut store = reopen(dir);
    assert_eq!(store.audit_status().expect("full").head, HeadCheck::Matches);
    searches(&mut store, 1);
    drop(store);
    reopen(dir)
}

#[test]
fn an_unlock_walks_only_what_came_after_the_last_verified_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let mut store = verified_and_reopened(dir.path());
    let full = store.verify_audit_chain().expect("chain");
    // An edit in place below the verified position that keeps every stored hash: the unlock
    // does not walk there (that is what keeps it fast), `check`'s whole walk finds it.
    store
        .conn
        .execute_batch(
            "DROP TRIGGER audit_no_update;
             UPDATE audit_events SET actor = 'iemand anders' WHERE seq = 2;",
        )
        .expect("tamper");
    let quick = store.audit_status_since_verified().expect("since verified");
    assert_eq!(
        quick,
        AuditStatus {
            events: full,
            head: HeadCheck::Matches
        }
    );
    assert!(matches!(
        store.audit_status(),
        Err(StoreError::AuditChainBroken { seq: 2 })
    ));
}

#[test]
fn a_chain_rewritten_below_the_verified_position_is_found_by_the_unlock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let mut store = verified_and_reopened(dir.path());
    // A tamperer with the key rewrites event 2 and recomputes every hash after it, so the
    // chain verifies on its own; it is no longer the chain this laptop verified and recorded.
    store
        .conn
        .execute_batch(
            "DROP TRIGGER audit_no_update;
             UPDATE audit_events SET actor = 'iemand anders' WHERE seq = 2;",
        )
        .expect("tamper");
    let rows: Vec<(i64, String, String, String, String, String)> = store
        .conn
        .prepare(
            "SELECT seq, at, actor, action, entity_kind, entity_id FROM audit_events ORDER BY seq",
        )
        .expect("select")
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let mut prev = "0".repeat(64);
    for (seq, at, actor, action, kind, id) in rows {
        let hash = audit::event_hash(&prev, seq, &at, &actor, &action, &kind, &id);
        store
            .conn
            .execute(
                "UPDATE audit_events SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
                rusqlite::params![prev, hash, seq],
            )
            .expect("rewrite");
        prev = hash;
    }
    store
        .verify_audit_chain()
        .expect("the rewritten chain holds on its own");
    assert_eq!(
        store.audit_status_since_verified().expect("status").head,
        HeadCheck::Differs
    );
}

#[test]
fn an_older_copy_is_behind_also_when_the_unlock_starts_from_the_verified_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let mut store = verified_and_reopened(dir.path());
    store.checkpoint().expect("checkpoint");
    copy_files(dir.path(), old.path(), &[DB_FILE]);
    // Verified again further on, so the recorded position lies beyond the old copy's end.
    assert_eq!(store.audit_status().expect("full").head, HeadCheck::Matches);
    searches(&mut store, 3);
    drop(store);
    std::fs::copy(old.path().join(DB_FILE), dir.path().join(DB_FILE)).expect("put back");
    let mut store = reopen(dir.path());
    assert_eq!(
        store.audit_status_since_verified().expect("status").head,
        HeadCheck::Behind { missing: 3 }
    );
}
