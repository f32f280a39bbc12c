//! The backup file's layout. One self-contained file:
//!
//! ```text
//! "KERNTEAM-BACKUP\n" | format (u32 LE) | header length (u32 LE) | header (JSON)
//! | database (a SQLCipher file under the store's own key)
//! | HMAC-SHA-256 of all of the above under the data key | SHA-256 of all of the above
//! ```
//!
//! The header carries the key slots of the moment, so the passphrase or recovery key valid then
//! opens the file on any laptop. The plain checksum tells a damaged file (a sync tool's half
//! copy, a bad USB stick) before anyone is asked for a secret; the MAC, checked once the key is
//! unwrapped, tells a file someone changed on purpose.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Result, StoreError};
use crate::key::DataKey;
use crate::slots::KeySlots;

const MAGIC: &[u8; 16] = b"KERNTEAM-BACKUP\n";
const FORMAT: u32 = 1;
/// Far above any header Kernteam writes (a few KiB of key slots): a larger length is damage.
const HEADER_MAX: u32 = 256 * 1024;
const DIGEST: usize = 32;
const TRAILER: u64 = 2 * DIGEST as u64;
const CHUNK: usize = 1 << 18;

/// What a backup says about itself, readable without a key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct Header {
    pub(crate) store_id: Uuid,
    /// The install (laptop) that took it.
    pub(crate) device_id: Uuid,
    pub(crate) taken_at: DateTime<Utc>,
    pub(crate) schema_version: i64,
    /// The audit chain in the snapshot: its length and the hash of its last event ("" when
    /// empty).
    pub(crate) audit_count: u64,
    pub(crate) audit_hash: String,
    pub(crate) database_bytes: u64,
    /// The slots as they were, without the recorded head (the chain itself is in the file).
    pub(crate) slots: KeySlots,
}

fn damaged(why: impl Into<String>) -> StoreError {
    StoreError::BackupDamaged(why.into())
}

fn body_mac(key: &DataKey) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(b"kernteam backup v1");
    mac
}

/// Writes header and database to `out`, then the checksum and MAC; returns the bytes written.
pub(crate) fn write(
    out: &mut impl Write,
    header: &Header,
    database: &Path,
    key: &DataKey,
) -> Result<u64> {
    let json = serde_json::to_vec(header).map_err(StoreError::Serialise)?;
    let json_len = u32::try_from(json.len())
        .ok()
        .filter(|n| *n <= HEADER_MAX)
        .ok_or_else(|| StoreError::Invalid("backup header too large".into()))?;
    let mut sum = Sha256::new();
    let mut mac = body_mac(key);
    let mut written = 0u64;
    let mut put = |bytes: &[u8], out: &mut dyn Write| -> std::io::Result<()> {
        out.write_all(bytes)?;
        sum.update(bytes);
        mac.update(bytes);
        written += bytes.len() as u64;
        Ok(())
    };
    let mut out = BufWriter::with_capacity(CHUNK, out);
    put(MAGIC, &mut out)?;
    put(&FORMAT.to_le_bytes(), &mut out)?;
    put(&json_len.to_le_bytes(), &mut out)?;
    put(&json, &mut out)?;
    let mut db = File::open(database)?;
    let mut buf = vec![0u8; CHUNK];
    let mut copied = 0u64;
    loop {
        let n = db.read(&mut buf)?;
        if n == 0 {
            break;
        }
        put(&buf[..n], &mut out)?;
        copied += n as u64;
        crate::foreground::give_way();
    }
    if copied != header.database_bytes {
        return Err(StoreError::Invalid(
            "the snapshot changed while it was copied".into(),
        ));
    }
    // The checksum covers the MAC too, so any changed byte shows without a key.
    let tag = mac.finalize().into_bytes();
    sum.update(tag);
    out.write_all(&tag)?;
    out.write_all(&sum.finalize())?;
    out.flush()?;
    Ok(written + TRAILER)
}

/// Reads the fixed part and the header's bytes; the file's length comes back too.
fn read_front(file: &mut File) -> Result<(Vec<u8>, u64)> {
    let len = file.metadata()?.len();
    let mut fixed = [0u8; 24];
    file.read_exact(&mut fixed)
        .map_err(|_| damaged("te kort voor een back-up"))?;
    if &fixed[..16] != MAGIC {
        return Err(damaged("geen Kernteam-back-up"));
    }
    let format = u32::from_le_bytes(fixed[16..20].try_into().expect("4 bytes"));
    if format != FORMAT {
        return Err(damaged(format!("onbekende versie {format}")));
    }
    let json_len = u32::from_le_bytes(fixed[20..24].try_into().expect("4 bytes"));
    if json_len > HEADER_MAX || u64::from(json_len) + 24 + TRAILER > len {
        return Err(damaged("de kop klopt niet"));
    }
    let mut json = vec![0u8; json_len as usize];
    file.read_exact(&mut json)?;
    Ok((json, len))
}

/// Only the header, for listing a folder: nothing else is checked.
pub(crate) fn read_header(path: &Path) -> Result<Header> {
    let (json, _) = read_front(&mut File::open(path)?)?;
    parse_header(&json)
}

/// The header, with its key slots held to what Kernteam writes (the same checks as `keys.json`:
/// a crafted file must not ask the unlocking laptop for gigabytes of Argon2 memory).
fn parse_header(json: &[u8]) -> Result<Header> {
    let header: Header =
        serde_json::from_slice(json).map_err(|_| damaged("de kop is niet leesbaar"))?;
    let slots = serde_json::to_vec(&header.slots).map_err(StoreError::Serialise)?;
    KeySlots::parse(&slots).map_err(|_| damaged("de sleutelsloten in de kop kloppen niet"))?;
    Ok(header)
}

/// Reads the header and checks the whole file against its checksum, without any key:
/// `BackupDamaged` for a file that is cut short, has bytes added, or has any byte changed.
pub(crate) fn check(path: &Path) -> Result<Header> {
    let mut file = File::open(path)?;
    let (json, len) = read_front(&mut file)?;
    let database_at = 24 + json.len() as u64;
    // The checksum first: a damaged header is reported as damage, not as a parse error.
    let body = len - TRAILER;
    file.seek(SeekFrom::Start(0))?;
    let mut sum = Sha256::new();
    stream(&mut file, body + DIGEST as u64, |chunk| sum.update(chunk))?;
    let mut trailer = [0u8; DIGEST];
    file.read_exact(&mut trailer)?;
    if sum.finalize().as_slice() != trailer {
        return Err(damaged("de controlesom klopt niet"));
    }
    let header = parse_header(&json)?;
    if database_at.checked_add(header.database_bytes) != Some(body) {
        return Err(damaged("de lengte klopt niet"));
    }
    Ok(header)
}

/// Checks the checksum and the MAC under `key`, in one read of the file, and copies the database
/// out to `target` when one is given (a verification: the key is at hand).
pub(crate) fn check_and_extract(
    path: &Path,
    key: &DataKey,
    target: Option<&Path>,
) -> Result<Header> {
    let mut file = File::open(path)?;
    let (json, len) = read_front(&mut file)?;
    let header = parse_header(&json)?;
    let database_at = 24 + json.len() as u64;
    let body = len - TRAILER;
    if database_at.checked_add(header.database_bytes) != Some(body) {
        return Err(damaged("de lengte klopt niet"));
    }
    file.seek(SeekFrom::Start(0))?;
    let mut sum = Sha256::new();
    let mut mac = body_mac(key);
    let mut out = match target {
        Some(target) => Some(BufWriter::with_capacity(
            CHUNK,
            crate::private_files::new_private_file().open(target)?,
        )),
        None => None,
    };
    let mut at = 0u64;
    let mut failed = None;
    stream(&mut file, body, |chunk| {
        sum.update(chunk);
        mac.update(chunk);
        // The part of this chunk that lies in the database.
        let start = database_at.saturating_sub(at).min(chunk.len() as u64) as usize;
        if failed.is_none()
            && start < chunk.len()
            && let Some(out) = out.as_mut()
            && let Err(e) = out.write_all(&chunk[start..])
        {
            failed = Some(e);
        }
        at += chunk.len() as u64;
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    let mut trailer = [0u8; 2 * DIGEST];
    file.read_exact(&mut trailer)?;
    sum.update(&trailer[..DIGEST]);
    if sum.finalize().as_slice() != &trailer[DIGEST..] {
        return Err(damaged("de controlesom klopt niet"));
    }
    mac.verify_slice(&trailer[..DIGEST])
        .map_err(|_| damaged("de handtekening klopt niet"))?;
    // Not synced here: a copy only checked is removed right after (100 MiB of fsync took a
    // second); a restore syncs the copy it moves into place.
    if let Some(out) = out.as_mut() {
        out.flush()?;
    }
    Ok(header)
}

/// Feeds exactly `len` bytes from the reader's position to `each`.
fn stream(file: &mut File, len: u64, mut each: impl FnMut(&[u8])) -> Result<()> {
    let mut reader = BufReader::with_capacity(CHUNK, Read::by_ref(file).take(len));
    let mut buf = vec![0u8; CHUNK];
    let mut seen = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        each(&buf[..n]);
        seen += n as u64;
        crate::foreground::give_way();
    }
    if seen != len {
        return Err(damaged("te kort"));
    }
    Ok(())
}
