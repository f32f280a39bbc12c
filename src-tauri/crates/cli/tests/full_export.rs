//! The full export from the command line, as a chair moving to a new laptop uses it:
//! `export-data` on the old one, `init` and `import` on the new one, and everything is there.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kernteam_app::domain::interchange::full::FullExport;

const PASS: &str = "fiets regen koffie tafel";

fn cli(dir: &Path, pass: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kernteam-cli"))
        .arg("--data-dir")
        .arg(dir)
        .arg("--passphrase-file")
        .arg(pass)
        .args(args)
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

#[test]
fn export_data_then_import_on_a_new_laptop_brings_the_minutes_and_the_audit_chain() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let pass = file_with(tmp.path(), "pass", PASS);
    let export_pass = file_with(tmp.path(), "export", "verhuizing naar de nieuwe laptop");
    let (old, new) = (tmp.path().join("oud"), tmp.path().join("nieuw"));
    ok(&cli(&old, &pass, &["init", "--no-keyring"]), "init old");
    ok(&cli(&old, &pass, &["demo"]), "demo");
    let plain = tmp.path().join("alles.json");
    let sealed = tmp.path().join("alles.kernteam");
    ok(
        &cli(
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
        &cli(
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

    ok(&cli(&new, &pass, &["init", "--no-keyring"]), "init new");
    let said = ok(
        &cli(
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
    ok(&cli(&new, &pass, &["check"]), "check on the new laptop");

    let again = tmp.path().join("opnieuw.json");
    ok(
        &cli(
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
        &cli(&new, &pass, &["import", plain.to_str().expect("utf-8")]),
        "import twice",
    );
    assert!(twice.contains("Geïmporteerd: 0 nieuw"), "{twice}");
}
