//! Dates as Dutch readers expect them, for text that Rust writes (timelines, exports).

use time::Date;

const DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// `di 14 okt 2025`, the same form the UI uses.
pub fn dutch_date(date: Date) -> String {
    format!(
        "{} {} {} {}",
        DAYS[date.weekday().number_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month() as usize - 1],
        date.year()
    )
}

/// Parses an ISO date (`2025-10-14`).
pub fn parse_iso(text: &str) -> Option<Date> {
    Date::parse(
        text.trim(),
        &time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// Every ISO date inside a text written as `di 14 okt 2025`, for timeline lines built in SQL.
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

fn last_sunday(year: i32, month: time::Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, month.length(year)).unwrap_or(Date::MIN);
    while day.weekday() != time::Weekday::Sunday {
        day = day.previous_day().unwrap_or(Date::MIN);
    }
    day
}

/// A wall-clock time in Europe/Amsterdam as a UTC instant (RFC 3339). Summer time (CEST,
/// UTC+2) runs from the last Sunday of March to the last Sunday of October, as EU law sets it;
/// the hour of the switch itself is not a meeting time and is not special-cased.
pub fn amsterdam_to_utc(date: Date, hour: u8, minute: u8) -> String {
    let summer = date >= last_sunday(date.year(), time::Month::March)
        && date < last_sunday(date.year(), time::Month::October);
    let offset: i16 = if summer { 2 } else { 1 };
    let local = i16::from(hour) * 60 + i16::from(minute) - offset * 60;
    let (day, minutes) = if local < 0 {
        (date.previous_day().unwrap_or(date), local + 24 * 60)
    } else {
        (date, local)
    };
    format!("{day}T{:02}:{:02}:00Z", minutes / 60, minutes % 60)
}

/// Amsterdam's day and minutes after midnight at a UTC day, hour and minute.
fn amsterdam_wall_clock(day: Date, hour: i16, minute: i16) -> Option<(Date, i16)> {
    // The switch happens at 01:00 UTC on those Sundays.
    let summer_from = last_sunday(day.year(), time::Month::March);
    let summer_until = last_sunday(day.year(), time::Month::October);
    let summer = (day > summer_from || (day == summer_from && hour >= 1))
        && (day < summer_until || (day == summer_until && hour < 1));
    let local = hour * 60 + minute + if summer { 120 } else { 60 };
    if local >= 24 * 60 {
        Some((day.next_day()?, local - 24 * 60))
    } else {
        Some((day, local))
    }
}

/// The day it is in Amsterdam at a UTC instant (a school's "today").
pub fn amsterdam_date(utc: time::OffsetDateTime) -> Date {
    let utc = utc.to_offset(time::UtcOffset::UTC);
    amsterdam_wall_clock(utc.date(), i16::from(utc.hour()), i16::from(utc.minute()))
        .map_or(utc.date(), |(day, _)| day)
}

/// A UTC instant ("2026-11-24T08:00:00Z") as Amsterdam wall-clock "di 24 nov 2026, 09:00".
pub fn dutch_date_time(utc: &str) -> Option<String> {
    let day = parse_iso(utc.get(..10)?)?;
    let hour: i16 = utc.get(11..13)?.parse().ok()?;
    let minute: i16 = utc.get(14..16)?.parse().ok()?;
    let (day, local) = amsterdam_wall_clock(day, hour, minute)?;
    Some(format!(
        "{}, {:02}:{:02}",
        dutch_date(day),
        local / 60,
        local % 60
    ))
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
            assert_eq!(dutch_date_time(utc).as_deref(), Some(expected), "{utc}");
        }
        assert_eq!(dutch_date_time("gisteren"), None);
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
    use time::macros::date;

    #[test]
    fn amsterdam_wall_clock_to_utc() {
        let cases = [
            (date!(2026 - 01 - 13), 9, 0, "2026-01-13T08:00:00Z"),
            (date!(2026 - 03 - 28), 9, 0, "2026-03-28T08:00:00Z"),
            (date!(2026 - 03 - 29), 9, 0, "2026-03-29T07:00:00Z"),
            (date!(2026 - 10 - 24), 9, 0, "2026-10-24T07:00:00Z"),
            (date!(2026 - 10 - 25), 9, 0, "2026-10-25T08:00:00Z"),
            (date!(2026 - 06 - 30), 0, 30, "2026-06-29T22:30:00Z"),
        ];
        for (day, h, m, expected) in cases {
            assert_eq!(amsterdam_to_utc(day, h, m), expected, "{day} {h}:{m}");
        }
    }

    #[test]
    fn dutch_dates() {
        assert_eq!(dutch_date(date!(2025 - 10 - 14)), "di 14 okt 2025");
        assert_eq!(dutch_date(date!(2027 - 07 - 31)), "za 31 jul 2027");
        assert_eq!(parse_iso(" 2026-03-01 "), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_iso("01-03-2026"), None);
    }
}
