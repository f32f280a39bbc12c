//! Backups from the command line, as a school's IT or a chair on a new laptop uses them: the
//! laptop gone, only the backup folder and the recovery key on paper left; and the full export
//! for a move to a new laptop.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kernteam_app::domain::interchange::full::FullExport;

const PASS: &str = "fiets regen koffie tafel";

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kernteam-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        // No keyring is reachable: the passphrase and the recovery key are all there is.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/kernteam-test-bus",
        )
        .env_remove("DISPLAY")
        .output()
        .expect("run kernteam-cli")
}

fn ok(out: &Output, what: &str) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn file_with(dir: &Path, name: &str, line: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{line}\n")).expect("write");
    p
}

fn backups(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ktbackup"))
        .collect()
}

/// A store with the demo data on "laptop A" and one backup of it; returns the recovery key.
fn laptop_with_backup(tmp: &Path, folder: &Path) -> (PathBuf, String) {
    let data = tmp.join("laptop-a");
    let pass = file_with(tmp, "pass", PASS);
    let pass_arg = pass.to_str().expect("utf-8");
    let init = ok(
        &cli(&data, &["--passphrase-file", pass_arg, "init"]),
        "init",
    );
    let recovery = init
        .lines()
        .skip_while(|l| !l.contains("Herstelsleutel"))
        .nth(1)
        .expect("the recovery key is printed")
        .trim()
        .to_owned();
    ok(
        &cli(&data, &["--passphrase-file", pass_arg, "demo"]),
        "demo",
    );
    let to = folder.to_str().expect("utf-8");
    let out = ok(
        &cli(
            &data,
            &["--passphrase-file", pass_arg, "backup", "--to", to],
        ),
        "backup",
    );
    assert!(out.contains("gecontroleerd"), "{out}");
    (data, recovery)
}

#[test]
fn laptop_gone_passphrase_forgotten_the_recovery_key_brings_everything_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path().join("onedrive");
    std::fs::create_dir(&folder).expect("folder");
    let (laptop_a, recovery) = laptop_with_backup(tmp.path(), &folder);
    let pass = file_with(tmp.path(), "pass", PASS);
    let before = ok(
        &cli(
            &laptop_a,
            &["--passphrase-file", pass.to_str().expect("p"), "check"],
        ),
        "check A",
    );
    // Laptop A is gone: stolen, its disk dead, its keyring with it.
    std::fs::remove_dir_all(&laptop_a).expect("laptop A gone");

    let found = backups(&folder);
    assert_eq!(found.len(), 1, "one backup in the folder");
    let backup = &found[0];
    let name = backup
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("kernteam-backup-"), "{name}");
    let laptop_b = tmp.path().join("laptop-b");
    let key_file = file_with(tmp.path(), "herstelsleutel", &recovery);
    let out = ok(
        &cli(
            &laptop_b,
            &[
                "restore",
                backup.to_str().expect("utf-8"),
                "--recovery-key-file",
                key_file.to_str().expect("utf-8"),
            ],
        ),
        "restore",
    );
    assert!(out.contains("teruggezet"), "{out}");
    // Everything there: the checks pass with the same audit chain as before the backup, and
    // the passphrase of then still opens it.
    let after = ok(
        &cli(
            &laptop_b,
            &["--passphrase-file", pass.to_str().expect("p"), "check"],
        ),
        "check B",
    );
    let number_in = |line: &str| -> u64 {
        let digits: String = line
            .split('(')
            .nth(1)
            .unwrap_or_default()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("a count in: {line}"))
    };
    let checked = |text: &str| {
        number_in(
            text.lines()
                .find(|l| l.contains("auditketen"))
                .unwrap_or_default(),
        )
    };
    // The chain as the backup held it (all of laptop A's events up to the backup), plus the
    // restore's own unlock event.
    let in_backup = number_in(&out);
    assert!(
        in_backup > 0 && checked(&before) >= in_backup,
        "{before} / {out}"
    );
    assert_eq!(checked(&after), in_backup + 1, "{out} / {after}");
}

#[test]
fn restore_over_a_store_asks_first_and_then_sets_it_aside() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path().join("usb");
    std::fs::create_dir(&folder).expect("folder");
    let (laptop_a, _) = laptop_with_backup(tmp.path(), &folder);
    let pass = file_with(tmp.path(), "pass", PASS);
    let pass_arg = pass.to_str().expect("p");
    let backup = backups(&folder).pop().expect("a backup");
    let keys_before = std::fs::read(laptop_a.join("keys.json")).expect("keys");

    let refused = cli(
        &laptop_a,
        &[
            "--passphrase-file",
            pass_arg,
            "restore",
            backup.to_str().expect("b"),
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    let text = String::from_utf8_lossy(&refused.stderr);
    assert!(
        text.contains("--replace") && text.contains("vorige-opslag"),
        "{text}"
    );
    assert_eq!(
        std::fs::read(laptop_a.join("keys.json")).expect("keys"),
        keys_before
    );

    ok(
        &cli(
            &laptop_a,
            &[
                "--passphrase-file",
                pass_arg,
                "restore",
                backup.to_str().expect("b"),
                "--replace",
            ],
        ),
        "restore --replace",
    );
    let aside: Vec<_> = std::fs::read_dir(&laptop_a)
        .expect("list")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("vorige-opslag-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(aside[0].path().join("keys.json")).expect("kept"),
        keys_before
    );
    ok(
        &cli(&laptop_a, &["--passphrase-file", pass_arg, "check"]),
        "check",
    );
}

#[test]
fn a_damaged_backup_is_refused_with_a_clear_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path().join("nas");
    std::fs::create_dir(&folder).expect("folder");
    let (_laptop_a, recovery) = laptop_with_backup(tmp.path(), &folder);
    let backup = backups(&folder).pop().expect("a backup");
    let mut bytes = std::fs::read(&backup).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&backup, &bytes).expect("damage");
    let key_file = file_with(tmp.path(), "herstelsleutel", &recovery);
    let laptop_b = tmp.path().join("laptop-b");
    let out = cli(
        &laptop_b,
        &[
            "restore",
            backup.to_str().expect("b"),
            "--recovery-key-file",
            key_file.to_str().expect("k"),
        ],
    );
    assert_eq!(out.status.code(), Some(5), "damage exits 5");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("beschadigd") && text.contains("niets teruggezet"),
        "{text}"
    );
    assert!(!laptop_b.join("kernteam.db").exists());
}

/// `cli` with `--passphrase-file pass` before the subcommand.
fn with_pass(dir: &Path, pass: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--passphrase-file", pass.to_str().expect("utf-8")];
    all.extend_from_slice(args);
    cli(dir, &all)
}

#[test]
fn export_data_then_import_on_a_new_laptop_brings_the_minutes_and_the_audit_chain() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let pass = file_with(tmp.path(), "pass", PASS);
    let export_pass = file_with(tmp.path(), "export", "verhuizing naar de nieuwe laptop");
    let (old, new) = (tmp.path().join("oud"), tmp.path().join("nieuw"));
    ok(
        &with_pass(&old, &pass, &["init", "--no-keyring"]),
        "init old",
    );
    ok(&with_pass(&old, &pass, &["demo"]), "demo");
    let plain = tmp.path().join("alles.json");
    let sealed = tmp.path().join("alles.kernteam");
    ok(
        &with_pass(
            &old,
            &pass,
            &[
                "export-data",
                "--unencrypted",
                "--out",
                plain.to_str().expect("utf-8"),
            ],
        ),
        "plain export",
    );
    ok(
        &with_pass(
            &old,
            &pass,
            &[
                "export-data",
                "--out",
                sealed.to_str().expect("utf-8"),
                "--password-file",
                export_pass.to_str().expect("utf-8"),
            ],
        ),
        "sealed export",
    );
    let first = FullExport::from_bytes(&std::fs::read(&plain).expect("read")).expect("v2");
    let minutes = first.table("minutes").expect("minutes").rows.len();
    assert!(minutes > 1, "the demo's minutes are in the export");

    ok(
        &with_pass(&new, &pass, &["init", "--no-keyring"]),
        "init new",
    );
    let said = ok(
        &with_pass(
            &new,
            &pass,
            &[
                "import",
                sealed.to_str().expect("utf-8"),
                "--password-file",
                export_pass.to_str().expect("utf-8"),
            ],
        ),
        "import",
    );
    assert!(said.contains("Volledige export ingelezen"), "{said}");
    assert!(said.contains("vorige-opslag-"), "{said}");
    ok(
        &with_pass(&new, &pass, &["check"]),
        "check on the new laptop",
    );

    let again = tmp.path().join("opnieuw.json");
    ok(
        &with_pass(
            &new,
            &pass,
            &[
                "export-data",
                "--unencrypted",
                "--out",
                again.to_str().expect("utf-8"),
            ],
        ),
        "export on the new laptop",
    );
    let second = FullExport::from_bytes(&std::fs::read(&again).expect("read")).expect("v2");
    for table in &first.tables {
        let theirs = second.table(&table.name).expect("every table");
        if table.name == "audit_events" {
            assert_eq!(
                &theirs.rows[..table.rows.len()],
                &table.rows[..],
                "the old laptop's chain, then the new one's own events"
            );
        } else {
            assert_eq!(theirs, table, "table {}", table.name);
        }
    }

    let twice = ok(
        &with_pass(&new, &pass, &["import", plain.to_str().expect("utf-8")]),
        "import twice",
    );
    assert!(twice.contains("Geïmporteerd: 0 nieuw"), "{twice}");
}
