//! The OS keyring (Secret Service, Keychain, Credential Manager) through keyring 3 with its
//! platform stores compiled in: without them keyring 3 silently keeps secrets in memory.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

pub const SERVICE: &str = "nl.kernteam.desktop";

fn entry(account: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, account).map_err(unavailable)
}

/// Stores the secret and reads it back, so a store that only pretends to persist is caught here.
pub fn store(account: &str, secret: &[u8]) -> Result<()> {
    let entry = entry(account)?;
    let encoded = Zeroizing::new(B64.encode(secret));
    entry.set_password(&encoded).map_err(unavailable)?;
    let back = Zeroizing::new(entry.get_password().map_err(unavailable)?);
    if back.as_str() != encoded.as_str() {
        return Err(StoreError::KeyringUnavailable(
            "the keyring did not keep the secret".into(),
        ));
    }
    Ok(())
}

pub fn load(account: &str) -> Result<Zeroizing<Vec<u8>>> {
    let text = Zeroizing::new(entry(account)?.get_password().map_err(unavailable)?);
    B64.decode(text.as_bytes())
        .map(Zeroizing::new)
        .map_err(|_| StoreError::KeyringUnavailable("unexpected secret in the keyring".into()))
}

pub fn delete(account: &str) -> Result<()> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(unavailable(e)),
    }
}

/// Whether a keyring answers at all (no session bus, locked collection … all count as no).
pub fn probe() -> bool {
    let account = format!("probe-{}", uuid::Uuid::now_v7().simple());
    let ok = store(&account, b"probe").is_ok();
    let _ = delete(&account);
    ok
}

fn unavailable(e: keyring::Error) -> StoreError {
    StoreError::KeyringUnavailable(e.to_string())
}
