//! The parts of a casus beyond its row: gezag-holders, consent, notes, absence, links, intake,
//! closure and the pupil names around it. Closed casussen are read-only: every write here
//! checks first.

mod closure;
mod consent;
mod intake;
mod notes;
mod pupil_names;
mod reminders;
mod siblings;
mod verzuim;

pub use closure::ClosureSeed;
pub use consent::{ConsentFacts, ConsentSeed};
pub use pupil_names::PupilNamesAround;
pub use reminders::ReminderFacts;

use kernteam_domain::CasusId;
use rusqlite::Connection;

use super::opt;
use crate::{Result, StoreError};

pub(crate) fn ensure_open(conn: &Connection, casus: CasusId) -> Result<()> {
    let status: Option<String> = opt(conn.query_row(
        "SELECT status FROM casussen WHERE id = ?1",
        [casus.to_string()],
        |r| r.get(0),
    ))?;
    match status.as_deref() {
        None => Err(StoreError::NotFound("casus")),
        Some("afgesloten") => Err(StoreError::ReadOnly),
        Some(_) => Ok(()),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(StoreError::Serialise)
}
