//! Store open time per key slot, for `cargo xtask bench`: read keys.json, unwrap the data key,
//! open SQLCipher (key check included) and run a first query. Prints `name value unit` lines.
//! The keyring slot is measured only in the private keyring session xtask sets up.

use kernteam_store::{DataDir, DataKey, KeySlots, RecoveryKey, Store};

#[path = "../../../bench/timing.rs"]
mod timing;

const ROUNDS: usize = 15;

fn measure(name: &str, mut open: impl FnMut() -> Store) {
    drop(open()); // warm the page cache; the first open after boot is never the one we report
    let times = timing::sorted_ms(0..ROUNDS, |_| {
        let store = open();
        std::hint::black_box(store.casussen(None).map(|c| c.len()).unwrap_or(0));
    });
    println!(
        "store_open_{name}_p50 {:.2} ms",
        timing::percentile(&times, 0.5)
    );
    println!(
        "store_open_{name}_p95 {:.2} ms",
        timing::percentile(&times, 0.95)
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::new(dir.path());
    let key = DataKey::generate();
    let recovery = RecoveryKey::generate();
    let passphrase = "fiets regen koffie tafel";
    let mut slots = KeySlots::new(uuid::Uuid::now_v7());
    slots
        .set_passphrase(&key, passphrase)
        .expect("passphrase slot");
    slots.set_recovery(&key, &recovery).expect("recovery slot");
    let with_keyring = std::env::var("KERNTEAM_TEST_KEYRING").as_deref() == Ok("1");
    if with_keyring {
        slots
            .set_keyring(&key)
            .expect("keyring slot in the private session");
    }
    let raw = *key.as_bytes();
    drop(Store::create(&data, key, &slots).expect("create"));

    measure("raw_key", || {
        Store::open(&data, DataKey::from_bytes(raw)).expect("open")
    });
    measure("passphrase", || {
        let k = data
            .key_slots()
            .expect("slots")
            .unlock_passphrase(passphrase)
            .expect("unwrap");
        Store::open(&data, k).expect("open")
    });
    measure("recovery", || {
        let k = data
            .key_slots()
            .expect("slots")
            .unlock_recovery(&recovery)
            .expect("unwrap");
        Store::open(&data, k).expect("open")
    });
    if with_keyring {
        measure("keyring", || {
            let k = data
                .key_slots()
                .expect("slots")
                .unlock_keyring()
                .expect("unwrap");
            Store::open(&data, k).expect("open")
        });
        let mut slots = data.key_slots().expect("slots");
        slots
            .forget_keyring()
            .expect("clean up the private keyring");
    }
}
