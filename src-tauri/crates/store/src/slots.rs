//! Key slots (after LUKS): the data key wrapped once per way of unlocking, in `keys.json` beside
//! the database. Any one slot opens the store; changing the passphrase re-wraps, never re-encrypts.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::atomic::write_atomically;
use crate::audit::AuditHead;
use crate::error::{Result, StoreError};
use crate::key::DataKey;
use crate::keyring_slot;
use crate::recovery::RecoveryKey;

const FORMAT: u32 = 1;

/// Argon2id cost for the passphrase slot: ≥ 64 MiB and 3 passes (RFC 9106's second choice).
pub const ARGON2_MEMORY_KIB: u32 = 64 * 1024;
/// Argon2id passes (time cost) for the passphrase slot; files asking fewer are refused.
pub const ARGON2_PASSES: u32 = 3;
/// Upper bounds on what a `keys.json` may ask of the unlocking machine: 1 GiB, 10 passes and
/// 16 lanes, far above the policy above and below what would stall a school laptop for long.
const ARGON2_MEMORY_KIB_MAX: u32 = 1024 * 1024;
const ARGON2_PASSES_MAX: u32 = 10;
const ARGON2_LANES_MAX: u32 = 16;
pub const ARGON2_LANES: u32 = 1;

/// A way of unlocking the store: each has at most one slot in `keys.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    /// The data key wrapped under a random key kept in the OS keyring: unlocks without typing.
    Keyring,
    /// The data key wrapped under a key derived from the user's passphrase with Argon2id.
    Passphrase,
    /// The data key wrapped under a key derived from the written-down [`RecoveryKey`].
    Recovery,
}

impl SlotKind {
    /// The stable code (`keyring`, `passphrase`, `recovery`) used in logs and the audit chain.
    pub fn code(self) -> &'static str {
        match self {
            SlotKind::Keyring => "keyring",
            SlotKind::Passphrase => "passphrase",
            SlotKind::Recovery => "recovery",
        }
    }
}

/// The contents of `keys.json`: the data key wrapped once per slot, each bound to the store id,
/// plus the recorded audit head. Changes are made in memory; `save` writes them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct KeySlots {
    format: u32,
    /// Names this store in the OS keyring and binds every wrapped key to it.
    pub store_id: Uuid,
    slots: Vec<Slot>,
    /// The audit chain's head when this store last wrote (see `audit::HeadKeeper`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) audit_head: Option<AuditHead>,
    /// The position of the chain last verified end to end, so an unlock walks only what came
    /// after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) audit_verified: Option<AuditHead>,
    /// HMAC-SHA-256 of the store id under the data key the slots wrap: without any secret, a
    /// backup checks that the slots it packs open the database it packs. `None` in files from
    /// before it was kept (the next unlock adds it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) key_check: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
enum Slot {
    #[serde(rename_all = "camelCase")]
    Keyring { account: String, sealed: Sealed },
    #[serde(rename_all = "camelCase")]
    Passphrase {
        argon2id: Argon2Params,
        sealed: Sealed,
    },
    #[serde(rename_all = "camelCase")]
    Recovery { salt: String, sealed: Sealed },
}

impl Slot {
    fn kind(&self) -> SlotKind {
        match self {
            Slot::Keyring { .. } => SlotKind::Keyring,
            Slot::Passphrase { .. } => SlotKind::Passphrase,
            Slot::Recovery { .. } => SlotKind::Recovery,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Argon2Params {
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
    pub(crate) salt: String,
}

impl Argon2Params {
    /// Refuses parameters Kernteam never writes: weaker than the policy (a downgraded file),
    /// or costlier than the bounds (a file that would stall or kill the app while unlocking).
    pub(crate) fn check_cost(&self) -> std::result::Result<(), &'static str> {
        if self.memory_kib < ARGON2_MEMORY_KIB || self.passes < ARGON2_PASSES {
            return Err("weaker than policy");
        }
        if self.memory_kib > ARGON2_MEMORY_KIB_MAX
            || self.passes > ARGON2_PASSES_MAX
            || !(1..=ARGON2_LANES_MAX).contains(&self.lanes)
        {
            return Err("costs more than any Kernteam writes");
        }
        Ok(())
    }

    /// The policy's cost with a fresh random salt.
    pub(crate) fn fresh() -> Self {
        Self {
            memory_kib: ARGON2_MEMORY_KIB,
            passes: ARGON2_PASSES,
            lanes: ARGON2_LANES,
            salt: B64.encode(random_bytes::<16>()),
        }
    }
}

/// The data key encrypted under a slot's key-encryption key (XChaCha20-Poly1305).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sealed {
    nonce: String,
    ciphertext: String,
}

impl KeySlots {
    /// An empty set of slots for the store `store_id` (not valid on disk until a slot is added).
    pub fn new(store_id: Uuid) -> Self {
        Self {
            format: FORMAT,
            store_id,
            slots: Vec::new(),
            audit_head: None,
            audit_verified: None,
            key_check: None,
        }
    }

    /// Reads and checks `keys.json` at `path`: `Io` if it cannot be read (also when missing),
    /// `KeySlotsDamaged` if it is not what Kernteam writes.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path)?;
        Self::parse(&bytes)
    }

    /// Parses and checks a `keys.json`; anything unexpected is `KeySlotsDamaged`.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let slots: KeySlots = serde_json::from_slice(bytes)
            .map_err(|e| StoreError::KeySlotsDamaged(e.to_string()))?;
        if slots.format != FORMAT {
            return Err(StoreError::KeySlotsDamaged(format!(
                "unknown format {}",
                slots.format
            )));
        }
        if slots.slots.is_empty() {
            return Err(StoreError::KeySlotsDamaged("no slots".into()));
        }
        // Uuid reads upper case too; a flipped case bit in the id would otherwise pass as the
        // same file. Only the form this program writes is accepted.
        let written: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|e| StoreError::KeySlotsDamaged(e.to_string()))?;
        if written["storeId"].as_str() != Some(slots.store_id.to_string().as_str()) {
            return Err(StoreError::KeySlotsDamaged(
                "storeId is not in the form Kernteam writes".into(),
            ));
        }
        if slots.key_check.as_deref().is_some_and(|c| {
            c.len() != 64
                || !c
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }) {
            return Err(StoreError::KeySlotsDamaged(
                "keyCheck is not in the form Kernteam writes".into(),
            ));
        }
        if [&slots.audit_head, &slots.audit_verified]
            .into_iter()
            .flatten()
            .any(|head| !head.well_formed())
        {
            return Err(StoreError::KeySlotsDamaged(
                "auditHead is not in the form Kernteam writes".into(),
            ));
        }
        for slot in &slots.slots {
            if let Slot::Passphrase { argon2id, .. } = slot {
                argon2id
                    .check_cost()
                    .map_err(|why| StoreError::KeySlotsDamaged(format!("passphrase slot {why}")))?;
            }
        }
        Ok(slots)
    }

    /// Writes the slots to `path` atomically: a crash leaves the old file or the new one.
    pub fn save(&self, path: &Path) -> Result<()> {
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| StoreError::Invalid(e.to_string()))?;
        write_atomically(path, &json)?;
        Ok(())
    }

    /// The kinds of slot present, in file order.
    pub fn kinds(&self) -> Vec<SlotKind> {
        self.slots.iter().map(Slot::kind).collect()
    }

    /// Whether a slot of this kind is present.
    pub fn has(&self, kind: SlotKind) -> bool {
        self.slots.iter().any(|s| s.kind() == kind)
    }

    fn replace(&mut self, slot: Slot) {
        let kind = slot.kind();
        self.slots.retain(|s| s.kind() != kind);
        self.slots.push(slot);
    }

    /// Drops the slot of this kind, if any; leaves the OS keyring alone (see `forget_keyring`).
    pub fn remove(&mut self, kind: SlotKind) {
        self.slots.retain(|s| s.kind() != kind);
    }

    fn aad(&self, kind: SlotKind) -> Vec<u8> {
        format!(
            "kernteam-keyslot-v{FORMAT}|{}|{}",
            kind.code(),
            self.store_id
        )
        .into_bytes()
    }

    /// Wraps `key` under `passphrase` (Argon2id at the policy cost, fresh salt), replacing any
    /// earlier passphrase slot.
    pub fn set_passphrase(&mut self, key: &DataKey, passphrase: &str) -> Result<()> {
        self.note_key(key);
        let params = Argon2Params::fresh();
        let kek = argon2id(passphrase, &params)?;
        let sealed = seal(&kek, key, &self.aad(SlotKind::Passphrase))?;
        self.replace(Slot::Passphrase {
            argon2id: params,
            sealed,
        });
        Ok(())
    }

    /// Wraps `key` under the recovery key (HKDF with a fresh salt), replacing any earlier
    /// recovery slot.
    pub fn set_recovery(&mut self, key: &DataKey, recovery: &RecoveryKey) -> Result<()> {
        self.note_key(key);
        let salt = random_bytes::<16>();
        let kek = recovery.kek(&salt);
        let sealed = seal(&kek, key, &self.aad(SlotKind::Recovery))?;
        self.replace(Slot::Recovery {
            salt: B64.encode(salt),
            sealed,
        });
        Ok(())
    }

    /// Stores a fresh key-encryption key in the OS keyring (read back to prove it persisted)
    /// and records the wrapped data key here.
    pub fn set_keyring(&mut self, key: &DataKey) -> Result<()> {
        self.note_key(key);
        let account = format!("store-{}", self.store_id);
        let kek = Zeroizing::new(random_bytes::<32>());
        keyring_slot::store(&account, kek.as_ref())?;
        let sealed = seal(&kek, key, &self.aad(SlotKind::Keyring))?;
        self.replace(Slot::Keyring { account, sealed });
        Ok(())
    }

    /// Unwraps the data key with the passphrase: `NoSuchSlot` without a passphrase slot,
    /// `WrongSecret` for a wrong passphrase, `KeySlotsDamaged` for a damaged slot.
    pub fn unlock_passphrase(&self, passphrase: &str) -> Result<DataKey> {
        let Some(Slot::Passphrase {
            argon2id: params,
            sealed,
        }) = self.slots.iter().find(|s| s.kind() == SlotKind::Passphrase)
        else {
            return Err(StoreError::NoSuchSlot("passphrase"));
        };
        let kek = argon2id(passphrase, params)?;
        self.checked(open(&kek, sealed, &self.aad(SlotKind::Passphrase))?)
    }

    /// Unwraps the data key with the recovery key: `NoSuchSlot` without a recovery slot,
    /// `WrongSecret` for a wrong key, `KeySlotsDamaged` for a damaged slot.
    pub fn unlock_recovery(&self, recovery: &RecoveryKey) -> Result<DataKey> {
        let Some(Slot::Recovery { salt, sealed }) =
            self.slots.iter().find(|s| s.kind() == SlotKind::Recovery)
        else {
            return Err(StoreError::NoSuchSlot("recovery"));
        };
        let salt = decode(salt)?;
        let kek = recovery.kek(&salt);
        self.checked(open(&kek, sealed, &self.aad(SlotKind::Recovery))?)
    }

    /// Unwraps the data key with the secret in the OS keyring: `NoSuchSlot` without a keyring
    /// slot, `KeyringUnavailable` when the keyring does not give the secret, `WrongSecret` when
    /// it does not open the slot.
    pub fn unlock_keyring(&self) -> Result<DataKey> {
        let Some(Slot::Keyring { account, sealed }) =
            self.slots.iter().find(|s| s.kind() == SlotKind::Keyring)
        else {
            return Err(StoreError::NoSuchSlot("keyring"));
        };
        let kek = keyring_slot::load(account)?;
        if kek.len() != 32 {
            return Err(StoreError::KeyringUnavailable(
                "unexpected secret in the keyring".into(),
            ));
        }
        let mut kek_arr = Zeroizing::new([0u8; 32]);
        kek_arr.copy_from_slice(&kek);
        self.checked(open(&kek_arr, sealed, &self.aad(SlotKind::Keyring))?)
    }

    /// Removes this store's entry from the OS keyring, if any (when the user turns the slot off).
    pub fn forget_keyring(&mut self) -> Result<()> {
        if let Some(Slot::Keyring { account, .. }) =
            self.slots.iter().find(|s| s.kind() == SlotKind::Keyring)
        {
            keyring_slot::delete(account)?;
        }
        self.remove(SlotKind::Keyring);
        Ok(())
    }
}

pub(crate) fn argon2id(passphrase: &str, params: &Argon2Params) -> Result<Zeroizing<[u8; 32]>> {
    let salt = decode(&params.salt)?;
    let argon = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(params.memory_kib, params.passes, params.lanes, Some(32))
            .map_err(|e| StoreError::KeySlotsDamaged(e.to_string()))?,
    );
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), &salt, out.as_mut())
        .map_err(|e| StoreError::KeySlotsDamaged(e.to_string()))?;
    Ok(out)
}

fn seal(kek: &[u8; 32], key: &DataKey, aad: &[u8]) -> Result<Sealed> {
    let cipher = XChaCha20Poly1305::new(kek.into());
    let nonce = random_bytes::<24>();
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.as_bytes(),
                aad,
            },
        )
        .map_err(|_| StoreError::Invalid("sealing the data key failed".into()))?;
    Ok(Sealed {
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ciphertext),
    })
}

fn open(kek: &[u8; 32], sealed: &Sealed, aad: &[u8]) -> Result<DataKey> {
    let cipher = XChaCha20Poly1305::new(kek.into());
    let nonce = decode(&sealed.nonce)?;
    let ciphertext = decode(&sealed.ciphertext)?;
    if nonce.len() != 24 {
        return Err(StoreError::KeySlotsDamaged("bad nonce".into()));
    }
    let plain = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &ciphertext,
                    aad,
                },
            )
            .map_err(|_| StoreError::WrongSecret)?,
    );
    let bytes: [u8; 32] = plain
        .as_slice()
        .try_into()
        .map_err(|_| StoreError::KeySlotsDamaged("wrapped key has the wrong length".into()))?;
    Ok(DataKey::from_bytes(bytes))
}

fn decode(text: &str) -> Result<Vec<u8>> {
    B64.decode(text)
        .map_err(|e| StoreError::KeySlotsDamaged(e.to_string()))
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_and_recovery_each_unwrap_the_same_key() {
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let mut slots = KeySlots::new(Uuid::now_v7());
        slots
            .set_passphrase(&key, "fiets regen koffie tafel")
            .expect("passphrase slot");
        slots.set_recovery(&key, &recovery).expect("recovery slot");
        let via_pass = slots
            .unlock_passphrase("fiets regen koffie tafel")
            .expect("unlock");
        let via_recovery = slots.unlock_recovery(&recovery).expect("unlock");
        assert_eq!(via_pass.as_bytes(), key.as_bytes());
        assert_eq!(via_recovery.as_bytes(), key.as_bytes());
        assert!(matches!(
            slots.unlock_passphrase("verkeerd wachtwoord!"),
            Err(StoreError::WrongSecret)
        ));
    }

    #[test]
    fn stored_argon2_parameters_meet_the_policy() {
        let mut slots = KeySlots::new(Uuid::now_v7());
        slots
            .set_passphrase(&DataKey::generate(), "fiets regen koffie tafel")
            .expect("slot");
        let json: serde_json::Value = serde_json::to_value(&slots).expect("json");
        let params = &json["slots"][0]["argon2id"];
        assert!(
            params["memoryKib"].as_u64().expect("memory") >= 65536,
            "≥ 64 MiB: {params}"
        );
        assert!(
            params["passes"].as_u64().expect("passes") >= 3,
            "t ≥ 3: {params}"
        );
    }

    #[test]
    fn a_slot_copied_to_another_store_does_not_open() {
        let key = DataKey::generate();
        let mut a = KeySlots::new(Uuid::now_v7());
        a.set_passphrase(&key, "fiets regen koffie tafel")
            .expect("slot");
        let mut b = a.clone();
        b.store_id = Uuid::now_v7();
        assert!(
            matches!(
                b.unlock_passphrase("fiets regen koffie tafel"),
                Err(StoreError::WrongSecret)
            ),
            "the store id is bound into the wrapped key"
        );
    }

    #[test]
    fn damaged_files_are_refused() {
        for bad in [
            &b""[..],
            b"{}",
            b"not json",
            b"{\"format\":1,\"storeId\":\"x\",\"slots\":[]}",
        ] {
            assert!(
                matches!(KeySlots::parse(bad), Err(StoreError::KeySlotsDamaged(_))),
                "{bad:?}"
            );
        }
        let mut slots = KeySlots::new(Uuid::now_v7());
        slots
            .set_passphrase(&DataKey::generate(), "fiets regen koffie tafel")
            .expect("slot");
        let mut json: serde_json::Value = serde_json::to_value(&slots).expect("json");
        json["slots"][0]["argon2id"]["memoryKib"] = 8.into();
        let weakened = serde_json::to_vec(&json).expect("bytes");
        assert!(
            matches!(
                KeySlots::parse(&weakened),
                Err(StoreError::KeySlotsDamaged(_))
            ),
            "a slot downgraded to cheap Argon2 parameters is refused"
        );
        for (field, value) in [
            ("memoryKib", 4 * 1024 * 1024),
            ("passes", 1000),
            ("lanes", 0),
            ("lanes", 64),
        ] {
            let mut costly = serde_json::to_value(&slots).expect("json");
            costly["slots"][0]["argon2id"][field] = value.into();
            assert!(
                matches!(
                    KeySlots::parse(&serde_json::to_vec(&costly).expect("bytes")),
                    Err(StoreError::KeySlotsDamaged(_))
                ),
                "a slot asking {field} = {value} is refused before any Argon2 runs"
            );
        }
    }
}
