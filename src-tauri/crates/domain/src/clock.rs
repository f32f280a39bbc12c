//! The one clock. Every "now" and "today" of Kernteam comes from here, so a test can say which
//! day it is and the same code behaves the same on any day of the year.
//!
//! By default the clock is the machine's. A thread may fix it (`fixed_at`) until the returned
//! guard is dropped: tests do so, and the demo generator does so to write each scenario event
//! on the day it happened. Per thread, so tests running side by side never see each other's day.

use std::cell::Cell;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};

thread_local! {
    static FIXED: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
}

/// The current instant, UTC.
pub fn now() -> DateTime<Utc> {
    FIXED.with(Cell::get).unwrap_or_else(machine_now)
}

#[allow(clippy::disallowed_methods)] // The one place that reads the machine's clock.
fn machine_now() -> DateTime<Utc> {
    Utc::now()
}

/// An instant as RFC 3339 UTC text (`2026-07-14T22:15:00Z`, with a fraction only when there is
/// one), the form the store keeps and the interchange file carries.
pub fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The current instant as RFC 3339 UTC text, the form the store keeps.
pub fn now_rfc3339() -> String {
    rfc3339(now())
}

/// Today in Europe/Amsterdam: the day a Dutch school lives in.
pub fn today() -> NaiveDate {
    crate::dates::amsterdam_date(now())
}

/// Holds the fixed time of this thread; dropping it restores what was before.
#[must_use = "the clock is only fixed while the guard lives"]
pub struct FixedClock {
    before: Option<DateTime<Utc>>,
}

impl Drop for FixedClock {
    fn drop(&mut self) {
        FIXED.with(|f| f.set(self.before));
    }
}

/// Fixes this thread's clock at `at` until the guard is dropped.
pub fn fixed_at(at: DateTime<Utc>) -> FixedClock {
    let before = FIXED.with(|f| f.replace(Some(at)));
    FixedClock { before }
}

/// Fixes this thread's clock at noon (Amsterdam, winter or summer: 11:00 UTC) on `day`.
pub fn fixed_on(day: NaiveDate) -> FixedClock {
    fixed_at(
        day.and_time(NaiveTime::from_hms_opt(11, 0, 0).unwrap_or(NaiveTime::MIN))
            .and_utc(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .to_utc()
    }

    #[test]
    fn a_fixed_clock_holds_until_its_guard_goes_and_nests() {
        let outer = fixed_on(date!(2028 - 02 - 29));
        assert_eq!(today(), date!(2028 - 02 - 29), "the fixed day is today");
        {
            let _inner = fixed_at(utc("2026-12-31T23:30:00Z"));
            assert_eq!(
                today(),
                date!(2027 - 01 - 01),
                "23:30 UTC on New Year's Eve is already next year in Amsterdam"
            );
        }
        assert_eq!(
            today(),
            date!(2028 - 02 - 29),
            "the inner guard restored the outer day"
        );
        let other = std::thread::spawn(|| {
            let _own = fixed_on(date!(2030 - 07 - 01));
            today()
        })
        .join()
        .expect("thread");
        assert_eq!(
            other,
            date!(2030 - 07 - 01),
            "another thread fixes its own day"
        );
        assert_eq!(
            today(),
            date!(2028 - 02 - 29),
            "and this thread does not see it"
        );
        drop(outer);
    }

    #[test]
    fn summer_time_moves_the_amsterdam_day_at_22_utc() {
        let _g = fixed_at(utc("2026-07-14T22:15:00Z"));
        assert_eq!(today(), date!(2026 - 07 - 15));
        assert_eq!(now_rfc3339(), "2026-07-14T22:15:00Z");
    }
}
