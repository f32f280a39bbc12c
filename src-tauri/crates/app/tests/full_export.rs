//! The full export (interchange v2) through the session, on the demo and on generated stores:
//! everything comes back (held meetings, every minutes version, the audit chain), the second
//! export is the first byte for byte, and a store with records only merges the v1 part.

mod common;

use common::content;
use kernteam_app::domain::interchange::full::FullExport;
use kernteam_app::domain::live::MinutesStatus;
use kernteam_app::domain::{DataCategory, NoteDraft, NoteId, NoteKind};
use kernteam_app::{AuditFinding, ExportProtection, Session};
use proptest::prelude::*;

/// Takes `a`'s full export into a new store `b` and checks the trip: the same content, an
/// intact chain, and b's export byte for byte a's once b's own import event is set apart.
fn round_trip(dir: &tempfile::TempDir, a: &mut Session) {
    let first = a.export_full_document().expect("export");
    let bytes = a
        .export_file(ExportProtection::Unencrypted)
        .expect("export file");
    assert_eq!(bytes, first.to_bytes(), "the file is the document");

    let mut b = common::set_up(dir, &format!("b-{}", uuid::Uuid::now_v7().simple()));
    let summary = b.import_file(&bytes, None).expect("import");
    assert!(summary.whole_store, "{summary:?}");
    assert_eq!(summary.added as usize, first.row_count());
    assert_eq!(content(&mut b), content(a));
    let audit = b.status().audit.expect("checked");
    assert_eq!(audit.finding, AuditFinding::Intact, "{audit:?}");

    let second = b.export_full_document().expect("export again");
    let events = |d: &FullExport| d.table("audit_events").expect("audit").rows.clone();
    let (ours, theirs) = (events(&first), events(&second));
    assert_eq!(
        theirs.len(),
        ours.len() + 1,
        "b's chain is a's and then b's import"
    );
    assert_eq!(&theirs[..ours.len()], &ours[..]);
    let mut tables = second.tables.clone();
    for t in &mut tables {
        if t.name == "audit_events" {
            t.rows.truncate(ours.len());
        }
    }
    assert_eq!(
        FullExport::new(second.schema_version, tables).to_bytes(),
        bytes,
        "export, import into an empty store, export: the same document"
    );
}

#[test]
fn the_demo_comes_back_whole_from_a_full_export() {
    let (dir, mut a) = common::demo();
    let with_corrections = a
        .meetings()
        .expect("meetings")
        .iter()
        .any(|m| a.minutes(m.id).expect("minutes").len() > 1);
    assert!(with_corrections, "the demo has corrected minutes");
    round_trip(&dir, &mut a);
}

#[test]
fn a_store_with_records_merges_the_v1_part_and_says_what_stayed_out() {
    let (_dir, mut a) = common::demo();
    let bytes = a
        .export_file(ExportProtection::Unencrypted)
        .expect("export");
    let summary = a.import_file(&bytes, None).expect("into itself");
    assert!(!summary.whole_store);
    assert_eq!(summary.added, 0, "everything was there already");
    assert!(
        summary
            .note
            .as_deref()
            .is_some_and(|n| n.contains("Notulen")),
        "{summary:?}"
    );
}

#[test]
fn a_changed_full_export_is_refused_and_the_empty_store_stays() {
    let (dir, mut a) = common::demo();
    let bytes = a
        .export_file(ExportProtection::Unencrypted)
        .expect("export");
    let mut b = common::set_up(&dir, "b");
    let mut changed = bytes.clone();
    let at = changed.len() / 2;
    changed[at] ^= 0x01;
    let err = b.import_file(&changed, None).expect_err("changed");
    assert_eq!(err.code, kernteam_app::ErrorCode::Validation, "{err:?}");
    assert!(
        err.message.contains("Er is niets geïmporteerd"),
        "{}",
        err.message
    );
    assert!(b.casussen(None).expect("list").is_empty());
    // Reformatted by a JSON tool: still known as a full export, refused as one.
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let pretty = serde_json::to_vec_pretty(&value).expect("pretty");
    let err = b.import_file(&pretty, None).expect_err("another layout");
    assert!(
        err.message.contains("vorm waarin Kernteam"),
        "{}",
        err.message
    );
    assert!(b.casussen(None).expect("list").is_empty());
    assert!(
        b.import_file(&bytes, None)
            .expect("the real one")
            .whole_store
    );
}

/// One thing a person does in the window after the demo is loaded.
#[derive(Debug, Clone)]
enum Step {
    Note {
        casus: usize,
        text: String,
        preparation: bool,
    },
    Correct {
        meeting: usize,
        reason: String,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<usize>(), "\\PC{1,80}", any::<bool>()).prop_map(|(casus, text, preparation)| {
            Step::Note {
                casus,
                text,
                preparation,
            }
        }),
        (any::<usize>(), "[a-zà-ü \"'\\n]{1,40}")
            .prop_map(|(meeting, reason)| Step::Correct { meeting, reason }),
    ]
}

fn apply(s: &mut Session, step: &Step) {
    match step {
        Step::Note {
            casus,
            text,
            preparation,
        } => {
            let open: Vec<_> = s
                .casussen(None)
                .expect("list")
                .into_iter()
                .filter(|c| c.status != kernteam_app::domain::CasusStatus::Afgesloten)
                .collect();
            let Some(c) = open.get(casus % open.len().max(1)) else {
                return;
            };
            let _ = s.save_note(&NoteDraft {
                id: NoteId::new(),
                casus_id: c.id,
                kind: if *preparation {
                    NoteKind::Voorbereiding
                } else {
                    NoteKind::Bespreking
                },
                category: DataCategory::School,
                facts: text.clone(),
                opinions: String::new(),
            });
        }
        Step::Correct { meeting, reason } => {
            let meetings = s.meetings().expect("meetings");
            let finalised: Vec<_> = meetings
                .iter()
                .filter(|m| {
                    s.minutes(m.id)
                        .expect("minutes")
                        .first()
                        .is_some_and(|v| v.status == MinutesStatus::Vastgesteld)
                })
                .collect();
            let Some(m) = finalised.get(meeting % finalised.len().max(1)) else {
                return;
            };
            if s.correct_minutes(m.id, reason, None).is_ok() {
                s.finalise_minutes(m.id).expect("finalise the correction");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Generated stores: the demo and then notes (shared and private, any text) and
    /// corrections of held meetings' minutes, as made in the window.
    #[test]
    fn generated_stores_come_back_whole(steps in prop::collection::vec(step(), 1..6)) {
        let (dir, mut a) = common::demo();
        for s in &steps {
            apply(&mut a, s);
        }
        round_trip(&dir, &mut a);
    }
}

/// Flips, truncations and appendages of a real full export, plain and sealed: every one is
/// refused with a Dutch message, and the empty store it was offered to stays empty.
#[test]
fn a_thousand_damaged_full_exports_are_each_refused_and_change_nothing() {
    let (dir, mut a) = common::demo();
    let plain = a
        .export_file(ExportProtection::Unencrypted)
        .expect("export");
    let password = "overdracht naar de nieuwe laptop";
    let sealed = a
        .export_file(ExportProtection::Password(password))
        .expect("sealed");
    let mut b = common::set_up(&dir, "b");
    let before = b.export_full_document().expect("empty").to_bytes();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |below: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % below as u64) as usize
    };
    let mut mutate = |original: &[u8], round: usize| {
        let mut bytes = original.to_vec();
        match round % 3 {
            0 => {
                let at = next(bytes.len());
                bytes[at] ^= 1 << next(8);
            }
            1 => bytes.truncate(next(bytes.len())),
            _ => bytes.extend((0..1 + next(64)).map(|_| next(256) as u8)),
        }
        bytes
    };
    for round in 0..1000 {
        // Sealed files cost an Argon2 derivation each: one round in fifty.
        let (bytes, with) = if round % 50 == 0 {
            (mutate(&sealed, round), Some(password))
        } else {
            (mutate(&plain, round), None)
        };
        let err = b
            .import_file(&bytes, with)
            .expect_err("a damaged export is refused");
        assert!(
            err.message.contains("niets geïmporteerd"),
            "round {round}: {}",
            err.message
        );
    }
    assert_eq!(
        b.export_full_document().expect("still empty").to_bytes(),
        before,
        "nothing was taken over"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("b"))
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no scratch file stays");
}

#[test]
fn the_window_saves_a_sealed_full_export_and_a_new_laptop_reads_it_back() {
    let (dir, mut a) = common::demo();
    let password = "een zin als wachtwoord voor de verhuizing";
    let name = a.full_export_file_name().expect("unlocked");
    assert!(name.starts_with("kernteam-volledige-export-") && name.ends_with(".ktexport"));
    let target = dir.path().join(&name);
    let err = a
        .save_full_export(&target, "kort")
        .expect_err("a weak password");
    assert_eq!(err.code, kernteam_app::ErrorCode::Validation);
    assert!(!target.exists(), "nothing written for a refused password");
    assert_eq!(a.save_full_export(&target, password).expect("saved"), name);
    let sealed = std::fs::read(&target).expect("written");
    let plain = a
        .export_file(ExportProtection::Unencrypted)
        .expect("export");
    let pupil = a
        .casussen(None)
        .expect("list")
        .into_iter()
        .find(|c| c.mode == kernteam_app::domain::CasusMode::Named)
        .expect("a named casus")
        .label
        .split_whitespace()
        .next()
        .expect("a first name")
        .to_owned();
    let holds = |bytes: &[u8]| bytes.windows(pupil.len()).any(|w| w == pupil.as_bytes());
    assert!(holds(&plain), "the unsealed export names the pupil");
    assert!(!holds(&sealed), "sealed: no pupil in the file");

    let mut b = common::set_up(&dir, "b");
    let err = b.import_path(&target, None).expect_err("no password");
    assert_eq!(err.field.as_deref(), Some("password"), "{err:?}");
    let err = b
        .import_path(&target, Some("niet het wachtwoord van de export"))
        .expect_err("wrong password");
    assert_eq!(err.code, kernteam_app::ErrorCode::WrongPassphrase);
    let err = b
        .import_path(&dir.path().join("bestaat-niet.ktexport"), Some(password))
        .expect_err("no such file");
    assert!(
        err.message.contains("niets geïmporteerd"),
        "{}",
        err.message
    );
    assert!(b.casussen(None).expect("list").is_empty());
    let summary = b.import_path(&target, Some(password)).expect("read back");
    assert!(summary.whole_store);
    assert_eq!(common::content(&mut b), common::content(&mut a));
}
