//! A disk that fills up under the store (issue 6's reliability suite): the write that does not
//! fit is refused as a whole with an error the app can name, and nothing else changes.

use super::tests::{PASS, actor, new_store, plant_marker, try_save_note};
use super::*;
use kernteam_domain::DataCategory;

#[path = "../../../testing/tmpfs.rs"]
pub(crate) mod tmpfs;

#[test]
fn a_full_disk_refuses_the_write_and_loses_nothing() {
    let Some(disk) = tmpfs::Tmpfs::mount(4096) else {
        return;
    };
    let (mut store, _) = new_store(disk.path());
    plant_marker(&mut store);
    let casus = store.casussen(None).expect("list")[0].id;
    let author = store
        .create_member(&actor(), "Auteur", None, None)
        .expect("member");
    store.checkpoint().expect("checkpoint");
    let before = store.logical_hash().expect("hash");
    let filler = disk.fill();

    // A note larger than anything SQLite has lying free in its files.
    let big = "Verslag van het gesprek op maandag. ".repeat(40_000);
    let mut refused = 0;
    for _ in 0..3 {
        let err = try_save_note(&mut store, author, casus, DataCategory::School, &big)
            .expect_err("the disk is full");
        assert!(err.is_disk_full(), "named as a full disk: {err:?}");
        refused += 1;
    }
    // Still usable for reading while full, and unchanged.
    assert_eq!(store.logical_hash().expect("hash"), before);
    drop(store);

    // Room again: the store opens, passes every check, and holds exactly what it held.
    std::fs::remove_file(filler).expect("make room");
    let data = DataDir::new(disk.path());
    let key = data
        .key_slots()
        .expect("slots")
        .unlock_passphrase(PASS)
        .expect("unlock");
    let store = Store::open(&data, key).expect("opens after the disk was full");
    store.check_integrity().expect("integrity");
    store.verify_audit_chain().expect("audit chain");
    assert_eq!(store.logical_hash().expect("hash"), before);
    eprintln!("disk full: {refused} writes refused, store intact");
}
