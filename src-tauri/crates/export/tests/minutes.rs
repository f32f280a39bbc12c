//! Minutes per recipient, on the shared scenarios' pupils (fictitious): what each recipient
//! must get and none of what it must not, read from the rendered Markdown. The school's
//! version is a snapshot (`tests/snapshots/`), reviewed by eye once and then held.

use kernteam_domain::date;
use kernteam_domain::live::{MinuteBlock, MinutesAction, MinutesBody, MinutesItem};
use kernteam_domain::recipient::{CasusForExport, Recipient, RecipientKind};
use kernteam_domain::{CasusId, OrganisationId, OrganisationKind as O};
use kernteam_export::{CasusContext, MinutesRequest, markdown, minutes_for};

struct Fixture {
    body: MinutesBody,
    casussen: Vec<CasusContext>,
    organisations: Vec<(OrganisationId, O, String)>,
    noor: CasusId,
}

fn org(orgs: &[(OrganisationId, O, String)], kind: O) -> OrganisationId {
    orgs.iter().find(|(_, k, _)| *k == kind).expect("org").0
}

fn action(orgs: &[(OrganisationId, O, String)], what: &str, kind: O, due: &str) -> MinutesAction {
    let (id, _, name) = orgs.iter().find(|(_, k, _)| *k == kind).expect("org");
    MinutesAction {
        description: what.into(),
        owner: Some(name.clone()),
        owner_organisation_id: Some(*id),
        due_on: Some(due.parse().expect("an ISO date")),
        category: kernteam_domain::DataCategory::School,
    }
}

fn fixture() -> Fixture {
    let organisations: Vec<(OrganisationId, O, String)> = [
        (O::School, "VO-school De Linde (fictief)"),
        (O::Jgz, "GGD JGZ (fictief)"),
        (O::Leerplicht, "Leerplicht gemeente (fictief)"),
        (O::Smw, "SMW (fictief)"),
        (O::Cjg, "CJG (fictief)"),
        (O::Swv, "Samenwerkingsverband (fictief)"),
    ]
    .into_iter()
    .map(|(k, n)| (OrganisationId::new(), k, n.to_owned()))
    .collect();
    let (noor, jayden, anonymous, ravi) = (
        CasusId::new(),
        CasusId::new(),
        CasusId::new(),
        CasusId::new(),
    );
    let o = &organisations;
    let item = |title: &str, kind: &str, casus: Option<CasusId>| MinutesItem {
        title: title.into(),
        kind: kind.into(),
        casus_id: casus,
        planned_minutes: 10,
        ..MinutesItem::default()
    };
    let body = MinutesBody {
        team_name: "kernteam De Linde".into(),
        starts_at: "2025-09-30T07:00:00Z".parse().expect("an instant"),
        location: Some("Kamer zorgteam".into()),
        present: vec!["Ingrid de Boer".into(), "Sanne Kok".into(), "Mehmet Yilmaz".into()],
        absent: vec![],
        items: vec![
            MinutesItem {
                decisions: vec!["Acties besproken bij: J.S. (klas 1 vmbo-b) (1)".into()],
                ..item("1 openstaande actie", "Openstaande acties", None)
            },
            MinutesItem {
                block: Some(MinuteBlock {
                    facts: "11 ziekmeldingen in 10 weken, vooral maandag. Zus Lisa heeft hetzelfde patroon.".into(),
                    analysis: "Mogelijk slaapproblemen; medische oorzaak uitsluiten.".into(),
                    regie_organisation_id: Some(org(o, O::Jgz)),
                    next_review_on: Some("2025-10-21".into()),
                    to_parents: "We zoeken samen uit waarom Noor op maandag ziek is; de jeugdarts belt u.".into(),
                    health: "Hoofdpijn en slecht slapen; huisarts via ouders.".into(),
                    safety: String::new(),
                }),
                decisions: vec!["JGZ heeft de regie".into()],
                action_items: vec![
                    action(o, "M@ZL-consult met Noor en moeder", O::Jgz, "2025-10-14"),
                    action(o, "Wekelijkse check-in mentor", O::School, "2025-10-21"),
                ],
                ..item("N.V. (klas 2 vmbo-t)", "Nieuwe aanmelding", Some(noor))
            },
            MinutesItem {
                block: Some(MinuteBlock {
                    facts: "16 lesuur ongeoorloofd verzuim in 4 schoolweken.".into(),
                    analysis: "Ouders krijgen hem niet mee.".into(),
                    regie_organisation_id: Some(org(o, O::Leerplicht)),
                    next_review_on: None,
                    to_parents: "Leerplicht nodigt u uit voor een gesprek.".into(),
                    health: String::new(),
                    safety: String::new(),
                }),
                decisions: vec!["Leerplicht houdt de regie".into()],
                action_items: vec![
                    action(o, "Gesprek met ouders en Jayden", O::Leerplicht, "2025-10-07"),
                    action(o, "5 gesprekken", O::Smw, "2025-12-16"),
                ],
                ..item("J.S. (klas 1 vmbo-b)", "Lopende casus", Some(jayden))
            },
            MinutesItem {
                block: Some(MinuteBlock {
                    facts: "Vechtpartijen op het plein.".into(),
                    ..MinuteBlock::default()
                }),
                ..item("L.A.", "Lopende casus", Some(anonymous))
            },
            item("R.P. (klas 3 vmbo-k)", "Lopende casus", Some(ravi)),
            MinutesItem {
                decisions: vec!["Samenwerking met de huisartsen op de agenda van januari".into()],
                ..item("Samenwerking met de huisartsen", "Thema", None)
            },
        ],
    };
    let consent = |age: u8, scope: &[O]| CasusForExport {
        pupil_age: Some(age),
        consent_scope: Some(scope.to_vec()),
        ..CasusForExport::default()
    };
    let casussen = vec![
        CasusContext {
            casus_id: noor,
            name: "Noor Verbeek".into(),
            facts: consent(14, &[O::School, O::Jgz, O::Smw, O::Leerplicht]),
            own_name: Some(kernteam_domain::recipient::PupilName::new(
                "Noor", "Verbeek",
            )),
            other_pupils: vec![kernteam_domain::recipient::PupilName::new(
                "Lisa", "Verbeek",
            )],
        },
        CasusContext {
            casus_id: jayden,
            name: "Jayden Smit".into(),
            facts: consent(13, &[O::School, O::Leerplicht, O::Smw]),
            own_name: None,
            other_pupils: vec![],
        },
        CasusContext {
            casus_id: ravi,
            name: "Ravi Pinas".into(),
            facts: consent(14, &[O::School, O::Jgz, O::Smw, O::Leerplicht]),
            own_name: None,
            other_pupils: vec![],
        },
        CasusContext {
            casus_id: anonymous,
            name: "Leerling A, groep 8".into(),
            facts: CasusForExport {
                anonymous: true,
                ..CasusForExport::default()
            },
            own_name: None,
            other_pupils: vec![],
        },
    ];
    Fixture {
        body,
        casussen,
        organisations,
        noor,
    }
}

/// The fixture's minutes for `recipient`, as the export crate builds them.
fn document(
    f: &Fixture,
    recipient: &Recipient,
    only: Option<CasusId>,
) -> (kernteam_export::Document, Vec<kernteam_export::Excluded>) {
    minutes_for(&MinutesRequest {
        body: &f.body,
        status: "versie 1, vastgesteld di 30 sep 2025".into(),
        school: "VO-school De Linde (fictief)",
        recipient,
        casussen: &f.casussen,
        organisations: &f.organisations,
        only_casus: only,
        made_on: date!(2025 - 10 - 01),
    })
}

fn export(f: &Fixture, recipient: Recipient, only: Option<CasusId>) -> (String, Vec<String>) {
    let (doc, excluded) = document(f, &recipient, only);
    (
        markdown::render(&doc),
        excluded
            .into_iter()
            .map(|e| format!("{}: {}", e.title, e.reason))
            .collect(),
    )
}

fn partner(f: &Fixture, kind: O) -> Recipient {
    let (id, _, name) = f
        .organisations
        .iter()
        .find(|(_, k, _)| *k == kind)
        .expect("org");
    Recipient {
        kind: RecipientKind::Partner,
        organisation_id: Some(*id),
        organisation_kind: Some(kind),
        name: name.clone(),
    }
}

fn of(kind: RecipientKind, name: &str) -> Recipient {
    Recipient {
        kind,
        organisation_id: None,
        organisation_kind: None,
        name: name.into(),
    }
}

fn contains_all(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "missing {n:?} in:\n{text}");
    }
}

fn contains_none(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(!text.contains(n), "{n:?} must not be in:\n{text}");
    }
}

#[test]
fn the_parents_get_their_own_childs_block_in_plain_words() {
    let f = fixture();
    let (md, _) = export(
        &f,
        of(RecipientKind::Ouders, "de ouders van Noor"),
        Some(f.noor),
    );
    contains_all(
        &md,
        &[
            "Noor Verbeek",
            "We zoeken samen uit waarom Noor op maandag ziek is",
            "M@ZL-consult met Noor en moeder",
            "Vertrouwelijk — bestemd voor de ouders van Noor",
            "di 30 sep 2025, 09:00",
        ],
    );
    contains_none(
        &md,
        &[
            "Jayden",
            "J.S.",
            "Leerling A",
            "Vechtpartijen",
            "ziekmeldingen",
            "slaapproblemen",
            "Lisa",
            "JGZ heeft de regie",
            "Sanne Kok",
            "huisartsen",
        ],
    );
}

#[test]
fn a_partner_gets_only_the_pupils_whose_consent_covers_it_and_its_own_actions() {
    let f = fixture();
    let (md, excluded) = export(&f, partner(&f, O::Jgz), None);
    contains_all(
        &md,
        &[
            "Noor Verbeek",
            "slaapproblemen",
            "M@ZL-consult",
            "Leerling A, groep 8",
        ],
    );
    contains_none(
        &md,
        &[
            "Jayden",
            "16 lesuur",
            "Wekelijkse check-in mentor",
            "Lisa",
            "J.S. (klas 1 vmbo-b) (1)",
        ],
    );
    assert_eq!(
        excluded,
        vec![
            "N.V. (klas 2 vmbo-t) — Gezondheid: Gezondheid niet vrijgegeven voor deze ontvanger."
                .to_owned(),
            "J.S. (klas 1 vmbo-b): De toestemming dekt delen met JGZ / GGD niet.".to_owned(),
            "R.P. (klas 3 vmbo-k): Niets in dit verslag voor deze ontvanger.".to_owned()
        ]
    );

    let (md, excluded) = export(&f, partner(&f, O::Leerplicht), None);
    contains_all(
        &md,
        &[
            "Noor Verbeek",
            "Jayden Smit",
            "Gesprek met ouders en Jayden",
        ],
    );
    contains_none(
        &md,
        &[
            "M@ZL-consult",
            "5 gesprekken",
            "Wekelijkse check-in",
            "Ravi",
        ],
    );
    assert_eq!(
        excluded
            .iter()
            .filter(|e| !e.contains("— Gezondheid"))
            .count(),
        1,
        "only Ravi, with nothing for them (and Noor's health part): {excluded:?}"
    );

    let (md, _) = export(&f, partner(&f, O::Cjg), None);
    contains_none(&md, &["Noor", "Jayden"]);
    contains_all(&md, &["Leerling A, groep 8", "Vechtpartijen"]);
}

#[test]
fn a_siblings_name_never_leaves_in_this_pupils_block() {
    let f = fixture();
    let (md, excluded) = export(&f, of(RecipientKind::School, "mentor en IB"), None);
    contains_none(&md, &["Lisa", "Ravi"]);
    assert!(
        excluded.contains(
            &"R.P. (klas 3 vmbo-k): Niets in dit verslag voor deze ontvanger.".to_owned()
        ),
        "a pupil with nothing for the recipient is not named: {excluded:?}"
    );
    contains_all(&md, &["Zus \\[andere leerling\\] heeft hetzelfde patroon."]);
}

#[test]
fn the_schools_minutes_as_reviewed() {
    let f = fixture();
    let (md, _) = export(
        &f,
        of(RecipientKind::School, "mentor en IB, VO-school De Linde"),
        None,
    );
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/minutes_school.md");
    if std::env::var_os("KERNTEAM_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &md).expect("write snapshot");
    }
    let expected =
        std::fs::read_to_string(&path).expect("snapshot (KERNTEAM_UPDATE_SNAPSHOTS=1 writes it)");
    assert_eq!(md, expected);
}

/// The independent reader (msoffcrypto-tool + python-docx, installed by `cargo xtask test`).
fn read_docx(path: &std::path::Path, password: Option<&str>) -> (i32, String) {
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/tools/read_docx.py");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(script).arg(path);
    if let Some(p) = password {
        cmd.arg(p);
    }
    let out = cmd.output().expect("python3");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn the_docx_reads_in_an_independent_reader_and_opens_only_with_its_password() {
    let f = fixture();
    let recipient = partner(&f, O::Jgz);
    let (doc, _) = document(&f, &recipient, None);
    let plain = kernteam_export::docx::render(&doc).expect("docx");
    let dir = tempfile::tempdir().expect("tempdir");
    let plain_path = dir.path().join("verslag.docx");
    std::fs::write(&plain_path, &plain).expect("write");
    // Kept for people to look at (rendered by LibreOffice, as in the note), like the E2E screenshots.
    let artifacts =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/export-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts dir");
    std::fs::copy(&plain_path, artifacts.join("verslag-jgz.docx")).expect("keep");
    let (code, text) = read_docx(&plain_path, None);
    assert_eq!(code, 0, "{text}");
    for must in [
        "[Title] Verslag kernteam De Linde",
        "[Heading 2] Noor Verbeek — N.V. (klas 2 vmbo-t)",
        "| Wat | Wie | Uiterlijk |",
        "| M@ZL-consult met Noor en moeder | GGD JGZ (fictief) | di 14 okt 2025 |",
        "HEADER: VO-school De Linde (fictief) · kernteam De Linde",
        "FOOTER: Vertrouwelijk — bestemd voor GGD JGZ (fictief)",
        "pagina",
        "PAGE: 210 x 297 mm",
    ] {
        assert!(text.contains(must), "{must:?} in:\n{text}");
    }
    for never in ["Jayden", "Lisa", "Wekelijkse check-in"] {
        assert!(!text.contains(never), "{never:?} in:\n{text}");
    }

    let password = "tulp-fiets-molen-kaas-73";
    let sealed = kernteam_export::docx::encrypt(&plain, password).expect("encrypt");
    assert_eq!(
        &sealed[..4],
        &[0xD0, 0xCF, 0x11, 0xE0],
        "an OLE compound file, as Word writes"
    );
    assert!(
        !sealed.windows(5).any(|w| w == b"Noor "),
        "no readable name in the encrypted file"
    );
    let sealed_path = dir.path().join("verslag-versleuteld.docx");
    std::fs::write(&sealed_path, &sealed).expect("write");
    let (code, text) = read_docx(&sealed_path, Some(password));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("M@ZL-consult met Noor en moeder"), "{text}");
    assert_eq!(
        read_docx(&sealed_path, None).0,
        3,
        "not without the password"
    );
    assert_eq!(
        read_docx(&sealed_path, Some("fiets-tulp")).0,
        3,
        "not with another"
    );
}

/// A poppler or qpdf tool's exit code and output (installed by `cargo xtask test`).
fn tool(program: &str, args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn pdf_text(path: &std::path::Path, password: Option<&str>) -> (i32, String) {
    let path = path.to_str().expect("utf-8 path");
    match password {
        Some(p) => tool("pdftotext", &["-layout", "-upw", p, path, "-"]),
        None => tool("pdftotext", &["-layout", path, "-"]),
    }
}

#[test]
fn the_pdf_per_recipient_reads_in_pdftotext_and_opens_only_with_its_password() {
    let f = fixture();
    let dir = tempfile::tempdir().expect("tempdir");
    let artifacts =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/export-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts dir");
    let recipients = [
        ("jgz", partner(&f, O::Jgz), None),
        ("school", of(RecipientKind::School, "mentor en IB"), None),
        (
            "ouders",
            of(RecipientKind::Ouders, "de ouders van Noor"),
            Some(f.noor),
        ),
    ];
    for (name, recipient, only) in recipients {
        let (doc, _) = document(&f, &recipient, only);
        let pdf = kernteam_export::pdf::render(&doc).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"), "{name}: a PDF file");
        let path = dir.path().join(format!("verslag-{name}.pdf"));
        std::fs::write(&path, &pdf).expect("write");
        // Kept for people to look at (pdftoppm, as in the note), like the E2E screenshots.
        std::fs::copy(&path, artifacts.join(format!("verslag-{name}.pdf"))).expect("keep");
        let (code, text) = pdf_text(&path, None);
        assert_eq!(code, 0, "{text}");
        // The same rules as the Markdown: what the recipient must get and nothing more.
        let (md, _) = export(&f, recipient.clone(), only);
        for line in md.lines().filter(|l| l.starts_with("## ")) {
            let heading = line.trim_start_matches("## ");
            assert!(text.contains(heading), "{name}: {heading:?} in:\n{text}");
        }
        contains_all(
            &text,
            &[
                &format!("Vertrouwelijk — bestemd voor {}", recipient.name),
                "VO-school De Linde (fictief) · kernteam De Linde",
                "pagina 1 van 1",
            ],
        );
        match name {
            "jgz" => {
                contains_all(
                    &text,
                    &["slaapproblemen", "M@ZL-consult met Noor en moeder"],
                );
                contains_none(
                    &text,
                    &["Jayden", "Lisa", "Wekelijkse check-in", "16 lesuur"],
                );
            }
            "school" => {
                contains_all(&text, &["Zus [andere leerling] heeft hetzelfde patroon."]);
                contains_none(&text, &["Lisa", "Ravi"]);
            }
            _ => {
                contains_all(
                    &text,
                    &["We zoeken samen uit waarom Noor op maandag ziek is"],
                );
                contains_none(
                    &text,
                    &[
                        "Jayden",
                        "Leerling A",
                        "slaapproblemen",
                        "JGZ heeft de regie",
                    ],
                );
            }
        }
        let (_, info) = tool("pdfinfo", &[path.to_str().expect("path")]);
        let info = info.split_whitespace().collect::<Vec<_>>().join(" ");
        contains_all(&info, &["Pages: 1", "Page size: 595.276 x 841.89 pts (A4)"]);
        let (_, fonts) = tool("pdffonts", &[path.to_str().expect("path")]);
        assert!(
            fonts
                .lines()
                .skip(2)
                .all(|l| l.contains("Inter") && l.contains(" yes ")),
            "only Inter, embedded:\n{fonts}"
        );
    }

    let (doc, _) = document(&f, &partner(&f, O::Jgz), None);
    let password = "tulp-fiets-molen-kaas-73";
    let sealed =
        kernteam_export::pdf::encrypt(&kernteam_export::pdf::render(&doc).expect("pdf"), password)
            .expect("encrypt");
    assert!(
        !sealed.windows(4).any(|w| w == b"Noor"),
        "no readable name in the encrypted file"
    );
    let sealed_path = dir.path().join("verslag-versleuteld.pdf");
    std::fs::write(&sealed_path, &sealed).expect("write");
    let p = sealed_path.to_str().expect("path");
    let (code, shown) = tool(
        "qpdf",
        &["--show-encryption", &format!("--password={password}"), p],
    );
    assert_eq!(code, 0, "{shown}");
    contains_all(
        &shown,
        &[
            "R = 6",
            "stream encryption method: AESv3",
            "string encryption method: AESv3",
        ],
    );
    let (code, check) = tool("qpdf", &["--check", &format!("--password={password}"), p]);
    assert_eq!(code, 0, "qpdf finds the file sound: {check}");
    let (code, text) = pdf_text(&sealed_path, Some(password));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("M@ZL-consult met Noor en moeder"), "{text}");
    let (code, text) = pdf_text(&sealed_path, None);
    assert_ne!(code, 0, "not without the password: {text}");
    assert!(!text.contains("Noor"), "{text}");
    let (code, _) = pdf_text(&sealed_path, Some("fiets-tulp"));
    assert_ne!(code, 0, "not with another");
    // A third engine, MuPDF, with its own AES-256 code.
    let (code, text) = tool(
        "mutool",
        &["draw", "-F", "txt", "-o", "-", "-p", password, p],
    );
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("M@ZL-consult met Noor en moeder"), "{text}");
    let (code, text) = tool("mutool", &["draw", "-F", "txt", "-o", "-", p]);
    assert!(
        code != 0 || !text.contains("Noor"),
        "MuPDF shows nothing without the password: {text}"
    );
}

/// Issue 12: what the table said about health is its own part of the block; it reaches JGZ
/// only once released for JGZ, and the preview says so per left-out part.
#[test]
fn health_leaves_the_minutes_only_where_released_and_the_preview_says_why() {
    let mut f = fixture();
    for recipient in [
        partner(&f, O::Jgz),
        partner(&f, O::Smw),
        of(RecipientKind::School, "mentor en IB"),
    ] {
        let (md, excluded) = export(&f, recipient.clone(), None);
        assert!(
            !md.contains("Hoofdpijn"),
            "health went to {} unreleased:\n{md}",
            recipient.name
        );
        assert!(
            excluded
                .iter()
                .any(|e| e.contains("Gezondheid") && e.contains("niet vrijgegeven")),
            "the preview says why for {}: {excluded:?}",
            recipient.name
        );
    }
    let noor = f
        .casussen
        .iter_mut()
        .find(|c| c.name == "Noor Verbeek")
        .expect("Noor");
    noor.facts.released = vec![kernteam_domain::DataCategory::Gezondheid];
    let (md, _) = export(&f, partner(&f, O::Jgz), None);
    assert!(
        md.contains("Hoofdpijn en slecht slapen"),
        "released for JGZ:\n{md}"
    );
}
