//! Minutes for partners from a meeting of the demo team held through the use cases: each
//! recipient gets what the rules allow (read from the text), the file name holds no pupil,
//! Markdown needs the recorded confirmation, and the export is logged with its SHA-256.

use chrono::Duration;
use kernteam_app::domain::agenda::AgendaKind;
use kernteam_app::domain::casus::{Closure, ClosureReason};
use kernteam_app::domain::live::{MinuteBlock, NewAction};
use kernteam_app::domain::recipient::{Recipient, RecipientKind};
use kernteam_app::domain::{DataCategory, OrganisationKind};
use kernteam_app::{ErrorCode, ExportFormat, MinutesExportRequest, Session};
use sha2::Digest;

mod common;
use common::{day_of, demo_team, planned, today};

struct Held {
    _dir: tempfile::TempDir,
    s: Session,
    meeting: kernteam_app::domain::MeetingId,
    sara: kernteam_app::domain::CasusId,
}

/// De Linde's next meeting, held: Sara (new) gets a block, a decision and two actions, one
/// for JGZ and one for leerplicht; Jayden's block; Ravi closed; minutes finalised.
fn held_meeting() -> Held {
    let (dir, mut s, team) = demo_team("Linde");
    let next = planned(&mut s, team.id)[0].clone();
    let (meeting, meeting_day) = (next.id, day_of(&next));
    let draft = s.build_agenda(meeting, &[]).expect("agenda");
    s.save_agenda(meeting, &draft.as_inputs()).expect("save");
    let live = s.start_meeting(meeting).expect("start");
    let casussen = s.casussen(Some(team.id)).expect("casussen");
    let id_of = |label: &str| casussen.iter().find(|c| c.label == label).expect(label).id;
    let (sara, jayden, ravi) = (
        id_of("Sara Dekker"),
        id_of("Jayden Smit"),
        id_of("Ravi Pinas"),
    );
    let item_of = |casus| {
        live.items
            .iter()
            .find(|i| i.casus_id == Some(casus))
            .expect("item")
            .id
    };
    s.save_block(
        item_of(sara),
        &MinuteBlock {
            facts: "Sara trekt zich terug in de klas.".into(),
            analysis: "Mogelijk een eetprobleem; JGZ kijkt mee.".into(),
            regie_organisation_id: None,
            next_review_on: None,
            to_parents: "De jeugdverpleegkundige nodigt Sara en u uit.".into(),
            health: "Sara eet niet in de pauze; thuis ook minder.".into(),
            safety: String::new(),
        },
    )
    .expect("block");
    s.save_block(
        item_of(jayden),
        &MinuteBlock {
            facts: "Geen nieuw ongeoorloofd verzuim.".into(),
            ..MinuteBlock::default()
        },
    )
    .expect("block");
    s.add_decision(
        meeting,
        Some(item_of(sara)),
        Some(sara),
        "JGZ onderzoekt eetpatroon",
        DataCategory::School,
    )
    .expect("decision");
    s.add_decision(
        meeting,
        Some(item_of(sara)),
        Some(sara),
        "JGZ weegt en meet Sara bij het eerste gesprek",
        DataCategory::Gezondheid,
    )
    .expect("a health decision");
    let orgs = s.organisations().expect("orgs");
    let org = |kind| orgs.iter().find(|o| o.kind == kind).expect("org").id;
    for (what, kind) in [
        ("Gesprek met Sara en ouders", OrganisationKind::Jgz),
        ("Verzuim wekelijks nagaan", OrganisationKind::Leerplicht),
    ] {
        s.add_action(&NewAction {
            meeting_id: meeting,
            agenda_item_id: Some(item_of(sara)),
            casus_id: Some(sara),
            description: what.into(),
            owner_member_id: None,
            owner_organisation_id: Some(org(kind)),
            due_on: Some((meeting_day + Duration::weeks(3)).to_string()),
            category: DataCategory::School,
        })
        .expect("action");
    }
    s.close_casus_in_meeting(
        meeting,
        item_of(ravi),
        ravi,
        &Closure {
            closed_on: today().to_string(),
            reason: ClosureReason::DoelBereikt,
            outcome: "Ravi komt weer op tijd".into(),
            left_school_on: None,
        },
    )
    .expect("closure");
    s.close_meeting(meeting).expect("close");
    assert!(live.items.iter().any(|i| i.kind == AgendaKind::Nieuw));
    Held {
        _dir: dir,
        s,
        meeting,
        sara,
    }
}

fn partner(s: &mut Session, kind: OrganisationKind) -> Recipient {
    let o = s
        .organisations()
        .expect("orgs")
        .into_iter()
        .find(|o| o.kind == kind)
        .expect("org");
    Recipient {
        kind: RecipientKind::Partner,
        organisation_id: Some(o.id),
        organisation_kind: Some(kind),
        name: o.name,
    }
}

/// The held meeting's minutes, finalised, as a PDF request for JGZ.
fn finalised_for_jgz_as_pdf() -> (Held, MinutesExportRequest) {
    let mut h = held_meeting();
    h.s.finalise_minutes(h.meeting).expect("finalise");
    let jgz = partner(&mut h.s, OrganisationKind::Jgz);
    let pdf = MinutesExportRequest {
        format: ExportFormat::Pdf,
        ..request(&h, jgz)
    };
    (h, pdf)
}

fn request(h: &Held, recipient: Recipient) -> MinutesExportRequest {
    MinutesExportRequest {
        meeting_id: h.meeting,
        recipient,
        format: ExportFormat::Md,
        only_casus: None,
        released: vec![],
        pupil_shares_with_parents: false,
    }
}

#[test]
fn each_recipient_gets_what_the_rules_allow_and_the_export_is_logged() {
    let mut h = held_meeting();
    let jgz = partner(&mut h.s, OrganisationKind::Jgz);
    let err =
        h.s.preview_export(&request(&h, jgz.clone()))
            .expect_err("concept");
    assert_eq!(
        err.code,
        ErrorCode::Validation,
        "only finalised minutes leave"
    );
    h.s.finalise_minutes(h.meeting).expect("finalise");

    // Sara's consent covers school, JGZ and SMW: JGZ gets her block and its own action only.
    let preview = h.s.preview_export(&request(&h, jgz.clone())).expect("jgz");
    let text = &preview.text;
    for must in [
        "Sara Dekker",
        "Sara trekt zich terug",
        "Gesprek met Sara en ouders",
        "JGZ onderzoekt eetpatroon",
    ] {
        assert!(text.contains(must), "{must:?} for JGZ:\n{text}");
    }
    // Health leaves only where released, and the preview says so (issue 12).
    for never in ["Sara eet niet in de pauze", "JGZ weegt en meet"] {
        assert!(
            !text.contains(never),
            "{never:?} unreleased for JGZ:\n{text}"
        );
    }
    assert!(
        preview
            .excluded
            .iter()
            .any(|e| e.reason.contains("Gezondheid niet vrijgegeven")),
        "the preview names the left-out health part: {:?}",
        preview.excluded
    );
    let released =
        h.s.preview_export(&MinutesExportRequest {
            released: vec![DataCategory::Gezondheid],
            ..request(&h, jgz.clone())
        })
        .expect("released for JGZ")
        .text;
    for must in ["Sara eet niet in de pauze", "JGZ weegt en meet"] {
        assert!(
            released.contains(must),
            "{must:?} once released:\n{released}"
        );
    }
    for never in [
        "Verzuim wekelijks nagaan",
        "Jayden",
        "J.S.",
        "Ravi",
        "de jeugdverpleegkundige nodigt",
    ] {
        assert!(!text.contains(never), "{never:?} not for JGZ:\n{text}");
    }
    assert!(
        preview.excluded.iter().any(|e| e.title.starts_with("J.S.")),
        "Jayden's consent does not cover JGZ: {:?}",
        preview.excluded
    );
    assert!(
        preview.file_name.starts_with("kernteam-de-linde-")
            && preview.file_name.ends_with("-verslag-jgz.md"),
        "{}",
        preview.file_name
    );

    // The overdracht of Sara for JGZ: her hulpvraag and JGZ's own action; leerplicht gets nothing.
    let summary = |recipient| kernteam_app::SummaryExportRequest {
        casus_id: h.sara,
        recipient,
        format: ExportFormat::Md,
        released: vec![],
        pupil_shares_with_parents: false,
    };
    let jgz = partner(&mut h.s, OrganisationKind::Jgz);
    let text = h.s.preview_export(&summary(jgz)).expect("summary").text;
    for must in [
        "# Overdracht Sara Dekker",
        "Sara is sinds de herfstvakantie stil",
        "Gesprek met Sara en ouders (open)",
    ] {
        assert!(text.contains(must), "{must:?} in:\n{text}");
    }
    assert!(
        !text.contains("Verzuim wekelijks nagaan"),
        "not JGZ's action:\n{text}"
    );
    let lp = partner(&mut h.s, OrganisationKind::Leerplicht);
    let err =
        h.s.preview_export(&summary(lp))
            .expect_err("not in Sara's consent");
    assert!(
        err.message.contains("dekt delen met Leerplicht niet"),
        "{}",
        err.message
    );

    // Leerplicht is not in Sara's consent: her block stays home, Jayden's goes.
    let lp = partner(&mut h.s, OrganisationKind::Leerplicht);
    let text = h.s.preview_export(&request(&h, lp)).expect("lp").text;
    assert!(
        text.contains("Jayden Smit") && !text.contains("Sara"),
        "{text}"
    );

    // The parents of Sara: her part in plain words, nothing else; one pupil must be chosen.
    let parents = Recipient {
        kind: RecipientKind::Ouders,
        organisation_id: None,
        organisation_kind: None,
        name: "ouders van Sara".into(),
    };
    let err =
        h.s.preview_export(&request(&h, parents.clone()))
            .expect_err("which pupil");
    assert_eq!(err.field.as_deref(), Some("onlyCasus"));
    let for_parents = MinutesExportRequest {
        only_casus: Some(h.sara),
        ..request(&h, parents)
    };
    let preview = h.s.preview_export(&for_parents).expect("parents");
    assert!(
        preview
            .text
            .contains("De jeugdverpleegkundige nodigt Sara en u uit.")
    );
    for never in [
        "eet niet in de pauze",
        "eetprobleem",
        "JGZ onderzoekt",
        "Jayden",
        "Ravi",
        "Aanwezig",
    ] {
        assert!(
            !preview.text.contains(never),
            "{never:?} not for parents:\n{}",
            preview.text
        );
    }
    assert!(!preview.file_name.contains("sara"), "{}", preview.file_name);

    // Saving: refused without the confirmation (nothing written), then written and logged.
    let out = tempfile::tempdir().expect("out");
    let target = out.path().join(&preview.file_name);
    let err =
        h.s.save_export(&for_parents, &target, None, false)
            .expect_err("unconfirmed");
    assert_eq!(err.field.as_deref(), Some("unencrypted"));
    assert!(!target.exists());
    h.s.save_export(&for_parents, &target, None, true)
        .expect("saved");
    let written = std::fs::read(&target).expect("file");
    assert_eq!(written, preview.text.as_bytes());
    let sha = hex::encode(sha2::Sha256::digest(&written));
    let timeline = h.s.dossier(h.sara).expect("dossier").timeline;
    assert!(
        timeline.iter().any(|t| format!("{t:?}").contains("xport")),
        "the export is in Sara's chronologie: {timeline:?}"
    );
    let log = h.s.export_log().expect("log");
    let entry = log
        .iter()
        .find(|e| e.sha256 == sha)
        .expect("logged with its SHA-256");
    assert_eq!((entry.format.as_str(), entry.encrypted), ("md", false));
    assert!(
        entry.recipient.starts_with("ouders: "),
        "{}",
        entry.recipient
    );

    // A folder that is not there (a removed USB stick): a clear message and no file.
    let gone = out.path().join("usb-stick").join("verslag.md");
    let err =
        h.s.save_export(&for_parents, &gone, None, true)
            .expect_err("no folder");
    assert!(
        err.message.contains("er is niets half achtergebleven"),
        "{}",
        err.message
    );
    assert!(!out.path().join("usb-stick").exists());
    assert_eq!(
        h.s.export_log().expect("log").len(),
        1,
        "a failed write is not logged"
    );
}

#[test]
fn a_pdf_leaves_under_its_password_and_the_agenda_shows_initials_only() {
    let (mut h, pdf) = finalised_for_jgz_as_pdf();
    let preview = h.s.preview_export(&pdf).expect("preview");
    assert!(
        preview.file_name.ends_with("-verslag-jgz.pdf"),
        "{}",
        preview.file_name
    );
    let out = tempfile::tempdir().expect("out");
    let target = out.path().join(&preview.file_name);
    let err =
        h.s.save_export(&pdf, &target, Some("kort"), false)
            .expect_err("too short");
    assert_eq!(err.field.as_deref(), Some("password"));
    assert!(!target.exists());
    let password = "tulp-fiets-molen-kaas-haven-73";
    h.s.save_export(&pdf, &target, Some(password), false)
        .expect("saved");
    let written = std::fs::read(&target).expect("file");
    assert!(written.starts_with(b"%PDF-"));
    assert!(
        !written.windows(4).any(|w| w == b"Sara"),
        "no readable name in the encrypted PDF"
    );
    let read = |pw: &str| {
        std::process::Command::new("pdftotext")
            .args(["-upw", pw])
            .arg(&target)
            .arg("-")
            .output()
            .expect("pdftotext")
    };
    let opened = read(password);
    let text = String::from_utf8_lossy(&opened.stdout);
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert!(
        text.contains("Gesprek met Sara en ouders")
            && text.contains("Vertrouwelijk — bestemd voor"),
        "{text}"
    );
    assert!(!read("verkeerd-wachtwoord-12").status.success());
    let sha = hex::encode(sha2::Sha256::digest(&written));
    let log = h.s.export_log().expect("log");
    let entry = log.iter().find(|e| e.sha256 == sha).expect("logged");
    assert_eq!((entry.format.as_str(), entry.encrypted), ("pdf", true));

    // Three recipients of this demo meeting as people get them, kept to look at (pdftoppm).
    let artifacts =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/export-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts");
    let parents = Recipient {
        kind: RecipientKind::Ouders,
        organisation_id: None,
        organisation_kind: None,
        name: "de ouders van Sara".into(),
    };
    let school = Recipient {
        kind: RecipientKind::School,
        organisation_id: None,
        organisation_kind: None,
        name: "mentor en intern begeleider".into(),
    };
    let jgz = partner(&mut h.s, OrganisationKind::Jgz);
    for (name, recipient, only, must, never) in [
        (
            "jgz",
            jgz,
            None,
            "Mogelijk een eetprobleem",
            "Verzuim wekelijks nagaan",
        ),
        (
            "school",
            school,
            None,
            "Geen nieuw ongeoorloofd verzuim",
            "Mogelijk een eetprobleem",
        ),
        (
            "ouders",
            parents,
            Some(h.sara),
            "De jeugdverpleegkundige nodigt Sara en u uit.",
            "eetprobleem",
        ),
    ] {
        let request = MinutesExportRequest {
            format: ExportFormat::Pdf,
            only_casus: only,
            ..request(&h, recipient)
        };
        let file = artifacts.join(format!("demo-verslag-{name}.pdf"));
        h.s.save_export(&request, &file, None, true).expect("saved");
        let out = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(must) && !text.contains(never),
            "{name}:\n{text}"
        );
    }

    // The agenda as a document: every item with its time, pupils by initials and class.
    let agenda = kernteam_app::AgendaExportRequest {
        meeting_id: h.meeting,
        format: ExportFormat::Md,
    };
    let preview = h.s.preview_export(&agenda).expect("agenda");
    assert!(
        preview.file_name.ends_with("-agenda-team.md"),
        "{}",
        preview.file_name
    );
    for never in ["Sara", "Dekker", "Jayden", "Ravi"] {
        assert!(
            !preview.text.contains(never),
            "{never:?} in:\n{}",
            preview.text
        );
    }
    for must in ["S.D.", "J.S.", "1. Opening", "bestemd voor de leden van"] {
        assert!(
            preview.text.contains(must),
            "{must:?} in:\n{}",
            preview.text
        );
    }
    let target = out.path().join(&preview.file_name);
    h.s.save_export(&agenda, &target, None, true)
        .expect("saved");
    let log = h.s.export_log().expect("log");
    assert!(
        log.iter()
            .any(|e| e.recipient.starts_with("team: ") && e.recipient.ends_with("agenda")),
        "{log:?}"
    );
}

/// Every demo casus (the shared scenarios S-01…S-06 and the demo's own) to every profile, as
/// the overdracht: either refused with a reason, or a document that names its recipient and no
/// other pupil, never to parents for an anonymous consultation, with a file name free of the
/// pupil. One PDF per shared document is read back through pdftotext for the same checks.
#[test]
fn every_demo_casus_to_every_profile_holds_only_what_the_rules_allow() {
    use kernteam_app::domain::CasusMode;
    let (_dir, mut s) = common::demo();
    let casussen = s.casussen(None).expect("casussen");
    let names: Vec<String> = casussen
        .iter()
        .filter(|c| c.mode == CasusMode::Named)
        .map(|c| c.label.clone())
        .collect();
    let of = |kind, name: &str| Recipient {
        kind,
        organisation_id: None,
        organisation_kind: None,
        name: name.into(),
    };
    let mut profiles = vec![
        of(RecipientKind::Ouders, "de ouders"),
        of(RecipientKind::School, "mentor en intern begeleider"),
        of(
            RecipientKind::SwvLoket,
            "het loket van het samenwerkingsverband",
        ),
    ];
    for kind in [
        OrganisationKind::Leerplicht,
        OrganisationKind::Jgz,
        OrganisationKind::Cjg,
        OrganisationKind::Smw,
        OrganisationKind::Swv,
    ] {
        profiles.push(partner(&mut s, kind));
    }
    let out = tempfile::tempdir().expect("out");
    let (mut shared, mut refused) = (0, 0);
    for casus in &casussen {
        let first_name = casus
            .label
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        for recipient in &profiles {
            let request = kernteam_app::SummaryExportRequest {
                casus_id: casus.id,
                recipient: recipient.clone(),
                format: ExportFormat::Pdf,
                released: vec![],
                pupil_shares_with_parents: false,
            };
            let preview = match s.preview_export(&request) {
                Ok(p) => p,
                Err(e) => {
                    assert_eq!(e.code, ErrorCode::Validation, "{}: {e:?}", casus.initials);
                    assert!(!e.message.is_empty());
                    refused += 1;
                    continue;
                }
            };
            shared += 1;
            let to = format!("{} → {}", casus.initials, recipient.name);
            assert!(
                !(casus.mode == CasusMode::Anonymous && recipient.kind == RecipientKind::Ouders),
                "{to}: an anonymous consultation never goes to parents"
            );
            assert!(
                !preview.file_name.to_lowercase().contains(&first_name),
                "{to}: {}",
                preview.file_name
            );
            let file = out.path().join(&preview.file_name);
            s.save_export(&request, &file, None, true).expect("saved");
            let pdf = std::process::Command::new("pdftotext")
                .arg(&file)
                .arg("-")
                .output()
                .expect("pdftotext");
            let pdf_text = String::from_utf8_lossy(&pdf.stdout).replace('\n', " ");
            for text in [preview.text.as_str(), pdf_text.as_str()] {
                assert!(
                    text.contains(&format!("bestemd voor {}", recipient.name)),
                    "{to}:\n{text}"
                );
                for other in names.iter().filter(|n| **n != casus.label) {
                    assert!(!text.contains(other.as_str()), "{to}: {other} in\n{text}");
                }
                if casus.mode == CasusMode::Anonymous {
                    for name in &names {
                        assert!(!text.contains(name.as_str()), "{to}: {name} in\n{text}");
                    }
                }
            }
        }
    }
    assert_eq!(shared + refused, casussen.len() * profiles.len());
    assert!(
        shared >= 10 && refused >= 10,
        "{shared} shared, {refused} refused"
    );
}

#[path = "../../../testing/tmpfs.rs"]
mod tmpfs;

#[test]
fn an_export_to_a_full_disk_leaves_nothing_and_is_not_logged() {
    let Some(disk) = tmpfs::Tmpfs::mount(512) else {
        return;
    };
    let (mut h, pdf) = finalised_for_jgz_as_pdf();
    let logged = h.s.export_log().expect("log").len();
    let filler = disk.fill();
    let target = disk
        .path()
        .join(h.s.preview_export(&pdf).expect("preview").file_name);
    let err =
        h.s.save_export(&pdf, &target, Some("tulp-fiets-molen-kaas-haven-73"), false)
            .expect_err("the disk is full");
    assert!(
        err.message.contains("de schijf is vol")
            && err.message.contains("er is niets half achtergebleven"),
        "{}",
        err.message
    );
    let left: Vec<_> = std::fs::read_dir(disk.path())
        .expect("listing")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(left, [filler], "no partial or temporary file is left");
    assert_eq!(h.s.export_log().expect("log").len(), logged, "not logged");
}

/// Issue 12: the organisation's kind is looked up by the backend. A recipient that names the
/// leerplicht organisation but claims to be JGZ gets leerplicht's share, not JGZ's.
#[test]
fn the_backend_decides_what_kind_of_organisation_a_recipient_is() {
    let mut h = held_meeting();
    h.s.finalise_minutes(h.meeting).expect("finalise");
    let leerplicht = partner(&mut h.s, OrganisationKind::Leerplicht);
    let forged = Recipient {
        organisation_kind: Some(OrganisationKind::Jgz),
        ..leerplicht
    };
    let preview = h.s.preview_export(&request(&h, forged)).expect("preview");
    assert!(
        !preview.text.contains("Gesprek met Sara en ouders"),
        "JGZ's action does not go to leerplicht under a borrowed kind:\n{}",
        preview.text
    );
    assert!(
        preview
            .excluded
            .iter()
            .any(|e| e.title.starts_with("S.D.") && e.reason.contains("Leerplicht")),
        "Sara's consent does not cover leerplicht, which is what the recipient is: {:?}",
        preview.excluded
    );
}

/// Issue 12: the overdracht's preview says, per left-out part, why: a shared health note and
/// a health concern are "gezondheid niet vrijgegeven" for JGZ until released; a private
/// preparation note is never anyone's and not listed.
#[test]
fn the_overdracht_preview_says_why_each_part_stays_home() {
    use kernteam_app::domain::{NoteDraft, NoteId, NoteKind};
    let mut h = held_meeting();
    let note = NoteDraft {
        id: NoteId::new(),
        casus_id: h.sara,
        kind: NoteKind::Bespreking,
        category: DataCategory::Gezondheid,
        facts: "Sara slaat het ontbijt over sinds oktober.".into(),
        opinions: String::new(),
    };
    h.s.save_note(&note).expect("note");
    h.s.share_note(note.id).expect("shared with the team");
    let summary = |recipient, released: Vec<DataCategory>| kernteam_app::SummaryExportRequest {
        casus_id: h.sara,
        recipient,
        format: ExportFormat::Md,
        released,
        pupil_shares_with_parents: false,
    };
    let jgz = partner(&mut h.s, OrganisationKind::Jgz);
    let preview =
        h.s.preview_export(&summary(jgz.clone(), vec![]))
            .expect("summary");
    assert!(
        !preview.text.contains("ontbijt"),
        "health stays home:\n{}",
        preview.text
    );
    let health_note = preview
        .excluded
        .iter()
        .find(|e| e.title.contains("(gezondheid)"))
        .unwrap_or_else(|| panic!("the health note is listed: {:?}", preview.excluded));
    assert_eq!(
        health_note.reason,
        "Gezondheid niet vrijgegeven voor deze ontvanger."
    );
    let released =
        h.s.preview_export(&summary(jgz, vec![DataCategory::Gezondheid]))
            .expect("released");
    assert!(
        released.text.contains("Sara slaat het ontbijt over"),
        "{}",
        released.text
    );
    assert!(
        !released
            .excluded
            .iter()
            .any(|e| e.title.contains("(gezondheid)")),
        "{:?}",
        released.excluded
    );
}
