//! Interchange format v2: the whole store, table by table, losslessly. Where v1 carries the
//! records partners exchange, v2 carries everything a store keeps (agendas, presence, minute
//! blocks, decisions, every minutes version, the export log, settings and the audit log), so a
//! move to a new laptop loses nothing. Each table's rows are its columns' values as stored:
//! text, whole numbers or null, nothing converted, so the audit chain still verifies.
//!
//! The file has one form, the one [`FullExport::to_bytes`] writes: one row per line, in the
//! order of each table's primary key. A reader refuses any other form, and a SHA-256 over the
//! tables refuses a changed value, so a damaged file is never half read.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use crate::validation::Invalid;

/// The `version` of a full export.
pub const FULL_VERSION: u32 = 2;

/// A whole store as one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Kernteam interchange format, version 2 (full export)")]
pub struct FullExport {
    /// Always "kernteam-interchange".
    #[schemars(extend("const" = "kernteam-interchange"))]
    pub format: String,
    /// Always 2 for this schema.
    #[schemars(extend("const" = 2))]
    pub version: u32,
    /// The store's schema version (its migrations) when exported; a store of this schema
    /// version or newer reads it.
    pub schema_version: i64,
    /// SHA-256, lowercase hex, over the `tables` array exactly as written in the file.
    pub sha256: String,
    /// Every table the store keeps, parents before children; derived tables (the search index)
    /// are rebuilt on import and not carried.
    pub tables: Vec<TableRows>,
}

/// One table: its columns and every row, in primary-key order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TableRows {
    /// The table's name in the store, e.g. "minutes".
    pub name: String,
    /// The column names, in the order each row gives its values.
    pub columns: Vec<String>,
    /// The rows, each with one value per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One stored value: text (dates and times as ISO text, JSON parts as their JSON text), a whole
/// number, or null. Nothing else is stored, so nothing else is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// SQL NULL.
    Null,
    /// An INTEGER value.
    Int(i64),
    /// A TEXT value, exactly as stored.
    Text(String),
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => serializer.serialize_unit(),
            Cell::Int(n) => serializer.serialize_i64(*n),
            Cell::Text(t) => serializer.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl Visitor<'_> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, a whole number or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::Null)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Cell, E> {
                Ok(Cell::Int(n))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Cell, E> {
                i64::try_from(n)
                    .map(Cell::Int)
                    .map_err(|_| E::custom("a number larger than the store keeps"))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Cell, E> {
                Ok(Cell::Text(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Cell, E> {
                Ok(Cell::Text(s))
            }
        }
        deserializer.deserialize_any(CellVisitor)
    }
}

impl JsonSchema for Cell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        json_schema!({
            "description": "A stored value: text (dates and times as ISO text), a whole number, or null.",
            "type": ["string", "integer", "null"]
        })
    }
}

impl FullExport {
    /// A document for `tables`, with its checksum.
    pub fn new(schema_version: i64, tables: Vec<TableRows>) -> Self {
        let sha256 = hex_digest(&tables_bytes(&tables));
        Self {
            format: super::FORMAT.to_owned(),
            version: FULL_VERSION,
            schema_version,
            sha256,
            tables,
        }
    }

    /// The file: the header on the first line, then each table and each row on a line of its
    /// own, so a person can page through it and a diff shows what changed.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.with_tables(&tables_bytes(&self.tables))
    }

    /// The file around `tables`, the `tables` array as `tables_bytes` writes it.
    fn with_tables(&self, tables: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(tables.len() + 256);
        out.extend_from_slice(b"{\"format\":");
        push_json(&mut out, &self.format);
        out.extend_from_slice(format!(",\"version\":{}", self.version).as_bytes());
        out.extend_from_slice(format!(",\"schemaVersion\":{}", self.schema_version).as_bytes());
        out.extend_from_slice(b",\"sha256\":");
        push_json(&mut out, &self.sha256);
        out.extend_from_slice(b",\"tables\":");
        out.extend_from_slice(tables);
        out.extend_from_slice(b"}\n");
        out
    }

    /// Reads a full export, refusing anything that is not exactly what Kernteam wrote: JSON
    /// that does not fit, another form of the same JSON, a checksum that does not match, or
    /// tables whose rows do not fit their columns. The messages name places, never values.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Invalid> {
        let doc: FullExport = serde_json::from_slice(bytes).map_err(|e| unreadable(&e))?;
        doc.check_shape()?;
        let tables = tables_bytes(&doc.tables);
        if hex_digest(&tables) != doc.sha256 {
            return Err(changed(
                "de controlesom klopt niet: een waarde is na het exporteren veranderd",
            ));
        }
        if doc.with_tables(&tables) != bytes {
            return Err(changed(
                "het bestand heeft niet meer de vorm waarin Kernteam het schreef",
            ));
        }
        Ok(doc)
    }

    fn check_shape(&self) -> Result<(), Invalid> {
        if self.format != super::FORMAT || self.version != FULL_VERSION {
            return Err(Invalid::new(
                "file",
                "Dit is geen volledige Kernteam-export (versie 2). Er is niets geïmporteerd.",
            ));
        }
        let mut names = std::collections::HashSet::new();
        for table in &self.tables {
            if !names.insert(table.name.as_str()) {
                return Err(changed(&format!(
                    "de tabel '{}' staat er twee keer in",
                    safe_name(&table.name)
                )));
            }
            let mut columns = std::collections::HashSet::new();
            if table.columns.is_empty() || !table.columns.iter().all(|c| columns.insert(c)) {
                return Err(changed(&format!(
                    "de kolommen van de tabel '{}' kloppen niet",
                    safe_name(&table.name)
                )));
            }
            if let Some(at) = table
                .rows
                .iter()
                .position(|row| row.len() != table.columns.len())
            {
                return Err(changed(&format!(
                    "rij {} van de tabel '{}' heeft niet één waarde per kolom",
                    at + 1,
                    safe_name(&table.name)
                )));
            }
        }
        Ok(())
    }

    /// How many rows the document holds, over all tables.
    pub fn row_count(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }

    /// The table called `name`, if the document has it.
    pub fn table(&self, name: &str) -> Option<&TableRows> {
        self.tables.iter().find(|t| t.name == name)
    }
}

/// Whether `bytes` claim to be a full export (format and version 2), before reading the rest.
pub fn is_full_export(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        format: String,
        version: u32,
    }
    // Only the opening bytes: the header comes first in every file Kernteam writes.
    let head = &bytes[..bytes.len().min(200)];
    let Some(end) = head.windows(9).position(|w| w == b",\"sha256\"") else {
        return false;
    };
    let mut probe = head[..end].to_vec();
    probe.push(b'}');
    serde_json::from_slice::<Probe>(&probe)
        .is_ok_and(|p| p.format == super::FORMAT && p.version == FULL_VERSION)
}

/// Whether `bytes` are JSON whose top level has a full export's fields (format and version 2,
/// a checksum, tables) in any layout: a full export that was reformatted (a text editor, a
/// JSON tool) still gets the full export's own refusal instead of a v1 message. Reads the whole
/// document, so only for a file that already failed as v1.
pub fn claims_full_export(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        format: String,
        version: u32,
        #[allow(dead_code, reason = "only its presence is asked for")]
        sha256: serde::de::IgnoredAny,
        #[allow(dead_code, reason = "only its presence is asked for")]
        tables: serde::de::IgnoredAny,
    }
    serde_json::from_slice::<Probe>(bytes)
        .is_ok_and(|p| p.format == super::FORMAT && p.version == FULL_VERSION)
}

/// The `tables` array as the file writes it: `[`, a line per table header and per row, `]`.
fn tables_bytes(tables: &[TableRows]) -> Vec<u8> {
    let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
    let mut out = Vec::with_capacity(64 * rows + 1024);
    out.extend_from_slice(b"[\n");
    for (i, table) in tables.iter().enumerate() {
        out.extend_from_slice(b"{\"name\":");
        push_json(&mut out, &table.name);
        out.extend_from_slice(b",\"columns\":");
        push_json(&mut out, &table.columns);
        out.extend_from_slice(b",\"rows\":[");
        for (j, row) in table.rows.iter().enumerate() {
            out.push(b'\n');
            push_json(&mut out, row);
            if j + 1 < table.rows.len() {
                out.push(b',');
            }
        }
        if !table.rows.is_empty() {
            out.push(b'\n');
        }
        out.extend_from_slice(b"]}");
        if i + 1 < tables.len() {
            out.push(b',');
        }
        out.push(b'\n');
    }
    out.push(b']');
    out
}

fn push_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    // Writing plain data into a Vec cannot fail: no map keys to refuse, no I/O.
    let _ = serde_json::to_writer(&mut *out, value);
}

fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A table name from the file, shown only when it is one of ours in form (letters and `_`):
/// anything else might be text that was never a name.
fn safe_name(name: &str) -> &str {
    if !name.is_empty()
        && name.len() <= 40
        && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    {
        name
    } else {
        "?"
    }
}

fn changed(detail: &str) -> Invalid {
    Invalid::new(
        "file",
        format!(
            "Het bestand is na het exporteren veranderd of beschadigd ({detail}). Er is niets geïmporteerd."
        ),
    )
}

fn unreadable(e: &serde_json::Error) -> Invalid {
    let detail = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            "geen geldige JSON of niet compleet"
        }
        _ => "een waarde of veld heeft niet de verwachte vorm",
    };
    Invalid::new(
        "file",
        format!(
            "Het bestand klopt niet met het uitwisselformaat v2: {detail} (regel {}, kolom {}). Er is niets geïmporteerd.",
            e.line(),
            e.column()
        ),
    )
}

/// The JSON Schema of the format, as committed in `assets/schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(FullExport);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> FullExport {
        FullExport::new(
            7,
            vec![
                TableRows {
                    name: "settings".into(),
                    columns: vec!["key".into(), "value".into()],
                    rows: vec![vec![
                        Cell::Text("auto_lock_minutes".into()),
                        Cell::Text("10".into()),
                    ]],
                },
                TableRows {
                    name: "audit_events".into(),
                    columns: vec!["seq".into(), "prev_hash".into()],
                    rows: vec![
                        vec![Cell::Int(1), Cell::Null],
                        vec![Cell::Int(2), Cell::Text("ab\"c\n".into())],
                    ],
                },
                TableRows {
                    name: "minutes".into(),
                    columns: vec!["id".into()],
                    rows: vec![],
                },
            ],
        )
    }

    #[test]
    fn a_document_reads_back_as_written() {
        let doc = sample();
        let bytes = doc.to_bytes();
        assert!(is_full_export(&bytes));
        assert_eq!(FullExport::from_bytes(&bytes).expect("reads"), doc);
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(
            text.lines().count() > 5,
            "one line per row, not one long line"
        );
    }

    #[test]
    fn another_form_or_a_changed_value_is_refused() {
        let bytes = sample().to_bytes();
        let mut spaced = bytes.clone();
        spaced.push(b' ');
        let err = FullExport::from_bytes(&spaced).expect_err("other form");
        assert!(
            err.message.contains("vorm waarin Kernteam"),
            "{}",
            err.message
        );
        let text = String::from_utf8(bytes.clone()).expect("utf-8");
        let edited = text.replace("\"10\"", "\"11\"");
        let err = FullExport::from_bytes(edited.as_bytes()).expect_err("changed value");
        assert!(err.message.contains("controlesom"), "{}", err.message);
        let err = FullExport::from_bytes(&bytes[..bytes.len() / 2]).expect_err("cut off");
        assert!(err.message.contains("v2"), "{}", err.message);
        let floated = text.replace("[1,null]", "[1.5,null]");
        assert!(FullExport::from_bytes(floated.as_bytes()).is_err());
    }

    #[test]
    fn rows_must_fit_their_columns() {
        let mut doc = sample();
        doc.tables[1].rows[0].push(Cell::Int(3));
        let doc = FullExport::new(7, doc.tables);
        let err = FullExport::from_bytes(&doc.to_bytes()).expect_err("ragged");
        assert!(err.message.contains("audit_events"), "{}", err.message);
    }

    #[test]
    fn a_v1_document_is_not_taken_for_a_full_export() {
        assert!(!is_full_export(
            br#"{"format":"kernteam-interchange","version":1,"organisations":[]}"#
        ));
        assert!(!is_full_export(b"\x00\x01"));
        assert!(!claims_full_export(
            br#"{"format":"kernteam-interchange","version":1,"organisations":[]}"#
        ));
    }

    #[test]
    fn a_reformatted_full_export_is_still_known_as_one_and_refused() {
        let bytes = sample().to_bytes();
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        let pretty = serde_json::to_vec_pretty(&value).expect("pretty");
        assert!(
            !is_full_export(&pretty),
            "the header probe wants the exact form"
        );
        assert!(claims_full_export(&pretty));
        let err = FullExport::from_bytes(&pretty).expect_err("another form");
        assert!(
            err.message.contains("vorm waarin Kernteam"),
            "{}",
            err.message
        );
    }
}
