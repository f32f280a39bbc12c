use super::*;
use chrono::NaiveDate;

/// A new absence snapshot as the school enters it on the verzuim (absence) tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbsenceInput {
    /// The casus the snapshot belongs to.
    pub casus_id: CasusId,
    /// At which moment of the casus it is taken: intake, a review or closure.
    pub moment: SnapshotMoment,
    /// The day it was taken, ISO date; today or earlier.
    pub taken_on: String,
    /// Absence hours per school week (each starting on a Monday, at most 40 hours); at least one.
    pub weeks: Vec<AbsenceWeek>,
}

/// Absence hours per school week as recorded at one moment of the casus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AbsenceSnapshot {
    /// At which moment of the casus it was taken: intake, a review or closure.
    pub moment: SnapshotMoment,
    /// The day it was taken, ISO date.
    pub taken_on: NaiveDate,
    /// The hours per school week as entered.
    pub weeks: Vec<AbsenceWeek>,
}

/// The verzuim helper of one casus: what the entered hours and facts mean today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerzuimView {
    /// Every absence snapshot of the casus, oldest first.
    pub snapshots: Vec<AbsenceSnapshot>,
    /// Every week entered (latest snapshot wins), oldest first, with holiday weeks marked.
    pub weeks: Vec<AbsenceWeekView>,
    /// "lesuren" in VO, "klokuren" in PO.
    pub hour_unit: HourUnit,
    /// The school's holiday region (noord, midden or zuid) whose holiday weeks are marked.
    pub holiday_region: HolidayRegion,
    /// Monday of the week the 16-hour threshold was reached.
    pub meldplicht_week: Option<NaiveDate>,
    /// The last day to report to DUO: 5 working days after the meldplicht week; `None` before.
    pub duo_deadline: Option<NaiveDate>,
    /// What the school entered: absent since, reported sick, reported to DUO, 5a exemption.
    pub facts: AttendanceFacts,
    /// The thuiszitter band today (thuiszitter: of school age, out of school 4 weeks or more
    /// without exemption).
    pub band: ThuiszitterBand,
    /// Thuiszitter reminders at 4 weeks and 3 months from the first day absent; empty if unknown.
    pub reminders: Vec<Reminder>,
    /// The region's thuiszitter definition the band uses (whether sick-reported pupils count).
    pub definition: ThuiszitterDefinition,
    /// The last day of the vrijstelling 5a (one-year exemption on physical or psychological
    /// grounds); `None` without one.
    pub exemption_5a_until: Option<NaiveDate>,
}

/// One school week of absence as the verzuim helper shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AbsenceWeekView {
    /// The Monday of the school week, ISO date.
    pub week_start: NaiveDate,
    /// Authorised (geoorloofd) absence that week, in the view's `hour_unit`.
    pub authorised_hours: u32,
    /// Unauthorised absence that week, in `hour_unit`; these count toward the meldplicht.
    pub unauthorised_hours: u32,
    /// A school holiday week of the school's region; it does not count toward the meldplicht.
    pub holiday: bool,
}

/// The attendance facts of one casus as the school saves them; they replace the earlier ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceInput {
    /// The casus the facts are about.
    pub casus_id: CasusId,
    /// The facts; a blank date is stored as `None`.
    pub facts: AttendanceFacts,
}
