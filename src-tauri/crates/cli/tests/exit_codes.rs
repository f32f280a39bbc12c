//! The CLI as a user runs it: a real binary, a real data dir, every exit code.
//! D-Bus is pointed at nothing, so no test can reach the developer's own keyring and the
//! passphrase-only path (no keyring at all) is what is exercised.

use std::path::Path;
use std::process::{Command, Output};

const PASS: &str = "fiets regen koffie tafel";

fn cli(dir: &Path, pass_file: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kernteam-cli"));
    cmd.arg("--data-dir").arg(dir);
    if let Some(p) = pass_file {
        cmd.arg("--passphrase-file").arg(p);
    }
    cmd.args(args)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/kernteam-test-bus",
        )
        .env_remove("DISPLAY")
        .output()
        .expect("run kernteam-cli")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write_pass(dir: &Path, name: &str, pass: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{pass}\n")).expect("write passphrase file");
    p
}

fn grep_dir(dir: &Path, needle: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn init_demo_check_succeed_and_no_pupil_name_is_on_disk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let pass = write_pass(tmp.path(), "pass", PASS);

    let init = cli(&data, Some(&pass), &["init"]);
    assert_eq!(code(&init), 0, "init: {}", stderr(&init));
    let stdout = String::from_utf8_lossy(&init.stdout);
    assert!(
        stdout.contains("Herstelsleutel"),
        "the recovery key is printed once: {stdout}"
    );
    assert!(
        stdout.contains("sleutelbos van het systeem is niet beschikbaar"),
        "no keyring is said plainly: {stdout}"
    );

    let status = cli(&data, None, &["status"]);
    assert_eq!(code(&status), 0);
    let status_text = String::from_utf8_lossy(&status.stdout);
    assert!(
        status_text.contains("wachtwoord, herstelsleutel"),
        "{status_text}"
    );
    assert!(
        !status_text.contains("sleutelbos,"),
        "no keyring slot without a keyring: {status_text}"
    );

    let demo = cli(&data, Some(&pass), &["demo"]);
    assert_eq!(code(&demo), 0, "demo: {}", stderr(&demo));
    let check = cli(&data, Some(&pass), &["check"]);
    assert_eq!(code(&check), 0, "check: {}", stderr(&check));

    for name in [
        "Noor Verbeek",
        "Verbeek",
        "Daan Hoekstra",
        "Lotte Jansen",
        "Milan Bakker",
    ] {
        assert_eq!(
            grep_dir(&data, name),
            Vec::<String>::new(),
            "{name} must not be readable on disk"
        );
    }
}

#[test]
fn wrong_passphrase_exits_3_and_missing_store_exits_4() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let pass = write_pass(tmp.path(), "pass", PASS);
    let wrong = write_pass(tmp.path(), "wrong", "dit is niet het wachtwoord");
    assert_eq!(
        code(&cli(&data, None, &["status"])),
        4,
        "status on an empty dir"
    );
    assert_eq!(
        code(&cli(&data, Some(&pass), &["check"])),
        4,
        "check on an empty dir"
    );
    assert_eq!(code(&cli(&data, Some(&pass), &["init", "--no-keyring"])), 0);
    let out = cli(&data, Some(&wrong), &["check"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("klopt niet"),
        "a one-line Dutch hint: {}",
        stderr(&out)
    );
    let again = cli(&data, Some(&pass), &["init", "--no-keyring"]);
    assert_eq!(
        code(&again),
        1,
        "init never replaces a store: {}",
        stderr(&again)
    );
    assert_eq!(
        code(&cli(&data, None, &["check"])),
        3,
        "no keyring and no passphrase: exit 3 with a hint"
    );
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    assert_eq!(code(&cli(tmp.path(), None, &["bestaat-niet"])), 2);
    assert_eq!(
        code(&cli(tmp.path(), None, &["init"])),
        2,
        "init without a passphrase file"
    );
    let short = write_pass(tmp.path(), "short", "kort");
    let out = cli(&tmp.path().join("d"), Some(&short), &["init"]);
    assert_eq!(
        code(&out),
        2,
        "a too-short passphrase is refused: {}",
        stderr(&out)
    );
    assert!(
        !tmp.path().join("d/kernteam.db").exists(),
        "nothing is created when refused"
    );
}

#[test]
fn a_damaged_database_exits_5_and_is_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let pass = write_pass(tmp.path(), "pass", PASS);
    assert_eq!(code(&cli(&data, Some(&pass), &["init", "--no-keyring"])), 0);
    assert_eq!(code(&cli(&data, Some(&pass), &["demo"])), 0);
    let db = data.join("kernteam.db");
    let mut bytes = std::fs::read(&db).expect("read db");
    let page = 4096 * 2 + 100;
    assert!(bytes.len() > page, "the demo fills more than two pages");
    bytes[page] ^= 0x55;
    std::fs::write(&db, &bytes).expect("flip a byte");
    let out = cli(&data, Some(&pass), &["check"]);
    assert_eq!(code(&out), 5, "a flipped byte is found: {}", stderr(&out));
    assert!(
        std::fs::read(&db).expect("read") == bytes,
        "check changes nothing in the damaged file"
    );

    // keys.json alone gone: the copy beside it (keys.backup.json) still has the slots.
    std::fs::remove_file(data.join("keys.json")).expect("remove keys");
    assert_eq!(code(&cli(&data, None, &["status"])), 0, "the copy is read");
    std::fs::remove_file(data.join("keys.backup.json")).expect("remove the copy");
    assert_eq!(
        code(&cli(&data, None, &["status"])),
        5,
        "a database without keys.json is reported, not replaced"
    );
}

#[test]
fn export_data_is_sealed_by_default_and_imports_into_another_store_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let pass = write_pass(tmp.path(), "pass", PASS);
    let export_pass = write_pass(tmp.path(), "export", "overdracht naar de nieuwe school");
    for dir in [&a, &b] {
        assert_eq!(code(&cli(dir, Some(&pass), &["init"])), 0);
    }
    assert_eq!(code(&cli(&a, Some(&pass), &["demo"])), 0);

    let out = tmp.path().join("alles.kernteam");
    let refused = cli(
        &a,
        Some(&pass),
        &["export-data", "--out", out.to_str().expect("path")],
    );
    assert_eq!(code(&refused), 2, "no silent plaintext export");
    assert!(
        stderr(&refused).contains("--unencrypted"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.exists(), "nothing written when refused");

    let sealed = cli(
        &a,
        Some(&pass),
        &[
            "export-data",
            "--out",
            out.to_str().expect("path"),
            "--password-file",
            export_pass.to_str().expect("path"),
        ],
    );
    assert_eq!(code(&sealed), 0, "{}", stderr(&sealed));
    assert!(
        grep_dir(tmp.path(), "Jansen").is_empty(),
        "no pupil name readable in the export or anywhere beside it"
    );

    let without = cli(&b, Some(&pass), &["import", out.to_str().expect("path")]);
    assert_eq!(code(&without), 2, "a sealed file needs its password");
    let import = |dir: &Path| {
        cli(
            dir,
            Some(&pass),
            &[
                "import",
                out.to_str().expect("path"),
                "--password-file",
                export_pass.to_str().expect("path"),
            ],
        )
    };
    let first = import(&b);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let second = import(&b);
    assert_eq!(code(&second), 0);
    assert!(
        String::from_utf8_lossy(&second.stdout).contains("Geïmporteerd: 0 nieuw"),
        "importing twice adds nothing: {}",
        String::from_utf8_lossy(&second.stdout)
    );

    let bad = tmp.path().join("bad.json");
    std::fs::write(
        &bad,
        br#"{"format":"kernteam-interchange","version":1,"onbekend":true}"#,
    )
    .expect("write");
    let refused = cli(&b, Some(&pass), &["import", bad.to_str().expect("path")]);
    assert_eq!(code(&refused), 2);
    assert!(
        stderr(&refused).contains("onbekend veld 'onbekend'"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        code(&cli(&b, Some(&pass), &["check"])),
        0,
        "the store is intact"
    );
}

/// Holds and finalises De Linde's next meeting through the app's use cases (as the window
/// would), with one action for JGZ on Sara; the store is then left locked for the CLI.
fn hold_a_demo_meeting(data: &Path) -> String {
    use kernteam_app::domain::live::NewAction;
    use kernteam_app::domain::{MeetingStatus, OrganisationKind};
    use kernteam_app::{DataDir, Session, UnlockRequest};
    let mut s = Session::new(DataDir::new(data.to_path_buf()));
    s.unlock(&UnlockRequest::Passphrase {
        passphrase: PASS.into(),
    })
    .expect("unlock");
    let team = s
        .teams()
        .expect("teams")
        .into_iter()
        .find(|t| t.name.contains("Linde"))
        .expect("team");
    let meeting = s
        .meetings()
        .expect("meetings")
        .into_iter()
        .filter(|m| m.team_id == team.id && m.status == MeetingStatus::Gepland)
        .min_by(|a, b| a.starts_at.cmp(&b.starts_at))
        .expect("planned meeting")
        .id;
    let draft = s.build_agenda(meeting, &[]).expect("agenda");
    s.save_agenda(meeting, &draft.as_inputs()).expect("save");
    let live = s.start_meeting(meeting).expect("start");
    let sara = s
        .casussen(Some(team.id))
        .expect("casussen")
        .into_iter()
        .find(|c| c.label == "Sara Dekker")
        .expect("Sara")
        .id;
    let jgz = s
        .organisations()
        .expect("orgs")
        .into_iter()
        .find(|o| o.kind == OrganisationKind::Jgz)
        .expect("jgz")
        .id;
    s.add_action(&NewAction {
        meeting_id: meeting,
        agenda_item_id: live
            .items
            .iter()
            .find(|i| i.casus_id == Some(sara))
            .map(|i| i.id),
        casus_id: Some(sara),
        description: "Gesprek met Sara en ouders".into(),
        owner_member_id: None,
        owner_organisation_id: Some(jgz),
        due_on: Some(
            kernteam_app::domain::dates::amsterdam_date(live.meeting.starts_at).to_string(),
        ),
        category: Default::default(),
    })
    .expect("action");
    s.close_meeting(meeting).expect("close");
    s.finalise_minutes(meeting).expect("finalise");
    s.lock();
    sara.to_string()
}

#[test]
fn minutes_for_a_partner_from_the_command_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let pass = write_pass(tmp.path(), "pass", PASS);
    assert_eq!(code(&cli(&data, Some(&pass), &["init", "--no-keyring"])), 0);
    assert_eq!(code(&cli(&data, Some(&pass), &["demo"])), 0);
    let out = tmp.path().join("verslag.md");
    let out_arg = out.to_str().expect("utf-8 path");
    let export = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "minutes",
            "--meeting",
            "latest",
            "--team",
            "De Linde",
            "--out",
            out_arg,
        ];
        args.extend_from_slice(extra);
        cli(&data, Some(&pass), &args)
    };
    // The demo's held meetings have finalised minutes (issue 12): "latest" works at once.
    let demo_minutes = export(&[
        "--recipient",
        "partner:jgz",
        "--format",
        "md",
        "--unencrypted",
    ]);
    assert_eq!(code(&demo_minutes), 0, "{}", stderr(&demo_minutes));
    let text = std::fs::read_to_string(&out).expect("the demo's minutes");
    assert!(
        text.starts_with("# Verslag kernteam De Linde") && text.contains("vastgesteld"),
        "the latest demo minutes, finalised:\n{text}"
    );
    std::fs::remove_file(&out).expect("tidy");
    let pdf = export(&[
        "--recipient",
        "partner:jgz",
        "--format",
        "pdf",
        "--unencrypted",
    ]);
    assert_eq!(
        code(&pdf),
        0,
        "an unencrypted PDF after the explicit choice"
    );
    std::fs::remove_file(&out).expect("tidy");
    let unknown = export(&["--recipient", "partner:politie", "--unencrypted"]);
    assert_eq!(code(&unknown), 2);
    assert!(
        stderr(&unknown).contains("geen partnerorganisatie"),
        "{}",
        stderr(&unknown)
    );

    let sara = hold_a_demo_meeting(&data);
    let silent = export(&["--recipient", "partner:jgz"]);
    assert_eq!(code(&silent), 2, "{}", stderr(&silent));
    assert!(!out.exists(), "nothing written without the choice");
    let ok = export(&[
        "--recipient",
        "partner:jgz",
        "--format",
        "md",
        "--unencrypted",
    ]);
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(
        text.contains("Sara Dekker") && text.contains("Gesprek met Sara en ouders"),
        "{text}"
    );
    assert!(
        !text.contains("Jayden"),
        "Jayden's consent does not cover JGZ:\n{text}"
    );
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("Niet opgenomen: J.S."),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    // Word, under a password read from a file: opens with it in an independent reader only.
    let docx = tmp.path().join("verslag.docx");
    let word_pass = write_pass(tmp.path(), "docx-pass", "tulp-fiets-molen-kaas-haven-73");
    let sealed = cli(
        &data,
        Some(&pass),
        &[
            "export",
            "minutes",
            "--meeting",
            "latest",
            "--team",
            "De Linde",
            "--recipient",
            "partner:jgz",
            "--format",
            "docx",
            "--password-file",
            word_pass.to_str().expect("utf-8"),
            "--out",
            docx.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code(&sealed), 0, "{}", stderr(&sealed));
    let reader =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/tools/read_docx.py");
    let read = |password: Option<&str>| {
        let mut c = Command::new("python3");
        c.arg(&reader).arg(&docx);
        if let Some(p) = password {
            c.arg(p);
        }
        c.output().expect("python3")
    };
    let opened = read(Some("tulp-fiets-molen-kaas-haven-73"));
    let text = String::from_utf8_lossy(&opened.stdout);
    assert_eq!(
        opened.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert!(
        text.contains("Gesprek met Sara en ouders") && !text.contains("Jayden"),
        "{text}"
    );
    assert_eq!(
        read(None).status.code(),
        Some(3),
        "not without the password"
    );

    // The default format, PDF, under the same kind of password: pdftotext opens it with the
    // password only.
    let pdf_out = tmp.path().join("verslag.pdf");
    let sealed = cli(
        &data,
        Some(&pass),
        &[
            "export",
            "minutes",
            "--meeting",
            "latest",
            "--team",
            "De Linde",
            "--recipient",
            "partner:jgz",
            "--password-file",
            word_pass.to_str().expect("utf-8"),
            "--out",
            pdf_out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code(&sealed), 0, "{}", stderr(&sealed));
    let pdftotext = |password: &str| {
        Command::new("pdftotext")
            .args(["-upw", password])
            .arg(&pdf_out)
            .arg("-")
            .output()
            .expect("pdftotext")
    };
    let opened = pdftotext("tulp-fiets-molen-kaas-haven-73");
    let text = String::from_utf8_lossy(&opened.stdout);
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert!(
        text.contains("Gesprek met Sara en ouders") && !text.contains("Jayden"),
        "{text}"
    );
    assert!(!pdftotext("").status.success(), "not without the password");

    // JGZ's own open actions of the team, for JGZ.
    let list = tmp.path().join("acties.md");
    let actions = cli(
        &data,
        Some(&pass),
        &[
            "export",
            "actions",
            "--organisation",
            "jgz",
            "--team",
            "De Linde",
            "--format",
            "md",
            "--unencrypted",
            "--out",
            list.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code(&actions), 0, "{}", stderr(&actions));
    let text = std::fs::read_to_string(&list).expect("written");
    assert!(
        text.contains("# Actielijst GGD JGZ (fictief)")
            && text.contains("Gesprek met Sara en ouders"),
        "{text}"
    );
    assert!(!text.contains("Jayden"), "{text}");

    // Sara's overdracht: to JGZ (in her consent), not to leerplicht (exit 2, nothing written).
    let overdracht = tmp.path().join("overdracht.md");
    let summary = |recipient: &str| {
        cli(
            &data,
            Some(&pass),
            &[
                "export",
                "summary",
                "--casus",
                &sara,
                "--recipient",
                recipient,
                "--format",
                "md",
                "--unencrypted",
                "--out",
                overdracht.to_str().expect("utf-8"),
            ],
        )
    };
    let refused = summary("partner:leerplicht");
    assert_eq!(code(&refused), 2, "{}", stderr(&refused));
    assert!(!overdracht.exists());
    let ok = summary("partner:jgz");
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
    let text = std::fs::read_to_string(&overdracht).expect("written");
    assert!(
        text.contains("# Overdracht Sara Dekker") && text.contains("Gesprek met Sara en ouders"),
        "{text}"
    );
}

/// `export-data --out c.json`: a bare file name is written in the current folder and reported
/// as written (it once was written and then reported as "niets achtergelaten", exit 1).
#[test]
fn export_data_to_a_bare_file_name_writes_it_and_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let work = tmp.path().join("werkmap");
    std::fs::create_dir_all(&work).expect("work dir");
    let pass = write_pass(tmp.path(), "pass", PASS);
    let export_pass = write_pass(tmp.path(), "export", "overdracht naar de nieuwe school");
    assert_eq!(code(&cli(&data, Some(&pass), &["init"])), 0);
    let out = Command::new(env!("CARGO_BIN_EXE_kernteam-cli"))
        .current_dir(&work)
        .arg("--data-dir")
        .arg(&data)
        .arg("--passphrase-file")
        .arg(&pass)
        .args(["export-data", "--out", "c.json", "--password-file"])
        .arg(&export_pass)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/kernteam-test-bus",
        )
        .env_remove("DISPLAY")
        .output()
        .expect("run kernteam-cli");
    assert_eq!(code(&out), 0, "written and said so: {}", stderr(&out));
    assert!(
        work.join("c.json").exists(),
        "the file is in the current folder"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&work)
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp file left: {leftovers:?}");
}
