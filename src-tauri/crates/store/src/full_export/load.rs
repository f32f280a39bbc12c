//! Reading a full export back: every row into a scratch database under the store's own key,
//! checked (constraints, references, integrity, the audit chain) before anything else moves.
//! Into a store that holds nothing yet the scratch database becomes the store; into one that
//! holds records, the records partners exchange (interchange v1) are read from it to merge.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use kernteam_domain::interchange::Interchange;
use kernteam_domain::interchange::full::{Cell, FullExport};
use rusqlite::types::{ToSqlOutput, ValueRef};

use super::{DERIVED_TABLES, EXPORTED_TABLES, columns, quoted};
use crate::audit::AuditAction;
use crate::backup::{Scratch, set_aside_current};
use crate::dir_lock::DirLock;
use crate::key::DataKey;
use crate::slots::KeySlots;
use crate::{
    Actor, DataDir, Result, Store, StoreError, atomic, audit, connection, migrations, private_files,
};

/// A full export loaded into a scratch database and checked, waiting to become the store; if
/// dropped instead, the scratch file is removed and nothing changed.
pub struct PreparedFullImport {
    dir: DataDir,
    key: DataKey,
    scratch: Scratch,
    head: Option<(u64, String)>,
    rows: usize,
}

impl std::fmt::Debug for PreparedFullImport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedFullImport")
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

/// A full export that became the store.
#[derive(Debug)]
pub struct FullImported {
    /// The key to open it with (the store's own: the key slots stay as they were).
    pub key: DataKey,
    /// Rows taken over, over all tables.
    pub rows: usize,
    /// Where the store it replaced (empty but for its own unlocks) was set aside.
    pub set_aside: Option<PathBuf>,
}

impl Store {
    /// Loads `doc` into a scratch database under this store's key and checks it whole. Refuses
    /// a store that already holds records (see `holds_records`): a full export replaces only a
    /// store with nothing in it yet. The store stays open and untouched.
    pub fn prepare_full_import(&self, doc: &FullExport) -> Result<PreparedFullImport> {
        if self.holds_records()? {
            return Err(refused(
                "een volledige export wordt alleen in een lege opslag ingelezen, en deze opslag bevat al gegevens",
            ));
        }
        let scratch = Scratch::new(self.dir.root(), "import")?;
        let (head, rows) = load_into(&scratch.path, &self.key, doc)?;
        std::fs::File::open(&scratch.path)?.sync_all()?;
        Ok(PreparedFullImport {
            dir: self.dir.clone(),
            key: self.key.duplicate(),
            scratch,
            head,
            rows,
        })
    }

    /// What interchange v1 carries (organisations, schools, teams, members, meetings and
    /// casussen with their parts) out of `doc`, for a store that already holds records to merge
    /// as it would a v1 file: the rest of a full export (minutes, agendas, the audit log, …)
    /// belongs to the store it came from and goes only into an empty store.
    pub fn exchange_part(&self, doc: &FullExport) -> Result<Interchange> {
        let scratch = Scratch::new(self.dir.root(), "import")?;
        load_into(&scratch.path, &self.key, doc)?;
        let source = Store {
            conn: connection::open(&scratch.path, &self.key, connection::Mode::Existing)?,
            dir: self.dir.clone(),
            key: self.key.duplicate(),
            head: audit::HeadKeeper::until_checked(scratch.path.with_extension("keys")),
            _in_use: None,
        };
        let part = source.export_all();
        drop(source);
        part
    }

    /// Records that a full export became this store: the first event after the chain it
    /// brought.
    pub fn record_full_import(&mut self, actor: &Actor, rows: usize) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Import,
            "store",
            &format!("volledige export, {rows} rijen"),
        )?;
        audit::commit(tx, &mut self.head, &self.key)
    }
}

impl PreparedFullImport {
    /// Opens the store in the data dir again, for after a commit that failed and put it back.
    pub fn reopen(&self) -> Result<Store> {
        Store::open(&self.dir, self.key.duplicate())
    }

    /// Makes the checked scratch database the store: the store's database goes into
    /// `vorige-opslag-<when>` (never deleted), the key slots stay and record the new chain's
    /// head. The store must be closed by now; a failure puts everything back.
    pub fn commit(&mut self, now: DateTime<Utc>) -> Result<FullImported> {
        let dir = self.dir.clone();
        let _in_use = DirLock::acquire(&dir)?;
        let mut slots = KeySlots::load(&dir.keys_path())?;
        let before = slots.clone();
        match &self.head {
            Some((count, hash)) => slots.record_head(&self.key, *count, hash),
            None => slots.forget_head(),
        }
        let moved = set_aside_current(&dir, now, false)?;
        let placed = (|| -> Result<()> {
            std::fs::rename(&self.scratch.path, dir.db_path())?;
            slots.save_with_copy(&dir.keys_path())?;
            private_files::restrict_store(&dir)?;
            atomic::sync_dir(dir.root())?;
            Ok(())
        })();
        if let Err(e) = placed {
            if !self.scratch.path.exists() {
                let _ = std::fs::rename(dir.db_path(), &self.scratch.path);
            }
            if let Some((_, files)) = &moved {
                for (from, to) in files {
                    let _ = std::fs::rename(to, from);
                }
            }
            let _ = before.save_with_copy(&dir.keys_path());
            return Err(e);
        }
        self.scratch.keep();
        Ok(FullImported {
            key: self.key.duplicate(),
            rows: self.rows,
            set_aside: moved.map(|(folder, _)| folder),
        })
    }
}

/// Creates a database at `path` under `key` with this build's schema, puts every row of `doc`
/// in it in one transaction, and checks the result; returns the audit chain's head (if any
/// events) and the rows taken over.
fn load_into(
    path: &std::path::Path,
    key: &DataKey,
    doc: &FullExport,
) -> Result<(Option<(u64, String)>, usize)> {
    if doc.schema_version > crate::SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: doc.schema_version,
            supported: crate::SCHEMA_VERSION,
        });
    }
    if doc.schema_version < 1 {
        return Err(refused("de schemaversie van het bestand bestaat niet"));
    }
    if let Some(unknown) = doc
        .tables
        .iter()
        .find(|t| !EXPORTED_TABLES.contains(&t.name.as_str()))
    {
        let what = if DERIVED_TABLES.contains(&unknown.name.as_str()) {
            "een tabel die Kernteam nooit exporteert"
        } else {
            "een tabel die Kernteam niet kent"
        };
        return Err(refused(what));
    }
    let mut conn = connection::open(path, key, connection::Mode::Create)?;
    migrations::apply(&mut conn)?;
    let tx = conn.transaction()?;
    // References are checked once all rows are in: a casus may name one converted later.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
    let mut rows = 0;
    for &name in EXPORTED_TABLES {
        let Some(table) = doc.table(name) else {
            continue;
        };
        let known = columns(&tx, name)?;
        // STRICT tables still turn a number into text: the type is held to the column here,
        // so what goes in is what comes out.
        let mut integer = Vec::with_capacity(table.columns.len());
        for column in &table.columns {
            let Some(known) = known.iter().find(|k| &k.name == column) else {
                return Err(refused(&format!(
                    "de tabel '{name}' heeft een kolom die Kernteam niet kent"
                )));
            };
            integer.push(known.integer);
        }
        let fits = |row: &Vec<Cell>| {
            row.iter().zip(&integer).all(|(cell, &int)| match cell {
                Cell::Null => true,
                Cell::Int(_) => int,
                Cell::Text(_) => !int,
            })
        };
        if let Some(at) = table.rows.iter().position(|row| !fits(row)) {
            return Err(refused(&format!(
                "rij {} van de tabel '{name}' heeft een waarde van het verkeerde soort (tekst of getal)",
                at + 1
            )));
        }
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quoted(name),
            table
                .columns
                .iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", "),
            (1..=table.columns.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut insert = tx.prepare(&sql)?;
        for (at, row) in table.rows.iter().enumerate() {
            let values = row.iter().map(|cell| {
                ToSqlOutput::Borrowed(match cell {
                    Cell::Null => ValueRef::Null,
                    Cell::Int(n) => ValueRef::Integer(*n),
                    Cell::Text(t) => ValueRef::Text(t.as_bytes()),
                })
            });
            insert
                .execute(rusqlite::params_from_iter(values))
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        refused(&format!(
                            "rij {} van de tabel '{name}' past niet: een waarde ontbreekt, staat er dubbel of is ongeldig",
                            at + 1
                        ))
                    }
                    other => other.into(),
                })?;
        }
        rows += table.rows.len();
    }
    tx.commit().map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            refused("een verwijzing wijst naar iets dat niet in het bestand staat")
        }
        other => other.into(),
    })?;
    crate::integrity::check(&conn)?;
    let chain = audit::verify(&conn, None).map_err(|e| match e {
        StoreError::AuditChainBroken { .. } => {
            refused("het auditlog in het bestand is niet meer de keten die het was")
        }
        other => other,
    })?;
    let head = (chain.count > 0).then_some((chain.count, chain.last_hash));
    Ok((head, rows))
}

fn refused(detail: &str) -> StoreError {
    StoreError::FullImportRefused(detail.to_owned())
}
