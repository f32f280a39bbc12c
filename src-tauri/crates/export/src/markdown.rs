//! Markdown for those who paste into other systems: headings, labelled paragraphs, bullets and
//! a pipe table for the actions.

use crate::document::Document;

/// Text as literal Markdown: every character Markdown or HTML would act on is escaped, so a
/// partner's viewer shows what was typed and never runs markup, follows a link or fetches an
/// image (`![x](https://…)` and `<img src=…>` arrive as plain text).
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '#' | '|' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a table cell: one line, nothing active.
fn cell(text: &str) -> String {
    inline(text)
}

/// Free text as Markdown paragraphs: inline markup escaped, and a line that would start a list
/// or a heading underline gets its marker escaped, so the text stays text.
fn paragraph(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = inline(line.trim_start());
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            if t.starts_with(['-', '+', '=']) {
                format!("\\{t}")
            } else if digits > 0 && t[digits..].starts_with(['.', ')']) {
                format!("{}\\{}", &t[..digits], &t[digits..])
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

/// The document as Markdown: every typed text escaped so it stays literal text, the actions
/// as a pipe table, and the footer with the day it was made at the end.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&doc.title)));
    out.push_str(&format!(
        "{}  \n{} · {}  \n{}\n\n",
        inline(&doc.subtitle),
        inline(&doc.school),
        inline(&doc.team),
        inline(&doc.status)
    ));
    for section in &doc.sections {
        out.push_str(&format!("## {}\n\n", inline(&section.heading)));
        for field in &section.fields {
            out.push_str(&format!(
                "**{}**  \n{}\n\n",
                inline(&field.label),
                paragraph(&field.text)
            ));
        }
        if !section.bullets.is_empty() {
            for b in &section.bullets {
                out.push_str(&format!("- {}\n", paragraph(b).replace("  \n", " ")));
            }
            out.push('\n');
        }
        if !section.actions.is_empty() {
            out.push_str("| Wat | Wie | Uiterlijk |\n|---|---|---|\n");
            for a in &section.actions {
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    cell(&a.what),
                    cell(&a.who),
                    cell(&a.due)
                ));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "---\n\n*{}* · gemaakt {}\n",
        inline(&doc.footer()),
        doc.made_on
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::{cell, paragraph};

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let cases = [
            ("# kop", "\\# kop"),
            ("- streepje", "\\- streepje"),
            ("1. eerste", "1\\. eerste"),
            ("11 ziekmeldingen. Daarna", "11 ziekmeldingen. Daarna"),
            ("regel een\nregel twee", "regel een  \nregel twee"),
            ("*vet* en _schuin_", "\\*vet\\* en \\_schuin\\_"),
        ];
        for (text, expected) in cases {
            assert_eq!(paragraph(text), expected, "{text}");
        }
    }

    #[test]
    fn html_and_remote_images_arrive_as_inert_text() {
        for text in [
            "<img src=\"https://example.org/pixel.png\">",
            "![volg](https://example.org/pixel.png)",
            "<https://example.org/x>",
            "<script>alert(1)</script>",
            "[klik](javascript:alert(1))",
        ] {
            for out in [paragraph(text), cell(text)] {
                assert!(!out.contains('<'), "no raw tag opens: {out}");
                assert!(
                    !out.contains("!["),
                    "no image syntax survives (it would be fetched): {out}"
                );
                let bytes = out.as_bytes();
                let bare = (0..bytes.len())
                    .any(|i| matches!(bytes[i], b'[' | b']') && (i == 0 || bytes[i - 1] != b'\\'));
                assert!(!bare, "no link or image bracket survives unescaped: {out}");
            }
        }
    }
}
