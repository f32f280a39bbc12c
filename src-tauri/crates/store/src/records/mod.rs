//! One module per group of tables. Every write runs in a transaction together with its audit
//! event, so there is never a change without its trace.

mod casussen;
mod dossier;
mod interchange;
mod meetings;
mod search;
mod teams;

pub use casussen::{CasusCore, CasusSeed, PupilSeed};
pub use dossier::{ClosureSeed, ConsentFacts, ConsentSeed, ReminderFacts};
pub use interchange::ImportCounts;
pub use meetings::ActionSeed;

use rusqlite::OptionalExtension;

pub(crate) fn opt<T>(r: rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
    r.optional()
}

pub(crate) fn parse_code<T>(code: String, from: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    from(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown code {code}").into(),
        )
    })
}

pub(crate) fn parse_id<T: std::str::FromStr>(text: String) -> rusqlite::Result<T> {
    text.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, "bad id".into())
    })
}
