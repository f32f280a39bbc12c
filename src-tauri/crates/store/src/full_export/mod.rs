//! The lossless full export (interchange v2, `kernteam_domain::interchange::full`): every table
//! the store keeps, row by row, values as stored. Reading one back is in `load`.

mod load;

use std::collections::BTreeMap;

use kernteam_domain::interchange::full::{Cell, FullExport, TableRows};
use rusqlite::types::ValueRef;

use crate::integrity::hash_query;
use crate::{Result, Store, StoreError};

pub use load::{FullImported, PreparedFullImport};

/// Every table a full export carries, parents before children. A new table is added here in
/// the migration's commit; a test holds this list and `DERIVED_TABLES` against the schema.
pub(crate) const EXPORTED_TABLES: &[&str] = &[
    "settings",
    "organisations",
    "schools",
    "teams",
    "members",
    "team_members",
    "meeting_schedules",
    "pupils",
    "gezag_holders",
    "casussen",
    "casus_links",
    "casus_attendance",
    "signals",
    "consents",
    "notes",
    "absence_snapshots",
    "meetings",
    "agenda_items",
    "attendance",
    "minute_blocks",
    "decisions",
    "actions",
    "minutes",
    "export_log",
    "audit_events",
];

/// The search index: made from the tables above by triggers as their rows go in, so not
/// carried.
pub(crate) const DERIVED_TABLES: &[&str] = &[
    "search_docs",
    "search_text",
    "search_text_config",
    "search_text_content",
    "search_text_data",
    "search_text_docsize",
    "search_text_idx",
];

/// One column of a table in this build's schema.
pub(crate) struct Column {
    pub(crate) name: String,
    /// The declared type: every table is STRICT, so `INTEGER` or `TEXT`.
    pub(crate) integer: bool,
    /// Position in the primary key (1-based), 0 when not part of it.
    pub(crate) pk: i64,
}

pub(crate) fn columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare("SELECT name, pk, type FROM pragma_table_info(?1) ORDER BY cid")?;
    let columns = stmt
        .query_map([table], |r| {
            Ok(Column {
                name: r.get(0)?,
                pk: r.get(1)?,
                integer: r.get::<_, String>(2)?.eq_ignore_ascii_case("INTEGER"),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(columns)
}

/// `"name"` for SQL; only ever given names read from this build's own schema.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Store {
    /// The whole store as a full export, read in one transaction (one consistent moment). The
    /// settings named in `machine_settings` (this laptop's own, such as its backup folder) are
    /// left out. Records nothing: the caller logs the export.
    pub fn export_full(&self, machine_settings: &[&str]) -> Result<FullExport> {
        let tx = self.conn.unchecked_transaction()?;
        let mut tables = Vec::with_capacity(EXPORTED_TABLES.len());
        for &name in EXPORTED_TABLES {
            let mut table = table_rows(&tx, name)?;
            if name == "settings" {
                table.rows.retain(|row| {
                    !matches!(row.first(), Some(Cell::Text(key)) if machine_settings.contains(&key.as_str()))
                });
            }
            tables.push(table);
        }
        let version = self.schema_version()?;
        tx.finish()?;
        Ok(FullExport::new(version, tables))
    }

    /// Whether the store holds anything a person entered: a record in any table, or an audit
    /// event about more than the store itself (its unlocks and key slots).
    pub fn holds_records(&self) -> Result<bool> {
        for &name in EXPORTED_TABLES {
            let sql = match name {
                "settings" => continue,
                "audit_events" => "SELECT EXISTS (SELECT 1 FROM audit_events \
                                   WHERE entity_kind NOT IN ('store', 'keyslot'))"
                    .to_owned(),
                other => format!("SELECT EXISTS (SELECT 1 FROM {})", quoted(other)),
            };
            let any: bool = self.conn.query_row(&sql, [], |r| r.get(0))?;
            if any {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// A SHA-256 per table over its rows (sorted), so two stores can be compared table by
    /// table. The search index is hashed by what it says (which record, which casus, which
    /// text), not by its internal numbering, which follows the order records were written.
    pub fn table_hashes(&self) -> Result<BTreeMap<String, String>> {
        let mut hashes = BTreeMap::new();
        for &name in EXPORTED_TABLES {
            let sql = format!("SELECT * FROM {}", quoted(name));
            hashes.insert(name.to_owned(), hash_query(&self.conn, &sql)?);
        }
        let search = hash_query(
            &self.conn,
            "SELECT d.kind, d.entity_id, d.casus_id, d.author_id, d.visibility, t.body \
             FROM search_docs d LEFT JOIN search_text t ON t.rowid = d.doc",
        )?;
        hashes.insert("search_docs".to_owned(), search);
        Ok(hashes)
    }
}

fn table_rows(conn: &rusqlite::Connection, name: &str) -> Result<TableRows> {
    let columns = columns(conn, name)?;
    let mut key: Vec<&Column> = columns.iter().filter(|c| c.pk > 0).collect();
    key.sort_by_key(|c| c.pk);
    if key.is_empty() {
        return Err(StoreError::Invalid(format!(
            "table {name} has no primary key to order its export by"
        )));
    }
    let list = |cols: &mut dyn Iterator<Item = &Column>| {
        cols.map(|c| quoted(&c.name)).collect::<Vec<_>>().join(", ")
    };
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        list(&mut columns.iter()),
        quoted(name),
        list(&mut key.into_iter())
    );
    Ok(TableRows {
        name: name.to_owned(),
        columns: columns.iter().map(|c| c.name.clone()).collect(),
        rows: query_rows(conn, &sql)?,
    })
}

fn query_rows(conn: &rusqlite::Connection, sql: &str) -> Result<Vec<Vec<Cell>>> {
    let mut stmt = conn.prepare(sql)?;
    let width = stmt.column_count();
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut cells = Vec::with_capacity(width);
        for i in 0..width {
            cells.push(match row.get_ref(i)? {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(n) => Cell::Int(n),
                ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                // Every table is STRICT with INTEGER and TEXT columns only.
                ValueRef::Real(_) | ValueRef::Blob(_) => {
                    return Err(StoreError::Invalid(
                        "a stored value that is neither text nor a whole number".into(),
                    ));
                }
            });
        }
        out.push(cells);
    }
    Ok(out)
}
