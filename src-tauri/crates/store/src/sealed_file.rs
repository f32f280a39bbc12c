//! Files that leave the store (an `export-data` dump) sealed under a password: Argon2id with
//! the same cost as the passphrase slot, then XChaCha20-Poly1305 over the whole file. The
//! envelope is JSON so a reader can tell what it is looking at without the password.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::slots::{Argon2Params, argon2id, random_bytes};

const FORMAT: &str = "kernteam-sealed";
const AAD: &[u8] = b"kernteam-sealed-v1";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Envelope {
    format: String,
    version: u32,
    argon2id: Argon2Params,
    nonce: String,
    ciphertext: String,
}

/// Whether `bytes` look like a sealed file (so the caller asks for the password).
pub fn is_sealed(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Envelope>(bytes).is_ok_and(|e| e.format == FORMAT)
}

/// Seals `plain` under `password` (fresh salt and nonce) into the JSON envelope `open_file`
/// reads back.
pub fn seal_file(plain: &[u8], password: &str) -> Result<Vec<u8>> {
    let params = Argon2Params::fresh();
    let key = argon2id(password, &params)?;
    let nonce = random_bytes::<24>();
    let ciphertext = XChaCha20Poly1305::new(key.as_ref().into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: AAD,
            },
        )
        .map_err(|_| StoreError::Invalid("sealing failed".into()))?;
    let envelope = Envelope {
        format: FORMAT.into(),
        version: 1,
        argon2id: params,
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ciphertext),
    };
    serde_json::to_vec_pretty(&envelope).map_err(StoreError::Serialise)
}

/// Opens a sealed file; a wrong password (or a changed byte) is `WrongSecret`, an envelope that
/// is not one Kernteam writes is `SealedFileDamaged`.
pub fn open_file(bytes: &[u8], password: &str) -> Result<Zeroizing<Vec<u8>>> {
    let envelope: Envelope =
        serde_json::from_slice(bytes).map_err(|e| StoreError::SealedFileDamaged(e.to_string()))?;
    if envelope.format != FORMAT || envelope.version != 1 {
        return Err(StoreError::SealedFileDamaged(
            "not a sealed Kernteam file".into(),
        ));
    }
    // Less work than the policy, or more than any Kernteam asks: not made by Kernteam.
    envelope
        .argon2id
        .check_cost()
        .map_err(|why| StoreError::SealedFileDamaged(format!("key derivation {why}")))?;
    let key = argon2id(password, &envelope.argon2id)?;
    let decode = |t: &str| {
        B64.decode(t)
            .map_err(|e| StoreError::SealedFileDamaged(e.to_string()))
    };
    let nonce = decode(&envelope.nonce)?;
    if nonce.len() != 24 {
        return Err(StoreError::SealedFileDamaged("bad nonce".into()));
    }
    let plain = XChaCha20Poly1305::new(key.as_ref().into())
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &decode(&envelope.ciphertext)?,
                aad: AAD,
            },
        )
        .map_err(|_| StoreError::WrongSecret)?;
    Ok(Zeroizing::new(plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_opens_with_its_password_only() {
        let plain = br#"{"format":"kernteam-interchange","version":1}"#;
        let sealed = seal_file(plain, "een goed wachtwoord voor de overdracht").expect("seal");
        assert!(is_sealed(&sealed));
        assert!(!is_sealed(plain), "plain JSON is not sealed");
        assert!(
            !sealed.windows(10).any(|w| w == b"kernteam-i"),
            "the content is not readable in the sealed file"
        );
        assert_eq!(
            open_file(&sealed, "een goed wachtwoord voor de overdracht")
                .expect("open")
                .as_slice(),
            plain
        );
        assert!(matches!(
            open_file(&sealed, "fout"),
            Err(StoreError::WrongSecret)
        ));
        let mut flipped = sealed.clone();
        let at = flipped.len() - 10;
        flipped[at] ^= 0x01;
        assert!(
            open_file(&flipped, "een goed wachtwoord voor de overdracht").is_err(),
            "a changed byte is detected"
        );
    }
}
