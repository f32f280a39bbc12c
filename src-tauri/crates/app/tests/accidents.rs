//! Issue 14's ordinary accidents, one test each, every one ending with all data back: the
//! casussen, the meetings, every version of every set of minutes, and an intact audit chain.

mod common;

use std::path::{Path, PathBuf};

use kernteam_app::{
    AuditFinding, DataDir, RestoreSecret, Session, SetupRequest, StoreState, UnlockRequest,
};

use common::PASSPHRASE;

/// The demo (held meetings with finalised and corrected minutes) on "laptop A", with its
/// recovery key; and a folder on the school drive for its backups.
struct LaptopA {
    root: tempfile::TempDir,
    session: Session,
    recovery_key: String,
}

impl LaptopA {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("tempdir");
        let mut session = Session::new(DataDir::new(root.path().join("laptop-a")));
        let outcome = session
            .setup(&SetupRequest {
                passphrase: PASSPHRASE.into(),
                use_keyring: false,
            })
            .expect("setup");
        session.load_demo().expect("demo");
        std::fs::create_dir(root.path().join("schoolschijf")).expect("backup folder");
        Self {
            recovery_key: outcome.recovery_key,
            session,
            root,
        }
    }

    fn folder(&self) -> PathBuf {
        self.root.path().join("schoolschijf")
    }

    /// Takes a backup and returns its file.
    fn back_up(&mut self) -> PathBuf {
        let folder = self.folder();
        let report = self.session.backup_to(&folder).expect("backup");
        folder.join(report.file_name)
    }

    /// A new laptop: an empty data dir of its own, no keyring entry for this store.
    fn new_laptop(&self, name: &str) -> Session {
        Session::new(DataDir::new(self.root.path().join(name)))
    }
}

/// Everything a person would miss (see `common::content`), from a store with minutes to lose.
fn content(s: &mut Session) -> String {
    let meetings = s.meetings().expect("meetings");
    let versions: usize = meetings
        .iter()
        .map(|m| s.minutes(m.id).expect("minutes").len())
        .sum();
    assert!(versions > 1, "the demo has minutes to lose");
    common::content(s)
}

/// The passphrase the backups were taken under.
fn passphrase_of_then() -> RestoreSecret {
    RestoreSecret::Passphrase {
        passphrase: PASSPHRASE.into(),
    }
}

fn audit_intact(s: &Session) {
    let audit = s.status().audit.expect("checked at unlock");
    assert_eq!(audit.finding, AuditFinding::Intact, "{audit:?}");
    assert!(audit.events > 0);
}

fn restore(s: &mut Session, file: &Path, secret: RestoreSecret) {
    let report = s.restore_from(file, &secret, true).expect("restore");
    assert!(report.audit_events > 0);
    assert_eq!(s.status().state, StoreState::Unlocked);
}

#[test]
fn laptop_stolen_the_backup_and_the_recovery_key_bring_everything_back() {
    let mut a = LaptopA::new();
    let before = content(&mut a.session);
    let backup = a.back_up();
    // Laptop A is gone, and with it its data dir and its keyring.
    a.session.lock();
    std::fs::remove_dir_all(a.root.path().join("laptop-a")).expect("stolen");

    let mut b = a.new_laptop("vervangende-laptop");
    let recovery_key = a.recovery_key.clone();
    restore(&mut b, &backup, RestoreSecret::RecoveryKey { recovery_key });
    assert_eq!(content(&mut b), before);
    audit_intact(&b);
}

#[test]
fn disk_died_the_passphrase_of_then_opens_the_backup() {
    let mut a = LaptopA::new();
    let before = content(&mut a.session);
    let backup = a.back_up();
    a.session.lock();
    // The disk died: the database is unreadable garbage, keys.json gone.
    let data = a.root.path().join("laptop-a");
    std::fs::write(data.join("kernteam.db"), vec![0u8; 4096]).expect("dead disk");
    let _ = std::fs::remove_file(data.join("keys.json"));
    let _ = std::fs::remove_file(data.join("keys.backup.json"));

    let mut same = a.new_laptop("laptop-a");
    restore(&mut same, &backup, passphrase_of_then());
    assert_eq!(content(&mut same), before);
    audit_intact(&same);
}

#[test]
fn keyring_gone_the_passphrase_still_opens_after_a_restore() {
    let mut a = LaptopA::new();
    let before = content(&mut a.session);
    let backup = a.back_up();
    let mut b = a.new_laptop("laptop-zonder-sleutelbos");
    // The restore asks for a keyring slot; with no keyring answering it goes on without.
    let report = b
        .restore_from(&backup, &passphrase_of_then(), true)
        .expect("restore");
    b.lock();
    assert!(b.unlock(&UnlockRequest::Keyring).is_err() || report.keyring_enabled);
    b.unlock(&UnlockRequest::Passphrase {
        passphrase: PASSPHRASE.into(),
    })
    .expect("the passphrase opens it");
    assert_eq!(content(&mut b), before);
    audit_intact(&b);
}

#[test]
fn passphrase_forgotten_the_recovery_key_opens_and_a_new_passphrase_follows() {
    let mut a = LaptopA::new();
    let before = content(&mut a.session);
    a.session.lock();
    let recovery_key = a.recovery_key.clone();
    a.session
        .unlock(&UnlockRequest::RecoveryKey { recovery_key })
        .expect("the recovery key opens the store");
    assert!(a.session.status().new_passphrase_needed);
    a.session
        .change_passphrase("nieuwe zin voor het kernteam")
        .expect("new passphrase");
    a.session.lock();
    a.session
        .unlock(&UnlockRequest::Passphrase {
            passphrase: "nieuwe zin voor het kernteam".into(),
        })
        .expect("the new passphrase opens it");
    assert_eq!(content(&mut a.session), before);
    audit_intact(&a.session);
}

#[test]
fn moved_to_a_new_laptop_both_hold_the_same_and_the_new_one_works_on() {
    let mut a = LaptopA::new();
    let before = content(&mut a.session);
    let backup = a.back_up();
    let mut b = a.new_laptop("nieuwe-laptop");
    restore(&mut b, &backup, passphrase_of_then());
    assert_eq!(content(&mut b), before);
    // The new laptop writes on, and backs up to the same folder without touching A's files.
    let folder = a.folder();
    let report = b.backup_to(&folder).expect("backup on the new laptop");
    assert!(folder.join(&report.file_name).exists());
    assert!(backup.exists(), "A's backup is still there");
    audit_intact(&b);
}

#[test]
fn a_wrong_secret_for_a_backup_leaves_the_store_in_use_open_and_unchanged() {
    let mut a = LaptopA::new();
    let backup = a.back_up();
    let before = content(&mut a.session);
    let err = a
        .session
        .restore_from(
            &backup,
            &RestoreSecret::Passphrase {
                passphrase: "niet het wachtwoord van toen".into(),
            },
            false,
        )
        .expect_err("refused");
    assert_eq!(err.code, kernteam_app::ErrorCode::WrongPassphrase);
    assert_eq!(a.session.status().state, StoreState::Unlocked);
    assert_eq!(content(&mut a.session), before);
}

#[test]
fn the_backup_taken_before_an_update_reaches_the_backup_folder_once() {
    use kernteam_app::domain::clock::fixed_at;
    let mut a = LaptopA::new();
    let day = chrono::Duration::days(1);
    let updated = kernteam_app::domain::clock::now();
    // A verified backup of this store where an update leaves it: `voor-update` in the data dir.
    let elsewhere = a.root.path().join("elders");
    std::fs::create_dir(&elsewhere).expect("folder");
    a.session.set_backup_folder(&elsewhere).expect("folder");
    let taken = {
        let _at = fixed_at(updated);
        let job = a.session.backup_job(false).expect("job").expect("a folder");
        job.run().expect("backup")
    };
    let update_dir = a.root.path().join("laptop-a").join("voor-update");
    std::fs::create_dir(&update_dir).expect("voor-update");
    std::fs::rename(
        elsewhere.join(&taken.file_name),
        update_dir.join(&taken.file_name),
    )
    .expect("moved");

    // The next backup job carries it to the folder first (off the unlock: a slow or hung
    // folder never holds the app up).
    let folder = a.folder();
    a.session.set_backup_folder(&folder).expect("folder");
    let next = {
        let _at = fixed_at(updated + day);
        let job = a.session.backup_job(true).expect("job").expect("due");
        let outcome = job.run();
        a.session.backup_finished(&outcome).expect("recorded");
        outcome.expect("backup")
    };
    let names = |a: &mut LaptopA| -> Vec<String> {
        let mut found: Vec<String> = a
            .session
            .backups_in(&a.folder())
            .expect("list")
            .into_iter()
            .map(|b| b.file_name)
            .collect();
        found.sort();
        found
    };
    let mut both = vec![taken.file_name.clone(), next.file_name.clone()];
    both.sort();
    assert_eq!(names(&mut a), both, "the carried backup and the day's own");
    let carried = a.session.backups_in(&folder).expect("list");
    assert!(
        carried
            .iter()
            .any(|b| b.file_name == taken.file_name && b.audit_events == taken.audit_events)
    );

    // Once a newer good backup stands, it is not carried again (here: gone from the folder).
    std::fs::remove_file(folder.join(&taken.file_name)).expect("removed by hand");
    {
        let _at = fixed_at(updated + day * 2);
        let job = a.session.backup_job(false).expect("job").expect("a folder");
        let outcome = job.run();
        a.session.backup_finished(&outcome).expect("recorded");
        outcome.expect("backup");
    }
    assert!(!names(&mut a).contains(&taken.file_name));
}
