//! The full export (interchange v2) on real encrypted stores: what it carries, the round trip,
//! and what it refuses without changing anything.

use kernteam_domain::interchange::full::{Cell, FullExport};

use crate::full_export::{DERIVED_TABLES, EXPORTED_TABLES};
use crate::tests::{actor, new_store, plant_marker};
use crate::*;

fn now() -> chrono::DateTime<chrono::Utc> {
    kernteam_domain::clock::now()
}

/// A store with a school, a casus, a note and an unlock, in `dir`.
fn filled(dir: &std::path::Path) -> Store {
    let (mut store, _) = new_store(dir);
    store
        .record_unlock(&actor(), SlotKind::Passphrase)
        .expect("unlock");
    plant_marker(&mut store);
    store
        .set_setting(&actor(), "auto_lock_minutes", "10")
        .expect("setting");
    store
        .set_setting(&actor(), "backup_folder", "/media/usb")
        .expect("setting");
    store
}

/// `doc` taken over by the empty store `store` (closed for the commit), opened again.
fn take_over(store: Store, doc: &FullExport) -> (Store, FullImported) {
    let dir = store.dir().clone();
    let mut prepared = store.prepare_full_import(doc).expect("prepare");
    drop(store);
    let imported = prepared.commit(now()).expect("commit");
    let reopened = Store::open(&dir, imported.key.duplicate()).expect("open");
    (reopened, imported)
}

#[test]
fn every_table_is_exported_or_derived() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(tmp.path());
    let mut tables: Vec<String> = store
        .conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("names");
    let mut known: Vec<String> = EXPORTED_TABLES
        .iter()
        .chain(DERIVED_TABLES)
        .map(|t| (*t).to_owned())
        .collect();
    tables.sort();
    known.sort();
    assert_eq!(
        tables, known,
        "a new table is either carried by the full export or rebuilt from what it carries"
    );
}

#[test]
fn a_full_export_taken_over_by_an_empty_store_exports_byte_for_byte_the_same() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = filled(&tmp.path().join("a"));
    let doc = a.export_full(&["backup_folder"]).expect("export");
    let bytes = doc.to_bytes();
    assert!(
        !String::from_utf8_lossy(&bytes).contains("/media/usb"),
        "this laptop's own settings stay here"
    );
    assert_eq!(
        doc.table("audit_events").expect("audit").rows.len() as u64,
        a.verify_audit_chain().expect("chain")
    );

    let (mut b, _) = new_store(&tmp.path().join("b"));
    b.record_unlock(&actor(), SlotKind::Passphrase)
        .expect("b's own unlock");
    let (mut b, imported) = take_over(b, &doc);
    assert_eq!(imported.rows, doc.row_count());
    assert!(
        imported.set_aside.is_some(),
        "b's own database (its unlock) is kept aside"
    );
    assert_eq!(
        b.export_full(&["backup_folder"])
            .expect("export")
            .to_bytes(),
        bytes,
        "export, take over, export: the same bytes"
    );
    let mut hashes_a = a.table_hashes().expect("hashes");
    let hashes_b = b.table_hashes().expect("hashes");
    hashes_a.insert(
        "settings".into(),
        hashes_b.get("settings").cloned().unwrap_or_default(),
    );
    assert_eq!(
        hashes_a, hashes_b,
        "every table equal (the machine setting aside), the search index included"
    );
    assert_eq!(
        b.verify_audit_chain().expect("chain"),
        a.verify_audit_chain().expect("chain")
    );
    assert_eq!(
        b.audit_status().expect("status").head,
        HeadCheck::Matches,
        "the head beside the database is the imported chain's"
    );
    assert_eq!(
        b.search("Zorgmarker", None, 10).expect("search").len(),
        a.search("Zorgmarker", None, 10).expect("search").len(),
        "the search index is rebuilt"
    );
}

#[test]
fn a_store_with_records_is_not_replaced_but_gets_the_exchange_part() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = filled(&tmp.path().join("a"));
    let doc = a.export_full(&[]).expect("export");
    let b = filled(&tmp.path().join("b"));
    let before = b.logical_hash().expect("hash");
    let err = b.prepare_full_import(&doc).expect_err("not empty");
    assert!(matches!(err, StoreError::FullImportRefused(_)), "{err:?}");
    let part = b.exchange_part(&doc).expect("exchange part");
    assert_eq!(part, a.export_all().expect("v1"), "the v1 records of a");
    assert_eq!(b.logical_hash().expect("hash"), before, "b unchanged");
    assert!(
        leftovers(&tmp.path().join("b")).is_empty(),
        "no scratch file stays"
    );
}

#[test]
fn a_broken_chain_a_dangling_reference_or_an_unknown_column_is_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = filled(&tmp.path().join("a"));
    let doc = a.export_full(&[]).expect("export");
    let edit =
        |table: &str, change: &dyn Fn(&mut kernteam_domain::interchange::full::TableRows)| {
            let mut tables = doc.tables.clone();
            let t = tables.iter_mut().find(|t| t.name == table).expect("table");
            change(t);
            FullExport::new(doc.schema_version, tables)
        };
    let broken_chain = edit("audit_events", &|t| {
        t.rows[1][2] = Cell::Text("iemand anders".into());
    });
    let dangling = edit("notes", &|t| {
        t.rows[0][1] = Cell::Text(uuid::Uuid::now_v7().to_string());
    });
    let unknown_column = edit("settings", &|t| {
        t.columns[1] = "waarde".into();
    });
    let wrong_type = edit("schools", &|t| {
        t.rows[0][1] = Cell::Int(7);
    });
    let mut newer = doc.clone();
    newer.schema_version = SCHEMA_VERSION + 1;

    let dir = tmp.path().join("b");
    let (b, _) = new_store(&dir);
    for (what, bad) in [
        ("chain", broken_chain),
        ("reference", dangling),
        ("column", unknown_column),
        ("type", wrong_type),
        ("newer", newer),
    ] {
        let err = b.prepare_full_import(&bad).expect_err(what);
        assert!(
            matches!(
                err,
                StoreError::FullImportRefused(_) | StoreError::NewerSchema { .. }
            ),
            "{what}: {err:?}"
        );
        assert!(leftovers(&dir).is_empty(), "{what}: no scratch file stays");
    }
    assert!(!b.holds_records().expect("empty"), "b took nothing");
}

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.contains(".tmp-"))
        .collect()
}
