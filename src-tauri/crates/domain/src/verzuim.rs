//! The attendance rules the app helps with (docs/DOMAIN.md §4). The app only *shows* what the hours
//! entered by the school mean; it never reports to DUO itself.

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{Invalid, age_on};

/// The hours the school recorded for one school week (Monday as `week_start`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbsenceWeek {
    /// The Monday of the school week, as an ISO date (`YYYY-MM-DD`); another day is refused on
    /// entry and read as its week's Monday when counting.
    pub week_start: String,
    /// Hours of authorised (geoorloofd) absence that week, at most 40; PO counts clock hours, VO
    /// lesson hours. They do not count towards the meldplicht.
    pub authorised_hours: u32,
    /// Hours of unauthorised (ongeoorloofd) absence that week, at most 40, in the same unit; these
    /// count towards the meldplicht (16 hours within 4 school weeks).
    pub unauthorised_hours: u32,
}

/// One holiday period of a region, both days inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HolidayPeriod {
    /// The holiday as it is called, e.g. "Herfstvakantie"; never empty.
    pub name: String,
    /// First day of the holiday, as an ISO date (`YYYY-MM-DD`).
    pub first_day: String,
    /// Last day of the holiday, as an ISO date; not before `first_day`.
    pub last_day: String,
}

/// The school holidays per region ("noord", "midden", "zuid"), as shipped and as edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HolidayCalendar {
    /// Where the dates come from, as free text shown with the calendar (the shipped file cites the
    /// national advice and asks schools to check it).
    pub source: String,
    /// The holidays of each holiday region.
    pub regions: Vec<RegionHolidays>,
}

/// The school holidays of one holiday region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegionHolidays {
    /// The holiday region, e.g. "noord", "midden" or "zuid"; looked up ignoring case and
    /// surrounding spaces, never empty.
    pub region: String,
    /// The region's holiday periods, in any order.
    pub periods: Vec<HolidayPeriod>,
}

/// Unauthorised absence, in hours, within [`MELDPLICHT_WEEKS`] school weeks at which the school
/// must report to DUO (meldplicht: duty to report).
pub const MELDPLICHT_HOURS: u32 = 16;
/// How many consecutive school weeks (holiday weeks skipped) the meldplicht hours are counted over.
pub const MELDPLICHT_WEEKS: usize = 4;

/// Monday of the week `day` falls in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

impl HolidayCalendar {
    /// The holiday periods of `region` (case and surrounding spaces ignored); empty for a region
    /// the calendar does not know.
    pub fn periods(&self, region: &str) -> &[HolidayPeriod] {
        self.regions
            .iter()
            .find(|r| r.region.eq_ignore_ascii_case(region.trim()))
            .map(|r| r.periods.as_slice())
            .unwrap_or(&[])
    }

    /// A week is a holiday week when its school days (Monday to Friday) all fall in holidays.
    pub fn is_holiday_week(&self, region: &str, week_start: NaiveDate) -> bool {
        let monday = monday_of(week_start);
        let periods: Vec<(NaiveDate, NaiveDate)> = self
            .periods(region)
            .iter()
            .filter_map(|p| Some((parse(&p.first_day)?, parse(&p.last_day)?)))
            .collect();
        (0..5).all(|d| {
            let day = monday + Duration::days(d);
            periods.iter().any(|(a, b)| *a <= day && day <= *b)
        })
    }

    /// Refuses a calendar a school could not mean: unreadable dates, a period ending before it
    /// starts, a region without a name.
    pub fn validate(&self) -> Result<(), Invalid> {
        for region in &self.regions {
            if region.region.trim().is_empty() {
                return Err(Invalid::new("region", "Geef elke regio een naam."));
            }
            for p in &region.periods {
                let (Some(a), Some(b)) = (parse(&p.first_day), parse(&p.last_day)) else {
                    return Err(Invalid::new(
                        "holidays",
                        format!(
                            "De data van '{}' ({}) zijn niet te lezen.",
                            p.name, region.region
                        ),
                    ));
                };
                if b < a {
                    return Err(Invalid::new(
                        "holidays",
                        format!(
                            "'{}' ({}) eindigt vóór de eerste dag.",
                            p.name, region.region
                        ),
                    ));
                }
                if p.name.trim().is_empty() {
                    return Err(Invalid::new("holidays", "Geef elke vakantie een naam."));
                }
            }
        }
        Ok(())
    }
}

fn parse(text: &str) -> Option<NaiveDate> {
    crate::dates::parse_iso(text)
}

/// When "meldplicht bereikt": the first school week in which the unauthorised hours of that week
/// and the three school weeks before it (holiday weeks skipped, missing weeks count as 0) reach
/// 16. Returns that week's Monday.
pub fn meldplicht_reached(
    weeks: &[AbsenceWeek],
    is_holiday: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    let mut known: Vec<(NaiveDate, u32)> = weeks
        .iter()
        .filter_map(|w| Some((monday_of(parse(&w.week_start)?), w.unauthorised_hours)))
        .collect();
    known.sort_by_key(|(d, _)| *d);
    let hours_in = |monday: NaiveDate| -> u32 {
        known
            .iter()
            .filter(|(d, _)| *d == monday)
            .map(|(_, h)| *h)
            .sum()
    };
    for (monday, _) in &known {
        if is_holiday(*monday) {
            continue;
        }
        let mut window = Vec::with_capacity(MELDPLICHT_WEEKS);
        let mut cursor = *monday;
        // A school year never has more than a few holiday weeks in a row; 12 is plenty.
        for _ in 0..(MELDPLICHT_WEEKS + 12) {
            if window.len() == MELDPLICHT_WEEKS {
                break;
            }
            if !is_holiday(cursor) {
                window.push(cursor);
            }
            cursor -= Duration::weeks(1);
        }
        let total: u32 = window.iter().map(|w| hours_in(*w)).sum();
        if total >= MELDPLICHT_HOURS {
            return Some(*monday);
        }
    }
    None
}

/// Latest day to report to DUO: within 5 working days after the week the threshold was reached.
pub fn duo_deadline(reached_week: NaiveDate) -> NaiveDate {
    let mut day = monday_of(reached_week) + Duration::days(4);
    let mut working = 0;
    while working < 5 {
        day += Duration::days(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            working += 1;
        }
    }
    day
}

/// Whether sick-reported pupils count as thuiszitter: regions differ, so it is a setting and
/// every monitor export says which one was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ThuiszitterDefinition {
    /// Only absence without a valid reason counts (the national definition).
    ZonderZiekte,
    /// Sick-reported pupils who are out of school count too.
    InclusiefZiekte,
}

impl ThuiszitterDefinition {
    /// The stable code the setting is stored under.
    pub fn code(self) -> &'static str {
        match self {
            Self::ZonderZiekte => "zonder_ziekte",
            Self::InclusiefZiekte => "inclusief_ziekte",
        }
    }
    /// The definition a stored code stands for; `None` for an unknown code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "zonder_ziekte" => Some(Self::ZonderZiekte),
            "inclusief_ziekte" => Some(Self::InclusiefZiekte),
            _ => None,
        }
    }
    /// The definition in Dutch words, e.g. "zonder ziekgemelde leerlingen".
    pub fn label(self) -> &'static str {
        match self {
            Self::ZonderZiekte => "zonder ziekgemelde leerlingen",
            Self::InclusiefZiekte => "inclusief ziekgemelde leerlingen",
        }
    }
}

/// What the school entered about a pupil being out of school.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AttendanceFacts {
    /// First day not at school (ISO date); `None` while the pupil attends.
    pub absent_since: Option<String>,
    /// The pupil is reported sick (counts only under `InclusiefZiekte`).
    pub reported_sick: bool,
    /// The day the school reported to DUO, as entered by the school.
    pub duo_reported_on: Option<String>,
    /// Vrijstelling 5a (physical/psychological grounds): start day; valid one year.
    pub exemption_5a_from: Option<String>,
}

/// How long a pupil of compulsory school age has been out of school without an exemption
/// (thuiszitter: a pupil sitting at home), in the bands of docs/DOMAIN.md §4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "band", rename_all = "camelCase")]
pub enum ThuiszitterBand {
    /// Not a thuiszitter on the day asked: attending, out for less than 4 weeks, under 5 or 18 and
    /// older, under an active 5a exemption, or reported sick where sickness does not count.
    Geen,
    /// 4 weeks up to 3 months out of school: put on the agenda.
    VierWekenTotDrieMaanden {
        /// The day this band began (4 weeks after the first day out), as an ISO date.
        since: NaiveDate,
        /// The last day of this band (the day before 3 months out), as an ISO date.
        until: NaiveDate,
    },
    /// More than 3 months: suggest the SWV thuiszittersoverleg.
    LangerDanDrieMaanden {
        /// The day 3 months out were reached, as an ISO date.
        since: NaiveDate,
    },
}

/// A reminder date with what to do then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// The day the reminder is due, as an ISO date.
    pub on: NaiveDate,
    /// What to do then, in Dutch, as shown to the user.
    pub text: String,
    /// The same as a code, for the UI to word in another language.
    pub what: crate::ReminderWhat,
}

impl Reminder {
    fn on(day: NaiveDate, what: crate::ReminderWhat) -> Self {
        Self {
            on: day,
            text: what.dutch(),
            what,
        }
    }
}

/// The same calendar day `months` later (the last day of a shorter month otherwise).
pub fn add_months(day: NaiveDate, months: u8) -> NaiveDate {
    let first_of_month = day.with_day(1).unwrap_or(day);
    let Some(target) = first_of_month.checked_add_months(chrono::Months::new(u32::from(months)))
    else {
        return day;
    };
    (1..=day.day())
        .rev()
        .find_map(|d| target.with_day(d))
        .unwrap_or(target)
}

/// Vrijstelling 5a is valid for one year from its start.
pub fn exemption_5a_until(from: NaiveDate) -> NaiveDate {
    add_months(from, 12) - Duration::days(1)
}

/// Whether a vrijstelling 5a (exemption on physical or psychological grounds) that starts on `from`
/// applies on `on`: from its first day for one year.
pub fn exemption_5a_active(from: NaiveDate, on: NaiveDate) -> bool {
    from <= on && on <= exemption_5a_until(from)
}

/// Thuiszitter: of compulsory school age (5 up to 18, leerplicht and kwalificatieplicht),
/// four weeks or longer not at school without an exemption. Calendar time, holidays included.
pub fn thuiszitter_band(
    birth: Option<NaiveDate>,
    facts: &AttendanceFacts,
    definition: ThuiszitterDefinition,
    today: NaiveDate,
) -> ThuiszitterBand {
    let Some(since) = facts.absent_since.as_deref().and_then(parse) else {
        return ThuiszitterBand::Geen;
    };
    if facts.reported_sick && definition == ThuiszitterDefinition::ZonderZiekte {
        return ThuiszitterBand::Geen;
    }
    if birth.is_some_and(|b| !(5..18).contains(&age_on(b, today))) {
        return ThuiszitterBand::Geen;
    }
    if facts
        .exemption_5a_from
        .as_deref()
        .and_then(parse)
        .is_some_and(|f| exemption_5a_active(f, today))
    {
        return ThuiszitterBand::Geen;
    }
    let from = since + Duration::weeks(4);
    let long_from = add_months(since, 3);
    if today >= long_from {
        ThuiszitterBand::LangerDanDrieMaanden { since: long_from }
    } else if today >= from {
        ThuiszitterBand::VierWekenTotDrieMaanden {
            since: from,
            until: long_from - Duration::days(1),
        }
    } else {
        ThuiszitterBand::Geen
    }
}

/// The two reminders of docs/DOMAIN.md §4, from the first day out of school.
pub fn thuiszitter_reminders(absent_since: NaiveDate) -> [Reminder; 2] {
    [
        Reminder::on(
            absent_since + Duration::weeks(4),
            crate::ReminderWhat::HomeFourWeeks,
        ),
        Reminder::on(
            add_months(absent_since, 3),
            crate::ReminderWhat::HomeThreeMonths,
        ),
    ]
}

/// Checks what the school enters: dates readable, not in the future, DUO not before absence.
pub fn validate_facts(facts: &AttendanceFacts, today: NaiveDate) -> Result<(), Invalid> {
    let check = |field: &'static str, label: &str, v: &Option<String>| -> Result<(), Invalid> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(()),
            Some(text) => match parse(text) {
                None => Err(Invalid::new(
                    field,
                    format!("{label} is geen geldige datum."),
                )),
                Some(d) if d > today => Err(Invalid::new(
                    field,
                    format!("{label} ligt in de toekomst: controleer de datum."),
                )),
                Some(_) => Ok(()),
            },
        }
    };
    check("absentSince", "De eerste dag thuis", &facts.absent_since)?;
    check(
        "duoReportedOn",
        "De datum van de DUO-melding",
        &facts.duo_reported_on,
    )?;
    check(
        "exemption5aFrom",
        "De ingangsdatum van de vrijstelling",
        &facts.exemption_5a_from,
    )?;
    Ok(())
}

/// Checks weekly hours: a readable Monday, at most 40 hours per kind in a week.
pub fn validate_week(week: &AbsenceWeek) -> Result<(), Invalid> {
    let Some(day) = parse(&week.week_start) else {
        return Err(Invalid::new("weekStart", "Kies de week (maandag)."));
    };
    if day.weekday() != Weekday::Mon {
        return Err(Invalid::new(
            "weekStart",
            "Een schoolweek begint op maandag: kies de maandag van de week.",
        ));
    }
    if week.authorised_hours > 40 || week.unauthorised_hours > 40 {
        return Err(Invalid::new(
            "hours",
            "Meer dan 40 uur in één week kan niet: controleer de uren.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn week(start: &str, unauthorised: u32) -> AbsenceWeek {
        AbsenceWeek {
            week_start: start.into(),
            authorised_hours: 0,
            unauthorised_hours: unauthorised,
        }
    }

    fn calendar() -> HolidayCalendar {
        HolidayCalendar {
            source: "test".into(),
            regions: vec![RegionHolidays {
                region: "noord".into(),
                periods: vec![HolidayPeriod {
                    name: "Herfstvakantie".into(),
                    first_day: "2025-10-18".into(),
                    last_day: "2025-10-26".into(),
                }],
            }],
        }
    }

    #[test]
    fn s05_reaches_meldplicht_with_the_holiday_week_skipped() {
        let cal = calendar();
        let weeks = [
            week("2025-10-06", 6),
            week("2025-10-13", 5),
            week("2025-10-20", 0),
            week("2025-10-27", 5),
        ];
        let reached = meldplicht_reached(&weeks, |d| cal.is_holiday_week("noord", d));
        assert_eq!(
            reached,
            Some(date!(2025 - 10 - 27)),
            "6+5+5 = 16 over three school weeks and the week before, herfstvakantie not counted"
        );
        // Hours typed into a holiday week are not school hours: 6 + 5 + 5 with the 5 in the
        // herfstvakantie stays below 16.
        let in_holiday = [
            week("2025-10-13", 6),
            week("2025-10-20", 5),
            week("2025-11-03", 5),
        ];
        assert_eq!(
            meldplicht_reached(&in_holiday, |d| cal.is_holiday_week("noord", d)),
            None,
            "a holiday week never counts"
        );
    }

    #[test]
    fn meldplicht_boundaries() {
        let none = |_: NaiveDate| false;
        type Case<'a> = (&'a [(&'a str, u32)], Option<NaiveDate>, &'a str);
        let cases: &[Case<'_>] = &[
            (
                &[("2025-09-01", 15)],
                None,
                "15 hours is below the threshold",
            ),
            (
                &[("2025-09-01", 16)],
                Some(date!(2025 - 09 - 01)),
                "16 in one week is enough",
            ),
            (
                &[("2025-09-01", 8), ("2025-09-29", 8)],
                None,
                "five weeks apart is not within four school weeks",
            ),
            (
                &[("2025-09-01", 8), ("2025-09-22", 8)],
                Some(date!(2025 - 09 - 22)),
                "first and fourth week count together",
            ),
            (
                &[("2025-09-03", 10), ("2025-09-10", 6)],
                Some(date!(2025 - 09 - 08)),
                "a mid-week date is read as its Monday",
            ),
        ];
        for (weeks, expected, why) in cases {
            let weeks: Vec<AbsenceWeek> = weeks.iter().map(|(d, h)| week(d, *h)).collect();
            assert_eq!(meldplicht_reached(&weeks, none), *expected, "{why}");
        }
    }

    #[test]
    fn duo_deadline_is_five_working_days_after_the_week() {
        assert_eq!(duo_deadline(date!(2025 - 10 - 27)), date!(2025 - 11 - 07));
    }

    #[test]
    fn s06_thuiszitter_bands_and_reminders() {
        let facts = AttendanceFacts {
            absent_since: Some("2025-08-25".into()),
            ..AttendanceFacts::default()
        };
        let birth = Some(date!(2010 - 06 - 18));
        let band =
            |today| thuiszitter_band(birth, &facts, ThuiszitterDefinition::ZonderZiekte, today);
        assert_eq!(
            band(date!(2025 - 09 - 21)),
            ThuiszitterBand::Geen,
            "day 27: not yet"
        );
        let short = ThuiszitterBand::VierWekenTotDrieMaanden {
            since: date!(2025 - 09 - 22),
            until: date!(2025 - 11 - 24),
        };
        assert_eq!(band(date!(2025 - 09 - 22)), short, "four weeks to the day");
        assert_eq!(band(date!(2025 - 11 - 24)), short, "last day of the band");
        assert_eq!(
            band(date!(2025 - 11 - 25)),
            ThuiszitterBand::LangerDanDrieMaanden {
                since: date!(2025 - 11 - 25)
            },
            "three months after 25 August"
        );
        let [four, three] = thuiszitter_reminders(date!(2025 - 08 - 25));
        assert_eq!(
            (four.on, three.on),
            (date!(2025 - 09 - 22), date!(2025 - 11 - 25))
        );
    }

    #[test]
    fn thuiszitter_exclusions() {
        let today = date!(2026 - 01 - 10);
        let base = AttendanceFacts {
            absent_since: Some("2025-10-01".into()),
            ..AttendanceFacts::default()
        };
        let birth = Some(date!(2012 - 01 - 01));
        let sick = AttendanceFacts {
            reported_sick: true,
            ..base.clone()
        };
        assert_eq!(
            thuiszitter_band(birth, &sick, ThuiszitterDefinition::ZonderZiekte, today),
            ThuiszitterBand::Geen,
            "sick pupils do not count under the national definition"
        );
        assert!(
            matches!(
                thuiszitter_band(birth, &sick, ThuiszitterDefinition::InclusiefZiekte, today),
                ThuiszitterBand::LangerDanDrieMaanden { .. }
            ),
            "they do where the region counts them"
        );
        let exempt = AttendanceFacts {
            exemption_5a_from: Some("2025-11-01".into()),
            ..base.clone()
        };
        assert_eq!(
            thuiszitter_band(birth, &exempt, ThuiszitterDefinition::ZonderZiekte, today),
            ThuiszitterBand::Geen,
            "an active 5a exemption is not thuiszitten"
        );
        let expired = AttendanceFacts {
            exemption_5a_from: Some("2024-11-01".into()),
            ..base.clone()
        };
        assert!(
            matches!(
                thuiszitter_band(birth, &expired, ThuiszitterDefinition::ZonderZiekte, today),
                ThuiszitterBand::LangerDanDrieMaanden { .. }
            ),
            "a 5a exemption lasts one year"
        );
        assert_eq!(
            thuiszitter_band(
                Some(date!(2007 - 01 - 01)),
                &base,
                ThuiszitterDefinition::ZonderZiekte,
                today
            ),
            ThuiszitterBand::Geen,
            "18 and older is no longer of compulsory school age"
        );
    }

    #[test]
    fn exemption_and_month_arithmetic() {
        assert_eq!(
            exemption_5a_until(date!(2025 - 09 - 01)),
            date!(2026 - 08 - 31)
        );
        assert_eq!(add_months(date!(2025 - 11 - 30), 3), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2025 - 12 - 15), 1), date!(2026 - 01 - 15));
    }

    #[test]
    fn bad_input_gets_a_dutch_message() {
        let today = date!(2025 - 11 - 01);
        let future = AttendanceFacts {
            absent_since: Some("2026-01-01".into()),
            ..AttendanceFacts::default()
        };
        let err = validate_facts(&future, today).expect_err("future date refused");
        assert!(err.message.contains("toekomst"), "{}", err.message);
        assert!(
            validate_week(&week("2025-10-08", 2)).is_err(),
            "a Wednesday is not a week start"
        );
        assert!(
            validate_week(&week("2025-10-06", 41)).is_err(),
            "41 hours in a week"
        );
        assert!(validate_week(&week("2025-10-06", 40)).is_ok());
        let mut cal = calendar();
        cal.regions[0].periods[0].last_day = "2025-10-01".into();
        assert!(cal.validate().is_err(), "a period ending before it starts");
    }

    #[test]
    fn shipped_holiday_data_reads_and_marks_herfstvakantie() {
        let cal: HolidayCalendar = serde_json::from_str(include_str!(
            "../../../../assets/holidays/schoolvakanties.json"
        ))
        .expect("shipped holiday data is valid JSON of the calendar shape");
        cal.validate()
            .expect("shipped holiday data passes validation");
        for region in ["noord", "midden", "zuid"] {
            assert!(
                cal.periods(region).len() >= 10,
                "{region}: both school years have five holidays each"
            );
        }
        assert!(cal.is_holiday_week("noord", date!(2025 - 10 - 20)));
        assert!(!cal.is_holiday_week("zuid", date!(2025 - 10 - 20)));
        assert!(cal.is_holiday_week("zuid", date!(2025 - 10 - 13)));
        assert!(cal.is_holiday_week("midden", date!(2025 - 12 - 29)));
        assert!(!cal.is_holiday_week("midden", date!(2025 - 12 - 15)));
    }
}
