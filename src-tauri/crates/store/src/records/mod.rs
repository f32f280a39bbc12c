//! One module per group of tables. Every write runs in a transaction together with its audit
//! event, so there is never a change without its trace.

mod casussen;
mod dossier;
mod interchange;
mod live;
mod meetings;
mod schedule;
mod search;
mod teams;

pub use casussen::{CasusCore, CasusSeed, PupilSeed};
pub use dossier::{ClosureSeed, ConsentFacts, ConsentSeed, PupilNamesAround, ReminderFacts};
pub use interchange::ImportCounts;
pub use live::MinutesRow;
pub use meetings::ActionSeed;
pub use schedule::{AgendaCasusRow, OpenActionRow};

use rusqlite::OptionalExtension;

pub(crate) fn opt<T>(r: rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
    r.optional()
}

/// How a casus is named on screen: the pupil's name and initials, or for an anonymous
/// consultation (no pupil row) the pseudonym as both. Reads three columns starting at `at`:
/// given name, family name, pseudonym.
pub(crate) fn casus_label(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<(String, String)> {
    let given: Option<String> = r.get(at)?;
    let family: Option<String> = r.get(at + 1)?;
    let pseudonym: Option<String> = r.get(at + 2)?;
    Ok(match (given, family) {
        (Some(g), Some(f)) => {
            let initials = kernteam_domain::pupil::initials(&g, &f);
            (format!("{g} {f}"), initials)
        }
        _ => {
            let p = pseudonym.unwrap_or_default();
            (p.clone(), p)
        }
    })
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
