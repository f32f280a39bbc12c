//! The typeset PDF on its own: pages numbered "x van y" over a long document, and text that
//! looks like Typst markup printed as typed (the template receives data, never markup).

use kernteam_export::{ActionLine, Document, Field, Section};

fn long_document() -> Document {
    let sections = (1..=14)
        .map(|n| Section {
            heading: format!("Leerling {n} — L.{n}. (klas {n})"),
            fields: vec![
                Field {
                    label: "Feiten".into(),
                    text: "Verzuim in de eerste periode, vooral op maandag.\nGesprek met ouders gevoerd; afspraken over ziekmelden.".repeat(3),
                },
                Field {
                    label: "Analyse".into(),
                    text: "Het beeld is nog niet compleet; JGZ en school kijken samen.".into(),
                },
            ],
            bullets: vec![format!("Besluit {n}: opnieuw bespreken over vier weken.")],
            actions: (1..=3)
                .map(|a| ActionLine {
                    what: format!("Actie {a} voor leerling {n}"),
                    who: "Jeugdarts (fictief)".into(),
                    due: "di 14 okt 2025".into(),
                })
                .collect(),
        })
        .collect();
    Document {
        title: "Verslag kernteam De Linde".into(),
        subtitle: "di 30 sep 2025, 09:00 · Kamer zorgteam".into(),
        school: "VO-school De Linde (fictief)".into(),
        team: "kernteam De Linde".into(),
        recipient: "GGD JGZ (fictief)".into(),
        status: "versie 1, vastgesteld di 30 sep 2025".into(),
        made_on: "wo 1 okt 2025".into(),
        sections,
    }
}

fn text_of(pdf: &[u8]) -> (String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).expect("write");
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program)
            .args(args)
            .arg(&path)
            .args(if program == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .unwrap_or_else(|e| panic!("{program}: {e}"));
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    (run("pdftotext", &["-layout"]), run("pdfinfo", &[]))
}

#[test]
fn a_long_document_numbers_its_pages_as_x_van_y() {
    let pdf = kernteam_export::pdf::render(&long_document()).expect("pdf");
    // Kept for people to look at (pdftoppm), like the E2E screenshots.
    let artifacts =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../target/export-artifacts");
    std::fs::create_dir_all(&artifacts).expect("artifacts dir");
    std::fs::write(artifacts.join("lang-verslag.pdf"), &pdf).expect("keep");
    let (text, info) = text_of(&pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 3, "14 pupils take several pages, got {pages}");
    for page in 1..=pages {
        let footer = format!("pagina {page} van {pages}");
        assert!(text.contains(&footer), "{footer:?} in:\n{text}");
    }
    assert_eq!(
        text.matches("Vertrouwelijk — bestemd voor GGD JGZ (fictief)")
            .count(),
        pages,
        "the footer on every page"
    );
    assert_eq!(
        text.matches("Actie 3 voor leerling").count(),
        14,
        "every action row"
    );
}

#[test]
fn text_that_looks_like_typst_markup_is_printed_as_typed() {
    let mut doc = long_document();
    doc.sections.truncate(1);
    let typed = [
        "#panic(\"weg\")",
        "*vet* _schuin_ $x^2$",
        "= kop",
        "#read(\"/etc/passwd\")",
        "<label> @ref \\ back",
    ];
    doc.sections[0].fields[0].text = typed.join("\n");
    doc.sections[0].actions[0].who = "#set page(width: 1cm)".into();
    let pdf =
        kernteam_export::pdf::render(&doc).expect("markup in the data does not break the document");
    let (text, info) = text_of(&pdf);
    for t in typed {
        assert!(text.contains(t), "{t:?} as typed in:\n{text}");
    }
    assert!(text.contains("#set page(width: 1cm)"), "{text}");
    assert!(info.contains("(A4)"), "{info}");
}
