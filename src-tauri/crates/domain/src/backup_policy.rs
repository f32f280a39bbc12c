//! Which backups to keep, and when one is due: grandfather–father–son over the days of
//! Amsterdam, as a school's IT keeps its own.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::dates::amsterdam_date;

/// Daily backups kept: the newest of each of the last seven days that have one.
pub const DAILY: usize = 7;
/// Weekly backups kept: the newest of each of the last four ISO weeks that have one.
pub const WEEKLY: usize = 4;
/// Monthly backups kept: the newest of each of the last twelve months that have one.
pub const MONTHLY: usize = 12;
/// Days after which the last good backup is called old (the Vandaag screen says so).
pub const STALE_AFTER_DAYS: i64 = 7;

/// The period a day falls in, as a comparable key (year and day, week or month).
type PeriodOf = fn(NaiveDate) -> (i32, u32);

/// For backups taken at `taken` (any order), whether each is kept. The newest is always kept;
/// the rest by day, week and month, each the newest of its period.
pub fn keep(taken: &[DateTime<Utc>]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(taken[*i]));
    let mut kept = vec![false; taken.len()];
    if let Some(newest) = order.first() {
        kept[*newest] = true;
    }
    let days: Vec<NaiveDate> = taken.iter().map(|t| amsterdam_date(*t)).collect();
    let periods: [(usize, PeriodOf); 3] = [
        (DAILY, |d| (d.year(), d.ordinal())),
        (WEEKLY, |d| (d.iso_week().year(), d.iso_week().week())),
        (MONTHLY, |d| (d.year(), d.month())),
    ];
    for (count, period_of) in periods {
        let mut seen = HashSet::new();
        for &i in &order {
            if seen.len() == count {
                break;
            }
            // Newest first, so the first backup met in a period is that period's newest.
            if seen.insert(period_of(days[i])) {
                kept[i] = true;
            }
        }
    }
    kept
}

/// Whether a backup is due now: none yet, or none today (a backup a day while the app is used).
pub fn due(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|last| amsterdam_date(last) < amsterdam_date(now))
}

/// Whether the last good backup is too old to rely on (or there is none).
pub fn stale(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|last| {
        (amsterdam_date(now) - amsterdam_date(last)).num_days() > STALE_AFTER_DAYS
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() {
        let start = at(2026, 1, 1, 10);
        let taken: Vec<_> = (0..400).map(|n| start + Duration::days(n)).collect();
        let kept = keep(&taken);
        let kept_days: Vec<NaiveDate> = taken
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(t, _)| amsterdam_date(*t))
            .collect();
        // 7 days; the 4 weeks and 12 months overlap with them where a period's newest is one.
        assert!(kept_days.len() <= DAILY + WEEKLY + MONTHLY);
        assert!(kept_days.len() > MONTHLY);
        let newest = amsterdam_date(taken[399]);
        for back in 0..7 {
            assert!(
                kept_days.contains(&(newest - Duration::days(back))),
                "day -{back}"
            );
        }
        // Twelve distinct months are represented.
        let months: HashSet<(i32, u32)> = kept_days.iter().map(|d| (d.year(), d.month())).collect();
        assert_eq!(months.len(), MONTHLY);
        // Nothing older than twelve months back is kept.
        let oldest = kept_days.iter().min().expect("some kept");
        assert!(*oldest > newest - Duration::days(366));
    }

    #[test]
    fn several_backups_on_one_day_keep_that_days_newest() {
        let taken = [at(2026, 3, 2, 8), at(2026, 3, 2, 15), at(2026, 3, 2, 11)];
        assert_eq!(keep(&taken), vec![false, true, false]);
    }

    #[test]
    fn the_newest_is_kept_even_alone() {
        assert_eq!(keep(&[at(2026, 3, 2, 8)]), vec![true]);
        assert!(keep(&[]).is_empty());
    }

    #[test]
    fn days_are_amsterdam_days() {
        // 23:30 UTC on 1 July is 01:30 on 2 July in Amsterdam: the same day as the 09:00 one.
        let taken = [
            at(2026, 7, 1, 23) + Duration::minutes(30),
            at(2026, 7, 2, 9),
        ];
        assert_eq!(keep(&taken), vec![false, true]);
        assert!(!due(Some(taken[0]), taken[1]));
    }

    #[test]
    fn due_once_a_day_and_stale_after_a_week() {
        let now = at(2026, 5, 20, 9);
        assert!(due(None, now));
        assert!(due(Some(at(2026, 5, 19, 16)), now));
        assert!(!due(Some(at(2026, 5, 20, 7)), now));
        assert!(stale(None, now));
        assert!(!stale(Some(at(2026, 5, 13, 9)), now));
        assert!(stale(Some(at(2026, 5, 12, 9)), now));
    }
}
