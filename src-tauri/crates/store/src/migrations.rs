//! Numbered, embedded migrations; `PRAGMA user_version` records how far a database has come.

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// Landed migrations are never edited: add the next number.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "schema", include_str!("../migrations/0001_schema.sql")),
    (
        2,
        "casus_life",
        include_str!("../migrations/0002_casus_life.sql"),
    ),
    (
        3,
        "schedule",
        include_str!("../migrations/0003_schedule.sql"),
    ),
    (4, "indexes", include_str!("../migrations/0004_indexes.sql")),
    (
        5,
        "sensitive_parts",
        include_str!("../migrations/0005_sensitive_parts.sql"),
    ),
    (
        6,
        "list_indexes",
        include_str!("../migrations/0006_list_indexes.sql"),
    ),
    (
        7,
        "search_follows_actions",
        include_str!("../migrations/0007_search_follows_actions.sql"),
    ),
];

/// The highest migration number: the schema version (`PRAGMA user_version`) this build writes.
pub const LATEST: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The schema version of the open database; a newer one than this build knows is refused.
pub(crate) fn pending(conn: &Connection) -> Result<i64> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > LATEST {
        // An older build must not write into a newer schema it does not understand.
        return Err(StoreError::NewerSchema {
            found: current,
            supported: LATEST,
        });
    }
    Ok(current)
}

/// Brings the database to [`LATEST`] in one transaction: a migration that fails leaves the
/// file at the version it had, with none of the pending migrations half applied.
pub(crate) fn apply(conn: &mut Connection) -> Result<()> {
    let current = pending(conn)?;
    if current == LATEST {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (number, _name, sql) in MIGRATIONS.iter().filter(|(n, _, _)| *n > current) {
        tx.execute_batch(sql)
            .and_then(|()| tx.pragma_update(None, "user_version", number))
            .map_err(|source| StoreError::MigrationFailed {
                from: current,
                to: *number,
                source,
            })?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_without_gaps() {
        for (index, (number, name, sql)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                *number,
                index as i64 + 1,
                "migration {name} is out of sequence"
            );
            assert!(!sql.trim().is_empty(), "migration {name} is empty");
        }
    }
}
