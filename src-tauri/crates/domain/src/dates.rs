//! Dates as Dutch readers expect them, for text that Rust writes (timelines, exports), and the
//! Europe/Amsterdam wall clock by the IANA rules (chrono-tz), not rules of our own.

use chrono::{DateTime, Datelike as _, NaiveDate, TimeZone as _, Timelike as _, Utc};
use chrono_tz::Europe::Amsterdam;

const DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// `di 14 okt 2025`, the same form the UI uses.
pub fn dutch_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        DAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// Parses an ISO date (`2025-10-14`).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Every ISO date inside a text written as `di 14 okt 2025`.
pub fn dutch_dates_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let candidate = rest.get(..10).filter(|c| {
            c.as_bytes()[4] == b'-'
                && c.as_bytes()[7] == b'-'
                && !rest[10..].starts_with(|ch: char| ch.is_ascii_digit())
        });
        match candidate.and_then(parse_iso) {
            Some(date) => {
                out.push_str(&dutch_date(date));
                rest = &rest[10..];
            }
            None => {
                let digits = rest
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
                out.push_str(&rest[..digits.max(1)]);
                rest = &rest[digits.max(1)..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A wall-clock time in Europe/Amsterdam as a UTC instant. In the hour skipped when summer
/// time starts the time is read as the instant after the switch; in the hour that repeats when
/// it ends, as the first of the two.
pub fn amsterdam_instant(date: NaiveDate, hour: u8, minute: u8) -> Option<DateTime<Utc>> {
    let local = date.and_hms_opt(u32::from(hour), u32::from(minute), 0)?;
    let resolved = match Amsterdam.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => Some(t),
        chrono::LocalResult::None => Amsterdam
            .from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest(),
    };
    resolved.map(|t| t.to_utc())
}

/// [`amsterdam_instant`] as RFC 3339 text (`2026-03-29T07:00:00Z`), the form the store keeps,
/// written by the clock's one formatter for instants.
pub fn amsterdam_to_utc(date: NaiveDate, hour: u8, minute: u8) -> String {
    amsterdam_instant(date, hour, minute)
        .map_or_else(|| format!("{date}T00:00:00Z"), crate::clock::rfc3339)
}

/// The day it is in Amsterdam at a UTC instant (a school's "today").
pub fn amsterdam_date(utc: DateTime<Utc>) -> NaiveDate {
    utc.with_timezone(&Amsterdam).date_naive()
}

/// A UTC instant as Amsterdam wall-clock text: `di 24 nov 2026, 09:00`.
pub fn dutch_instant(utc: DateTime<Utc>) -> String {
    let local = utc.with_timezone(&Amsterdam);
    format!(
        "{}, {:02}:{:02}",
        dutch_date(local.date_naive()),
        local.hour(),
        local.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_instants_read_as_amsterdam_time() {
        let cases = [
            ("2026-11-24T08:00:00Z", "di 24 nov 2026, 09:00"),
            ("2026-06-29T22:30:00Z", "di 30 jun 2026, 00:30"),
            ("2026-03-29T00:30:00Z", "zo 29 mrt 2026, 01:30"),
            ("2026-03-29T07:00:00Z", "zo 29 mrt 2026, 09:00"),
            ("2026-10-25T08:00:00Z", "zo 25 okt 2026, 09:00"),
        ];
        for (utc, expected) in cases {
            let at = DateTime::parse_from_rfc3339(utc)
                .expect("an instant")
                .to_utc();
            assert_eq!(dutch_instant(at), expected, "{utc}");
        }
    }

    #[test]
    fn iso_dates_inside_text_become_dutch() {
        assert_eq!(
            dutch_dates_in("Toestemming geldig tot en met 2027-07-31, 16 uur"),
            "Toestemming geldig tot en met za 31 jul 2027, 16 uur"
        );
        assert_eq!(dutch_dates_in("2025-13-01 blijft"), "2025-13-01 blijft");
        assert_eq!(dutch_dates_in("nummer 12345678901"), "nummer 12345678901");
    }
    use crate::date;

    #[test]
    fn amsterdam_wall_clock_to_utc() {
        let cases = [
            (date!(2026 - 01 - 13), 9, 0, "2026-01-13T08:00:00Z"),
            (date!(2026 - 03 - 28), 9, 0, "2026-03-28T08:00:00Z"),
            (date!(2026 - 03 - 29), 9, 0, "2026-03-29T07:00:00Z"),
            (date!(2026 - 10 - 24), 9, 0, "2026-10-24T07:00:00Z"),
            (date!(2026 - 10 - 25), 9, 0, "2026-10-25T08:00:00Z"),
            (date!(2026 - 06 - 30), 0, 30, "2026-06-29T22:30:00Z"),
            // 02:30 does not exist on the morning summer time starts: read after the switch.
            (date!(2026 - 03 - 29), 2, 30, "2026-03-29T01:30:00Z"),
            // 02:30 happens twice when it ends: the first (still summer time).
            (date!(2026 - 10 - 25), 2, 30, "2026-10-25T00:30:00Z"),
            // Another year's switch days come from the IANA rules too.
            (date!(2030 - 03 - 31), 9, 0, "2030-03-31T07:00:00Z"),
            (date!(2030 - 03 - 30), 9, 0, "2030-03-30T08:00:00Z"),
        ];
        for (day, h, m, expected) in cases {
            assert_eq!(amsterdam_to_utc(day, h, m), expected, "{day} {h}:{m}");
        }
    }

    #[test]
    fn typed_dates_cross_ipc_as_the_iso_text_the_ui_and_the_store_use() {
        let day = serde_json::to_string(&date!(2026 - 03 - 29)).expect("a day");
        assert_eq!(day, "\"2026-03-29\"");
        let at = amsterdam_instant(date!(2026 - 03 - 29), 9, 0).expect("09:00 exists");
        assert_eq!(
            serde_json::to_string(&at).expect("an instant"),
            "\"2026-03-29T07:00:00Z\""
        );
        assert_eq!(crate::clock::rfc3339(at), "2026-03-29T07:00:00Z");
        let with_fraction = at + chrono::Duration::milliseconds(250);
        assert_eq!(
            serde_json::to_string(&with_fraction).expect("an instant"),
            format!("\"{}\"", crate::clock::rfc3339(with_fraction)),
            "the store's text and the IPC text of an instant are the same"
        );
        let back: DateTime<Utc> =
            serde_json::from_str("\"2026-03-29T07:00:00Z\"").expect("read back");
        assert_eq!(back, at);
    }

    #[test]
    fn dutch_dates() {
        assert_eq!(dutch_date(date!(2025 - 10 - 14)), "di 14 okt 2025");
        assert_eq!(dutch_date(date!(2027 - 07 - 31)), "za 31 jul 2027");
        assert_eq!(parse_iso(" 2026-03-01 "), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_iso("01-03-2026"), None);
    }
}
