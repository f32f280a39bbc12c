//! DOCX that opens and edits well in Word and LibreOffice: real styles (Titel, Kop 2, a table
//! style with borders), A4, the school and team in the header, "Vertrouwelijk — bestemd voor …"
//! and "pagina x van y" in the footer. Written as WordprocessingML by hand: the document model
//! is small and every byte that leaves is ours. `encrypt` wraps it in ECMA-376 agile
//! encryption (AES-256, SHA-512), which Word and LibreOffice open after the password.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use crate::document::Document;

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0; a tab or line break becomes a space.
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn para(style: Option<&str>, runs: &str) -> String {
    let style = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{style}{runs}</w:p>")
}

fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

/// Free text: each line its own paragraph, so Word keeps the writer's line breaks.
fn text_paragraphs(text: &str, style: Option<&str>) -> String {
    text.lines()
        .map(|line| para(style, &run(line.trim_end(), false)))
        .collect()
}

fn cell(text: &str, header: bool, width: u32) -> String {
    let shade = if header {
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E4EFEC\"/>"
    } else {
        ""
    };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>{}</w:tc>",
        para(None, &run(text, header))
    )
}

fn body(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&para(Some("Title"), &run(&doc.title, false)));
    out.push_str(&para(Some("Subtitle"), &run(&doc.subtitle, false)));
    out.push_str(&para(None, &run(&doc.status, false)));
    for section in &doc.sections {
        out.push_str(&para(Some("Heading2"), &run(&section.heading, false)));
        for field in &section.fields {
            out.push_str(&para(Some("Label"), &run(&field.label, true)));
            out.push_str(&text_paragraphs(&field.text, None));
        }
        for bullet in &section.bullets {
            out.push_str(&para(
                Some("Opsomming"),
                &run(&format!("• {bullet}"), false),
            ));
        }
        if !section.actions.is_empty() {
            let widths = [4800, 2700, 1900];
            out.push_str(
                "<w:tbl><w:tblPr><w:tblStyle w:val=\"Acties\"/><w:tblW w:w=\"9400\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>",
            );
            for w in widths {
                out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
            }
            out.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
            for (h, w) in ["Wat", "Wie", "Uiterlijk"].iter().zip(widths) {
                out.push_str(&cell(h, true, w));
            }
            out.push_str("</w:tr>");
            for a in &section.actions {
                out.push_str("<w:tr>");
                for (t, w) in [&a.what, &a.who, &a.due].iter().zip(widths) {
                    out.push_str(&cell(t, false, w));
                }
                out.push_str("</w:tr>");
            }
            out.push_str("</w:tbl>");
            out.push_str(&para(None, ""));
        }
    }
    out.push_str(&para(
        Some("Klein"),
        &run(&format!("Gemaakt {}.", doc.made_on), false),
    ));
    out
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

fn document_xml(doc: &Document) -> String {
    // A4 (11906 × 16838 twips), 2 cm margins, header and footer 1 cm from the edge.
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        body(doc)
    )
}

fn header_xml(doc: &Document) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}>{}</w:hdr>",
        para(
            Some("Klein"),
            &run(&format!("{} · {}", doc.school, doc.team), false)
        )
    )
}

fn footer_xml(doc: &Document) -> String {
    let field = |name: &str| {
        format!("<w:fldSimple w:instr=\" {name} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"Klein\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs></w:pPr>{}<w:r><w:tab/></w:r>{}{}{}{}</w:p></w:ftr>",
        run(&doc.footer(), true),
        run("pagina ", false),
        field("PAGE"),
        run(" van ", false),
        field("NUMPAGES"),
    )
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/><w:sz w:val="21"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4F48"/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="555555"/><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="280" w:after="80"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" w:color="B9CFCA"/></w:pBdr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4F48"/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Label"><w:name w:val="Veldnaam"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="20"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Opsomming"><w:name w:val="Opsomming"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Klein"><w:name w:val="Klein"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="555555"/><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="Acties"><w:name w:val="Acties"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="B9CFCA"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B9CFCA"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="B9CFCA"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B9CFCA"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B9CFCA"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B9CFCA"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// The document as a DOCX file (not encrypted).
pub fn render(doc: &Document) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/header1.xml", header_xml(doc)),
        ("word/footer1.xml", footer_xml(doc)),
    ];
    for (name, xml) in parts {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// A DOCX file under Office password encryption (ECMA-376 agile: AES-256, SHA-512,
/// 100,000 spins): Word and LibreOffice ask for the password and open it.
pub fn encrypt(docx: &[u8], password: &str) -> std::io::Result<Vec<u8>> {
    let mut agile = ms_offcrypto_writer::Ecma376AgileWriter::create(
        &mut rand09::rng(),
        password,
        Cursor::new(Vec::new()),
    )?;
    agile.write_all(docx)?;
    Ok(agile.into_inner()?.into_inner())
}
