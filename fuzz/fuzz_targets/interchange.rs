//! The interchange importer: any bytes offered as an import file are either refused or
//! imported all-or-nothing, never a panic; a refused import leaves the store's content as it
//! was.

#![no_main]

use std::sync::{LazyLock, Mutex};

use kernteam_domain::interchange::Interchange;
use kernteam_store::{Actor, DataDir, DataKey, KeySlots, Store};
use libfuzzer_sys::fuzz_target;

/// One real SQLCipher store for the whole run: imports add up, as they would for a user.
static STORE: LazyLock<Mutex<(tempfile::TempDir, Store)>> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir");
    let slots = KeySlots::new(uuid::Uuid::now_v7());
    let store = Store::create(&DataDir::new(dir.path()), DataKey::generate(), &slots)
        .expect("store");
    Mutex::new((dir, store))
});

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<Interchange>(data) else {
        return;
    };
    if doc.validate().is_err() {
        return;
    }
    let mut guard = STORE.lock().expect("store");
    let store = &mut guard.1;
    let before = store.logical_hash().expect("hash");
    if store.import(&Actor("fuzz".into()), &doc).is_err() {
        assert_eq!(
            store.logical_hash().expect("hash"),
            before,
            "a refused import changed the store"
        );
    }
});
