//! Fictitious demo data for a first look: the shared acceptance scenarios (all names invented,
//! read into `scenario_types.rs`) written through the store by the generator in `scenarios.rs`,
//! `scenario_writer.rs` and `scenario_history.rs`.
//!
//! So that a first look always shows a kernteam at work (casussen running, actions open, the
//! next meeting coming up) on whatever day it is loaded, the scenarios are placed on the school
//! calendar: their reference day lands in the latest school week before today, and every date
//! keeps its place among the school weeks of its school's holiday region. Moving by whole weeks
//! would put lessons and absence in a holiday; counting school weeks keeps what each scenario
//! states (16 hours in 4 consecutive school weeks, a thuiszitter for more than three months).
//!
//! The same scenarios as of the reference day are shipped as an interchange v1 document
//! (`assets/demo/kernteam-demo.v1.json`), an example of the format made by `gen_demo`.

pub(crate) mod held;
mod load;
mod scenario_history;
mod scenario_types;
mod scenario_writer;
pub(crate) mod scenarios;

use chrono::NaiveDate;
use kernteam_domain::interchange::Interchange;
use kernteam_domain::verzuim::HolidayCalendar;
use kernteam_store::{Actor, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};

const DEMO: &str = include_str!("../../../../../assets/demo/kernteam-demo.v1.json");

/// The scenarios' "today": a Tuesday when most of them are running, S-04 has just been
/// converted to a named casus and S-06 has been at home for more than three months.
pub const REFERENCE_DAY: NaiveDate = kernteam_domain::date!(2025 - 12 - 16);

/// What loading the demo data produced, counted over the whole store afterwards.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    /// The number of schools in the store.
    pub schools: u32,
    /// The number of casussen (pupils discussed by a kernteam), named or anonymous, open or closed.
    pub casussen: u32,
    /// The number of follow-up actions (actiepunten) that belong to a casus.
    pub actions: u32,
    /// The number of kernteam meetings in the store.
    pub meetings: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The shipped example document: the scenarios as of the reference day.
pub fn shipped_document() -> AppResult<Interchange> {
    serde_json::from_str(DEMO).map_err(|e| {
        AppError::new(ErrorCode::Internal, "De demo-gegevens zijn beschadigd.").caused_by(e)
    })
}

pub(crate) fn load(
    store: &mut Store,
    actor: &Actor,
    calendar: &HolidayCalendar,
    today: NaiveDate,
) -> AppResult<DemoSummary> {
    scenarios::into_store(store, actor, calendar, today)?;
    let doc = store.export_all()?;
    Ok(DemoSummary {
        schools: count(doc.schools.len()),
        casussen: count(doc.casussen.len()),
        actions: count(doc.casussen.iter().map(|c| c.actions.len()).sum()),
        meetings: count(doc.meetings.len()),
    })
}
