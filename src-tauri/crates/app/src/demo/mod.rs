//! Fictitious demo data for a first look: the shared acceptance scenarios as an interchange
//! v1 document (`assets/demo/kernteam-demo.v1.json`, all names invented), made by the
//! generator in `scenarios.rs` as of the scenarios' reference day.
//!
//! So that a first look always shows a kernteam before its Christmas break (casussen running,
//! actions open, the next meeting coming up), every date is moved by whole weeks on loading:
//! the reference day lands in the week before `today`. Whole weeks keep meetings on their
//! weekday; ages stay as the scenarios describe them.

pub(crate) mod scenarios;

use kernteam_domain::interchange::Interchange;
use kernteam_store::{Actor, Store};
use serde::{Deserialize, Serialize};
use time::{Date, Month};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};

const DEMO: &str = include_str!("../../../../../assets/demo/kernteam-demo.v1.json");

/// The scenarios' "today": a Tuesday when most of them are running, S-04 has just been
/// converted to a named casus and S-06 has been at home for more than three months.
pub const REFERENCE_DAY: Date = match Date::from_calendar_date(2025, Month::December, 16) {
    Ok(d) => d,
    Err(_) => panic!("valid reference day"),
};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub schools: u32,
    pub casussen: u32,
    pub actions: u32,
    pub meetings: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The demo document moved so its reference day lands in the week before `today`.
pub fn document_as_of(today: Date) -> AppResult<Interchange> {
    let mut doc: Interchange = serde_json::from_str(DEMO)
        .map_err(|_| AppError::new(ErrorCode::Internal, "De demo-gegevens zijn beschadigd."))?;
    let weeks = (today - REFERENCE_DAY).whole_days().div_euclid(7);
    doc.shift_dates(weeks * 7);
    Ok(doc)
}

pub(crate) fn load(store: &mut Store, actor: &Actor, today: Date) -> AppResult<DemoSummary> {
    if !store.casussen(None)?.is_empty() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Er staan al casussen in Kernteam. Demo-gegevens worden alleen in een lege omgeving geladen.",
        ));
    }
    let doc = document_as_of(today)?;
    store.import(actor, &doc)?;
    Ok(DemoSummary {
        schools: count(doc.schools.len()),
        casussen: count(doc.casussen.len()),
        actions: count(doc.casussen.iter().map(|c| c.actions.len()).sum()),
        meetings: count(doc.meetings.len()),
    })
}
