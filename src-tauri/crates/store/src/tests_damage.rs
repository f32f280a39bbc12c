//! Damaged files offered to the store (issue 6's reliability suite): one flipped byte at many
//! places, truncations and appended garbage, in the database and in `keys.json`. Each is
//! detected with a typed error before anything is read as content, the damaged file is left
//! byte for byte as it was, and the intact store still has the same logical hash.

use std::path::Path;

use super::tests::{PASS, actor, new_store, plant_marker, save_note};
use super::*;
use kernteam_domain::DataCategory;

struct Pristine {
    _dir: tempfile::TempDir,
    data: DataDir,
    recovery: RecoveryKey,
    db: Vec<u8>,
    keys: Vec<u8>,
    hash: String,
}

/// A store with a casus and enough notes to span many pages, checkpointed and closed.
fn pristine() -> Pristine {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, recovery) = new_store(dir.path());
    plant_marker(&mut store);
    let casus = store.casussen(None).expect("list")[0].id;
    let author = store
        .create_member(&actor(), "Tweede auteur", None, None)
        .expect("member");
    for n in 0..40 {
        let text = format!("Notitie {n}: ") + &"verzuim op maandag, gesprek gepland. ".repeat(40);
        save_note(&mut store, author, casus, DataCategory::School, &text);
    }
    store.checkpoint().expect("checkpoint");
    let hash = store.logical_hash().expect("hash");
    drop(store);
    let data = DataDir::new(dir.path());
    let db = std::fs::read(data.db_path()).expect("db");
    let keys = std::fs::read(data.keys_path()).expect("keys");
    Pristine {
        _dir: dir,
        data,
        recovery,
        db,
        keys,
        hash,
    }
}

/// Opens a copy made of `db` and `keys` with both secrets and runs every check. `Ok` only if
/// everything opened and the content is the pristine content; the offered files must be
/// unchanged afterwards, whatever happened.
fn offer(p: &Pristine, db: &[u8], keys: &[u8]) -> std::result::Result<(), StoreError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::new(dir.path());
    std::fs::write(data.db_path(), db).expect("db");
    std::fs::write(data.keys_path(), keys).expect("keys");
    let outcome = (|| -> Result<()> {
        let slots = KeySlots::load(&data.keys_path())?;
        // Every slot is tried: damage in a slot the user does not happen to use counts too.
        drop(slots.unlock_passphrase(PASS)?);
        let mut store = Store::open(&data, slots.unlock_recovery(&p.recovery)?)?;
        store.check_integrity()?;
        store.verify_audit_chain()?;
        // A changed head record beside the database is damage too (found at unlock).
        match store.audit_status()?.head {
            HeadCheck::Matches => {}
            other => {
                return Err(StoreError::KeySlotsDamaged(format!(
                    "audit head: {other:?}"
                )));
            }
        }
        let hash = store.logical_hash()?;
        assert_eq!(
            hash, p.hash,
            "damage went unnoticed and changed the content"
        );
        Ok(())
    })();
    assert_eq!(
        read(&data.db_path()),
        db,
        "the offered database was changed"
    );
    assert_eq!(
        read(&data.keys_path()),
        keys,
        "the offered keys.json was changed"
    );
    outcome
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read")
}

/// Positions spread over the whole file (a fixed LCG: the same places every run).
fn positions(len: usize, count: usize) -> Vec<usize> {
    let mut x: u64 = 0x5eed_4b37;
    (0..count)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) as usize % len
        })
        .collect()
}

fn mutations(original: &[u8], flips: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for at in positions(original.len(), flips) {
        let mut bytes = original.to_vec();
        bytes[at] ^= 0x20;
        out.push((format!("byte {at} flipped"), bytes));
    }
    for keep in [original.len() - 1, original.len() / 2, 100] {
        out.push((format!("cut to {keep} bytes"), original[..keep].to_vec()));
    }
    for extra in [1usize, 113, 4096] {
        let mut bytes = original.to_vec();
        bytes.extend((0..extra).map(|i| b"{x]#7"[i % 5]));
        out.push((format!("{extra} bytes appended"), bytes));
    }
    out
}

#[test]
fn a_damaged_database_is_detected_and_left_as_it_was() {
    let p = pristine();
    assert!(p.db.len() > 40 * 4096, "many pages: {} bytes", p.db.len());
    offer(&p, &p.db, &p.keys).expect("the intact copy opens and checks clean");
    let cases = mutations(&p.db, 60);
    for (what, bytes) in &cases {
        let err = offer(&p, bytes, &p.keys).expect_err(what);
        assert!(
            matches!(
                err,
                StoreError::CannotDecrypt
                    | StoreError::Damaged(_)
                    | StoreError::Integrity(_)
                    | StoreError::AuditChainBroken { .. }
                    | StoreError::Sqlite(_)
            ),
            "{what}: {err:?}"
        );
    }
    // The original was never touched and still holds the same content.
    assert_eq!(read(&p.data.db_path()), p.db);
    let key = KeySlots::load(&p.data.keys_path())
        .and_then(|s| s.unlock_recovery(&p.recovery))
        .expect("key");
    let store = Store::open(&p.data, key).expect("open");
    assert_eq!(store.logical_hash().expect("hash"), p.hash);
    assert_eq!(cases.len(), 66);
}

#[test]
fn a_damaged_keys_json_is_detected_and_left_as_it_was() {
    let p = pristine();
    let cases = mutations(&p.keys, 24);
    for (what, bytes) in &cases {
        let err = offer(&p, &p.db, bytes).expect_err(what);
        assert!(
            matches!(
                err,
                StoreError::KeySlotsDamaged(_)
                    | StoreError::WrongSecret
                    | StoreError::NoSuchSlot(_)
            ),
            "{what}: {err:?}"
        );
    }
    assert_eq!(read(&p.data.keys_path()), p.keys);
}

/// The writer that `a_writer_killed_at_random_moments_loses_no_acknowledged_note` kills: saves
/// notes one by one and prints "ack <text>" after each returns (committed, synchronous=FULL).
#[test]
#[ignore = "a helper, not a test: the kill -9 test after it starts it as its child process"]
fn note_writer_child() {
    let (Ok(dir), Ok(recovery)) = (
        std::env::var("KERNTEAM_WRITER_CHILD_DIR"),
        std::env::var("KERNTEAM_WRITER_CHILD_RECOVERY"),
    ) else {
        panic!("started only by a_writer_killed_at_random_moments_loses_no_acknowledged_note");
    };
    use std::io::Write;
    let data = DataDir::new(dir);
    let recovery = RecoveryKey::parse(&recovery).expect("recovery key");
    let key = data
        .key_slots()
        .and_then(|s| s.unlock_recovery(&recovery))
        .expect("key");
    let mut store = Store::open(&data, key).expect("open");
    let casus = store.casussen(None).expect("list")[0].id;
    let author = store.members().expect("members")[0].id;
    let round = std::env::var("KERNTEAM_WRITER_CHILD_ROUND").unwrap_or_default();
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let text = format!("schrijver-{round}-{n}");
        save_note(&mut store, author, casus, DataCategory::School, &text);
        writeln!(out, "ack {text}").expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_acknowledged_note() {
    use std::io::BufRead;
    let rounds: u64 = std::env::var("KERNTEAM_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, recovery) = new_store(dir.path());
    plant_marker(&mut store);
    drop(store);
    let data = DataDir::new(dir.path());
    let exe = std::env::current_exe().expect("test binary");
    let waits = positions(400, rounds as usize);
    let mut acknowledged: Vec<String> = Vec::new();
    for round in 0..rounds {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "--ignored",
                "tests_damage::note_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("KERNTEAM_WRITER_CHILD_DIR", dir.path())
            .env(
                "KERNTEAM_WRITER_CHILD_RECOVERY",
                recovery.display().as_str(),
            )
            .env("KERNTEAM_WRITER_CHILD_ROUND", round.to_string())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn writer");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            std::io::BufReader::new(stdout)
                .lines()
                .map_while(std::result::Result::ok)
                .filter_map(|l| l.strip_prefix("ack ").map(str::to_owned))
                .collect::<Vec<_>>()
        });
        // Opening takes a moment; the kill lands anywhere from before the first write to mid-run.
        std::thread::sleep(std::time::Duration::from_millis(
            30 + waits[round as usize] as u64,
        ));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        acknowledged.extend(reader.join().expect("reader"));

        let key = data
            .key_slots()
            .and_then(|s| s.unlock_recovery(&recovery))
            .unwrap_or_else(|e| panic!("round {round}: keys: {e}"));
        let store = Store::open(&data, key).unwrap_or_else(|e| panic!("round {round}: open: {e}"));
        store
            .check_integrity()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        store
            .verify_audit_chain()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        let casus = store.casussen(None).expect("list")[0].id;
        let author = store.members().expect("members")[0].id;
        let saved: std::collections::HashSet<String> = store
            .notes(casus, Some(author))
            .expect("notes")
            .into_iter()
            .map(|n| n.facts)
            .collect();
        for text in &acknowledged {
            assert!(
                saved.contains(text),
                "round {round}: acknowledged {text} is gone"
            );
        }
    }
    assert!(
        acknowledged.len() as u64 > rounds,
        "the writer got to write: {} notes in {rounds} rounds",
        acknowledged.len()
    );
}
