//! The `keys.json` parser: any bytes are refused as damaged or parsed into slots that then
//! refuse a wrong recovery key, never a panic and never a long Argon2 run.

#![no_main]

use std::sync::LazyLock;

use kernteam_store::{KeySlots, RecoveryKey};
use libfuzzer_sys::fuzz_target;

static RECOVERY: LazyLock<RecoveryKey> = LazyLock::new(RecoveryKey::generate);

fuzz_target!(|data: &[u8]| {
    if let Ok(slots) = KeySlots::parse(data) {
        // A fresh recovery key never fits a slot it did not make.
        assert!(slots.unlock_recovery(&RECOVERY).is_err());
    }
});
