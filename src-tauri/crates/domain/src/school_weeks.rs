//! School weeks of one holiday region, and moving dates from one stretch of school weeks onto
//! another. The demo is written as of one reference day; placed on any other day it keeps
//! what its dates mean: the third school week before the reference week becomes the third
//! school week before the new one, so a holiday never holds lessons and "16 hours in 4
//! consecutive school weeks" stays true wherever the holidays fall that year.

use chrono::{Duration, NaiveDate};

use crate::verzuim::{HolidayCalendar, monday_of};

/// More than any span the demo or a school year needs; a walk that long falls back to days.
const MAX_WEEKS: i64 = 260;

/// The holiday periods of one region, read once.
#[derive(Debug, Clone)]
pub struct SchoolWeeks {
    periods: Vec<(NaiveDate, NaiveDate)>,
}

impl SchoolWeeks {
    /// The school weeks of `region`, from its holiday periods in `calendar`; a period whose
    /// dates do not parse is skipped.
    pub fn of(calendar: &HolidayCalendar, region: &str) -> Self {
        Self {
            periods: calendar
                .periods(region)
                .iter()
                .filter_map(|p| {
                    Some((
                        crate::dates::parse_iso(&p.first_day)?,
                        crate::dates::parse_iso(&p.last_day)?,
                    ))
                })
                .collect(),
        }
    }

    /// Whether `day` falls in a holiday of the region.
    pub fn in_holiday(&self, day: NaiveDate) -> bool {
        self.periods.iter().any(|(a, b)| *a <= day && day <= *b)
    }

    /// A school week has at least one school day (Monday to Friday outside the holidays); the
    /// same rule as `HolidayCalendar::is_holiday_week`.
    pub fn is_school_week(&self, day: NaiveDate) -> bool {
        let monday = monday_of(day);
        (0..5).any(|d| !self.in_holiday(monday + Duration::days(d)))
    }

    /// The Monday `n` school weeks after (or, negative, before) the school week of `from`.
    /// `None` when the walk would leave any sensible range.
    pub fn step(&self, from: NaiveDate, n: i64) -> Option<NaiveDate> {
        let mut monday = monday_of(from);
        let direction = if n < 0 { -1 } else { 1 };
        let mut left = n.abs();
        let mut walked = 0;
        while left > 0 {
            monday += Duration::weeks(direction);
            walked += 1;
            if walked > MAX_WEEKS {
                return None;
            }
            if self.is_school_week(monday) {
                left -= 1;
            }
        }
        Some(monday)
    }

    /// School weeks from the week of `from` to the week of `to` (negative when `to` is
    /// earlier); both must be school weeks for the count to mean anything.
    pub fn count(&self, from: NaiveDate, to: NaiveDate) -> Option<i64> {
        let (a, b) = (monday_of(from), monday_of(to));
        let direction = if b < a { -1 } else { 1 };
        let mut monday = a;
        let mut n = 0;
        let mut walked = 0;
        while monday != b {
            monday += Duration::weeks(direction);
            walked += 1;
            if walked > MAX_WEEKS {
                return None;
            }
            if self.is_school_week(monday) {
                n += direction;
            }
        }
        Some(n)
    }

    /// The school weeks (Mondays) before the week of `day`, nearest first.
    pub fn weeks_before(&self, day: NaiveDate, how_many: usize) -> Vec<NaiveDate> {
        (1..=how_many)
            .filter_map(|i| self.step(day, -i64::try_from(i).unwrap_or(i64::MAX)))
            .collect()
    }

    /// The latest school-week Monday whose `weekday_offset`-th day is on or before `day`.
    pub fn latest_school_week_until(&self, day: NaiveDate, weekday_offset: i64) -> NaiveDate {
        let mut monday = monday_of(day);
        for _ in 0..MAX_WEEKS {
            if self.is_school_week(monday) && monday + Duration::days(weekday_offset) <= day {
                return monday;
            }
            monday -= Duration::weeks(1);
        }
        monday_of(day)
    }
}

/// Moves dates so that the school week of `from` becomes the school week of `to`, counting
/// school weeks in `source` before and `target` after (the same region in two school years).
#[derive(Debug, Clone)]
pub struct SchoolWeekShift {
    source: SchoolWeeks,
    target: SchoolWeeks,
    from: NaiveDate,
    to: NaiveDate,
}

impl SchoolWeekShift {
    /// The shift that puts `reference` (a school day) on the same weekday in the latest school
    /// week that has that weekday on or before `today`.
    pub fn onto(weeks: &SchoolWeeks, reference: NaiveDate, today: NaiveDate) -> Self {
        let offset = reference - monday_of(reference);
        let to = weeks.latest_school_week_until(today, offset.num_days());
        Self {
            source: weeks.clone(),
            target: weeks.clone(),
            from: monday_of(reference),
            to,
        }
    }

    /// The school weeks of the calendar the dates move onto.
    pub fn target(&self) -> &SchoolWeeks {
        &self.target
    }

    /// Where `reference` itself lands.
    pub fn moved_reference(&self, reference: NaiveDate) -> NaiveDate {
        self.to + (reference - monday_of(reference))
    }

    /// Whole days the reference week moved: for dates that are not school dates (a birthday).
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days()
    }

    /// Like [`Self::date`] for what happens at school (a meeting): a day in a holiday moves to
    /// the same weekday of the first school week after that holiday.
    pub fn school_day(&self, day: NaiveDate) -> NaiveDate {
        let monday = monday_of(day);
        if self.source.is_school_week(monday) {
            return self.date(day);
        }
        match self.source.step(monday, 1) {
            Some(next) => self.date(next + (day - monday)),
            None => self.date(day),
        }
    }

    /// A date in the same position among the target's school weeks, same weekday. A date in a
    /// holiday keeps its distance from the school week before it, but never passes the next one.
    pub fn date(&self, day: NaiveDate) -> NaiveDate {
        let by_days = day + Duration::days(self.days());
        let monday = monday_of(day);
        let weekday = day - monday;
        if self.source.is_school_week(monday) {
            return self
                .source
                .count(self.from, monday)
                .and_then(|k| self.target.step(self.to, k))
                .map_or(by_days, |m| m + weekday);
        }
        let Some(before) = self.source.step(monday, -1) else {
            return by_days;
        };
        let into_holiday = day - before;
        let placed = self.source.count(self.from, before).and_then(|k| {
            Some((
                self.target.step(self.to, k)?,
                self.target.step(self.to, k + 1)?,
            ))
        });
        match placed {
            Some((school_week, next_school_week)) => {
                (school_week + into_holiday).min(next_school_week - Duration::days(1))
            }
            None => by_days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn noord() -> SchoolWeeks {
        let calendar: HolidayCalendar = serde_json::from_str(include_str!(
            "../../../../assets/holidays/schoolvakanties.json"
        ))
        .expect("shipped calendar");
        SchoolWeeks::of(&calendar, "noord")
    }

    #[test]
    fn school_weeks_skip_the_holidays_both_ways() {
        let weeks = noord();
        assert!(
            !weeks.is_school_week(date!(2026 - 10 - 12)),
            "herfstvakantie noord 2026"
        );
        assert_eq!(
            weeks.step(date!(2026 - 10 - 07), 1),
            Some(date!(2026 - 10 - 19)),
            "the school week after 5 Oct is the one after the holiday"
        );
        assert_eq!(
            weeks.step(date!(2026 - 10 - 21), -1),
            Some(date!(2026 - 10 - 05))
        );
        assert_eq!(
            weeks.count(date!(2026 - 10 - 05), date!(2026 - 10 - 19)),
            Some(1)
        );
        assert_eq!(
            weeks.count(date!(2026 - 10 - 19), date!(2026 - 10 - 05)),
            Some(-1)
        );
        assert_eq!(
            weeks.weeks_before(date!(2026 - 10 - 21), 2),
            vec![date!(2026 - 10 - 05), date!(2026 - 09 - 28)]
        );
    }

    #[test]
    fn a_shift_keeps_the_position_among_school_weeks() {
        let weeks = noord();
        // Reference: Tuesday 16 Dec 2025; placed on Thursday 1 Oct 2026 it is Tuesday 29 Sep.
        let shift = SchoolWeekShift::onto(&weeks, date!(2025 - 12 - 16), date!(2026 - 10 - 01));
        assert_eq!(
            shift.moved_reference(date!(2025 - 12 - 16)),
            date!(2026 - 09 - 29)
        );
        // 27 Oct 2025 (after the herfstvakantie) is 7 school weeks before 15 Dec 2025 …
        let moved = shift.date(date!(2025 - 10 - 27));
        assert_eq!(weeks.count(moved, date!(2026 - 09 - 28)), Some(7));
        assert!(weeks.is_school_week(moved));
        // … and the Christmas holiday lands between two school weeks of the target.
        let holiday = shift.date(date!(2025 - 12 - 24));
        assert!(holiday > date!(2026 - 10 - 02) && holiday < date!(2026 - 10 - 05));
        // A meeting the scenario put in a holiday moves to the school week after it.
        let meeting = shift.school_day(date!(2025 - 10 - 21));
        assert!(weeks.is_school_week(meeting), "{meeting}");
        assert_eq!(meeting, shift.date(date!(2025 - 10 - 28)));
        // On a holiday day itself the reference lands in the last school week before it.
        let in_holiday =
            SchoolWeekShift::onto(&weeks, date!(2025 - 12 - 16), date!(2026 - 10 - 14));
        assert_eq!(
            in_holiday.moved_reference(date!(2025 - 12 - 16)),
            date!(2026 - 10 - 06)
        );
    }
}
