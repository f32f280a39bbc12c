//! PDF and DOCX of a meeting with 10 casus blocks, for `cargo xtask bench`: the file alone, and
//! the file under encryption (PDF: AES-256 R6; DOCX: ECMA-376 agile, whose 100,000 SHA-512 spins
//! are most of that). The PDF's first render (fonts parsed, Typst's library built) is reported
//! on its own. Prints `name value unit` lines.

use kernteam_export::{ActionLine, Document, Field, Section};

#[path = "../../../bench/timing.rs"]
mod timing;

const ROUNDS: usize = 30;

fn main() -> std::io::Result<()> {
    let text =
        "Leerling komt sinds de herfstvakantie onregelmatig; mentor belt wekelijks. ".repeat(6);
    let doc = Document {
        title: "Verslag kernteam De Linde".into(),
        subtitle: "di 24 nov 2026, 09:00 · Kamer zorgteam".into(),
        school: "VO-school De Linde (fictief)".into(),
        team: "kernteam De Linde".into(),
        recipient: "GGD JGZ (fictief)".into(),
        status: "versie 1, vastgesteld di 24 nov 2026".into(),
        made_on: "di 24 nov 2026".into(),
        sections: (0..10)
            .map(|i| Section {
                heading: format!("Leerling {i} — L.{i}. (klas 2)"),
                fields: ["Feiten", "Analyse en meningen", "Voor ouders en inbrenger"]
                    .iter()
                    .map(|l| Field {
                        label: (*l).into(),
                        text: text.clone(),
                    })
                    .collect(),
                bullets: vec![
                    "JGZ onderzoekt verder".into(),
                    "Evaluatie over zes weken".into(),
                ],
                actions: (0..3)
                    .map(|a| ActionLine {
                        what: format!("Actie {a} voor leerling {i}"),
                        who: "GGD JGZ (fictief)".into(),
                        due: "di 8 dec 2026".into(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let first = std::time::Instant::now();
    let pdf = kernteam_export::pdf::render(&doc).expect("pdf");
    println!(
        "pdf_10_blocks_first {:.2} ms",
        first.elapsed().as_secs_f64() * 1000.0
    );
    println!("pdf_10_blocks_size {:.1} KiB", pdf.len() as f64 / 1024.0);
    // Each round a different text in every block, so Typst's memoisation cannot hand back the
    // previous round's layout; what it may reuse (fonts, styles) it reuses in the app as well.
    let mut round = 0;
    let mut changed = || {
        round += 1;
        let mut d = doc.clone();
        for s in &mut d.sections {
            s.fields[0].text = format!("Ronde {round}: {}", s.fields[0].text);
        }
        d
    };
    let (p50, p95) = timing::p50_p95(ROUNDS, || {
        std::hint::black_box(kernteam_export::pdf::render(&changed()).expect("pdf"));
    });
    println!("pdf_10_blocks_p50 {p50:.2} ms");
    println!("pdf_10_blocks_p95 {p95:.2} ms");
    let (p50, p95) = timing::p50_p95(ROUNDS, || {
        let plain = kernteam_export::pdf::render(&changed()).expect("pdf");
        std::hint::black_box(
            kernteam_export::pdf::encrypt(&plain, "tulp-fiets-molen-kaas-haven-73")
                .expect("encrypt"),
        );
    });
    println!("pdf_10_blocks_encrypted_p50 {p50:.2} ms");
    println!("pdf_10_blocks_encrypted_p95 {p95:.2} ms");
    let (p50, p95) = timing::p50_p95(ROUNDS, || {
        std::hint::black_box(kernteam_export::docx::render(&doc).expect("docx"));
    });
    println!("docx_10_blocks_p50 {p50:.2} ms");
    println!("docx_10_blocks_p95 {p95:.2} ms");
    let (p50, p95) = timing::p50_p95(ROUNDS, || {
        let plain = kernteam_export::docx::render(&doc).expect("docx");
        std::hint::black_box(
            kernteam_export::docx::encrypt(&plain, "tulp-fiets-molen-kaas-haven-73")
                .expect("encrypt"),
        );
    });
    println!("docx_10_blocks_encrypted_p50 {p50:.2} ms");
    println!("docx_10_blocks_encrypted_p95 {p95:.2} ms");
    Ok(())
}
