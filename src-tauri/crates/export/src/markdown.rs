//! Markdown for those who paste into other systems: headings, labelled paragraphs, bullets and
//! a pipe table for the actions.

use crate::document::Document;

/// Text inside a table cell: a pipe or a line break would break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Free text as Markdown paragraphs: a line that would start a heading, quote, list or table
/// gets its marker escaped, so the text stays text.
fn paragraph(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            if t.starts_with(['#', '>', '-', '*', '+', '|']) {
                format!("\\{t}")
            } else if digits > 0 && t[digits..].starts_with(['.', ')']) {
                format!("{}\\{}", &t[..digits], &t[digits..])
            } else {
                t.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", doc.title));
    out.push_str(&format!(
        "{}  \n{} · {}  \n{}\n\n",
        doc.subtitle, doc.school, doc.team, doc.status
    ));
    for section in &doc.sections {
        out.push_str(&format!("## {}\n\n", section.heading));
        for field in &section.fields {
            out.push_str(&format!(
                "**{}**  \n{}\n\n",
                field.label,
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
        doc.footer(),
        doc.made_on
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::paragraph;

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let cases = [
            ("# kop", "\\# kop"),
            ("- streepje", "\\- streepje"),
            ("1. eerste", "1\\. eerste"),
            ("11 ziekmeldingen. Daarna", "11 ziekmeldingen. Daarna"),
            ("regel een\nregel twee", "regel een  \nregel twee"),
        ];
        for (text, expected) in cases {
            assert_eq!(paragraph(text), expected, "{text}");
        }
    }
}
