//! The year schedule of a kernteam (docs/DOMAIN.md §3): every N weeks on a weekday at a time,
//! skipping school holidays, with single dates moved or cancelled.

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::Invalid;

/// "Every 3 weeks on Tuesday at 09:00 from 2 September to 14 July".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Recurrence {
    /// The rhythm: a meeting every this many weeks, 1 to 12.
    pub every_weeks: u32,
    /// 1 = Monday … 5 = Friday.
    pub weekday: u8,
    /// Local school time, `HH:MM`.
    pub time: String,
    /// The first day of the series, as ISO `YYYY-MM-DD`; the first meeting is the first chosen
    /// weekday on or after it.
    pub first_date: String,
    /// The last day a meeting may fall on, as ISO `YYYY-MM-DD`; not before `first_date` and at
    /// most 400 days after it.
    pub last_date: String,
    /// Where the meetings are held, or `None` when no place is given.
    pub location: Option<String>,
}

/// A change to one generated date: moved to another day (and time), or cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Exception {
    /// That date's meeting moves to another day, and possibly another time.
    #[serde(rename_all = "camelCase")]
    Moved {
        /// The date the recurrence gave, as ISO `YYYY-MM-DD`.
        original: String,
        /// The day the meeting moves to, as ISO `YYYY-MM-DD`.
        to: String,
        /// The new local start time, `HH:MM`, or `None` to keep the recurrence's time.
        time: Option<String>,
    },
    /// That date's meeting does not take place.
    #[serde(rename_all = "camelCase")]
    Cancelled {
        /// The date the recurrence gave, as ISO `YYYY-MM-DD`.
        original: String,
    },
}

/// One planned meeting of the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedDate {
    /// The meeting day, as ISO `YYYY-MM-DD` (the new day when moved).
    pub date: String,
    /// The local start time, `HH:MM`.
    pub time: String,
    /// The date the recurrence gave, when this one was moved.
    pub moved_from: Option<String>,
}

fn weekday_of(n: u8) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        _ => return None,
    })
}

/// `HH:MM` as hour and minute.
pub fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && text.trim().len() == 5).then_some((h, m))
}

impl Recurrence {
    /// Checks the recurrence and returns its first day, last day and weekday, or what to fix (in
    /// Dutch, naming the field).
    pub fn validate(&self) -> Result<(NaiveDate, NaiveDate, Weekday), Invalid> {
        if !(1..=12).contains(&self.every_weeks) {
            return Err(Invalid::new("everyWeeks", "Kies elke 1 tot 12 weken."));
        }
        let weekday = weekday_of(self.weekday).ok_or_else(|| {
            Invalid::new("weekday", "Kies een schooldag: maandag tot en met vrijdag.")
        })?;
        if parse_time(&self.time).is_none() {
            return Err(Invalid::new(
                "time",
                "Vul de tijd in als uu:mm, bijvoorbeeld 09:00.",
            ));
        }
        let first = crate::dates::parse_iso(&self.first_date)
            .ok_or_else(|| Invalid::new("firstDate", "Kies de eerste datum."))?;
        let last = crate::dates::parse_iso(&self.last_date)
            .ok_or_else(|| Invalid::new("lastDate", "Kies de laatste datum."))?;
        if last < first {
            return Err(Invalid::new(
                "lastDate",
                "De laatste datum ligt vóór de eerste.",
            ));
        }
        if last - first > Duration::days(400) {
            return Err(Invalid::new(
                "lastDate",
                "Plan hooguit één schooljaar vooruit.",
            ));
        }
        Ok((first, last, weekday))
    }

    /// The dates: from the first weekday on or after `first_date`, every N weeks; a date in a
    /// holiday is skipped (the rhythm goes on from where it would have been); exceptions apply.
    pub fn dates(
        &self,
        is_holiday: impl Fn(NaiveDate) -> bool,
        exceptions: &[Exception],
    ) -> Result<Vec<PlannedDate>, Invalid> {
        let (first, last, weekday) = self.validate()?;
        let mut day = first;
        while day.weekday() != weekday {
            day += Duration::days(1);
        }
        let mut out = Vec::new();
        while day <= last {
            if !is_holiday(day) {
                let iso = day.to_string();
                let exception = exceptions.iter().find(|e| match e {
                    Exception::Moved { original, .. } | Exception::Cancelled { original } => {
                        *original == iso
                    }
                });
                match exception {
                    Some(Exception::Cancelled { .. }) => {}
                    Some(Exception::Moved { to, time, .. }) => out.push(PlannedDate {
                        date: to.clone(),
                        time: time.clone().unwrap_or_else(|| self.time.clone()),
                        moved_from: Some(iso),
                    }),
                    None => out.push(PlannedDate {
                        date: iso,
                        time: self.time.clone(),
                        moved_from: None,
                    }),
                }
            }
            day += Duration::weeks(i64::from(self.every_weeks));
        }
        out.sort_by(|a, b| a.date.cmp(&b.date));
        Ok(out)
    }
}

/// Whether a single day falls in any holiday period of the region.
pub fn in_holiday(
    calendar: &crate::verzuim::HolidayCalendar,
    region: &str,
    day: NaiveDate,
) -> bool {
    calendar.periods(region).iter().any(|p| {
        match (
            crate::dates::parse_iso(&p.first_day),
            crate::dates::parse_iso(&p.last_day),
        ) {
            (Some(a), Some(b)) => a <= day && day <= b,
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every(weeks: u32) -> Recurrence {
        Recurrence {
            every_weeks: weeks,
            weekday: 2,
            time: "09:00".into(),
            first_date: "2025-09-01".into(),
            last_date: "2025-12-31".into(),
            location: None,
        }
    }

    fn calendar() -> crate::verzuim::HolidayCalendar {
        serde_json::from_str(include_str!(
            "../../../../assets/holidays/schoolvakanties.json"
        ))
        .expect("shipped holidays")
    }

    #[test]
    fn every_three_weeks_on_tuesday_skipping_the_holidays_of_the_north() {
        let cal = calendar();
        let dates: Vec<String> = every(3)
            .dates(|d| in_holiday(&cal, "noord", d), &[])
            .expect("dates")
            .into_iter()
            .map(|p| p.date)
            .collect();
        // 2 Sep, 23 Sep, 14 Oct, [4 Nov], 25 Nov, 16 Dec; 21 Oct is herfstvakantie but not on the rhythm.
        assert_eq!(
            dates,
            [
                "2025-09-02",
                "2025-09-23",
                "2025-10-14",
                "2025-11-04",
                "2025-11-25",
                "2025-12-16"
            ]
        );
        let weekly: Vec<String> = every(1)
            .dates(|d| in_holiday(&cal, "noord", d), &[])
            .expect("dates")
            .into_iter()
            .map(|p| p.date)
            .collect();
        assert!(
            !weekly.contains(&"2025-10-21".to_owned()),
            "herfstvakantie noord skipped"
        );
        assert!(
            !weekly.contains(&"2025-12-23".to_owned()),
            "kerstvakantie skipped"
        );
        assert!(!weekly.contains(&"2025-12-30".to_owned()));
        assert!(
            weekly.contains(&"2025-10-14".to_owned()),
            "zuid's holiday is not the north's"
        );
    }

    #[test]
    fn exceptions_move_or_cancel_one_date() {
        let moved = Exception::Moved {
            original: "2025-09-23".into(),
            to: "2025-09-25".into(),
            time: Some("13:30".into()),
        };
        let cancelled = Exception::Cancelled {
            original: "2025-10-14".into(),
        };
        let dates = every(3)
            .dates(|_| false, &[moved, cancelled])
            .expect("dates");
        assert_eq!(
            dates[1],
            PlannedDate {
                date: "2025-09-25".into(),
                time: "13:30".into(),
                moved_from: Some("2025-09-23".into())
            }
        );
        assert!(dates.iter().all(|d| d.date != "2025-10-14"), "cancelled");
    }

    #[test]
    fn bad_recurrences_get_a_dutch_message() {
        let cases = [
            (
                Recurrence {
                    every_weeks: 0,
                    ..every(3)
                },
                "everyWeeks",
            ),
            (
                Recurrence {
                    weekday: 6,
                    ..every(3)
                },
                "weekday",
            ),
            (
                Recurrence {
                    time: "9u".into(),
                    ..every(3)
                },
                "time",
            ),
            (
                Recurrence {
                    last_date: "2025-08-01".into(),
                    ..every(3)
                },
                "lastDate",
            ),
            (
                Recurrence {
                    last_date: "2027-08-01".into(),
                    ..every(3)
                },
                "lastDate",
            ),
        ];
        for (r, field) in cases {
            assert_eq!(r.validate().err().map(|e| e.field), Some(field));
        }
        assert_eq!(parse_time("09:00"), Some((9, 0)));
        assert_eq!(parse_time("24:00"), None);
    }
}
