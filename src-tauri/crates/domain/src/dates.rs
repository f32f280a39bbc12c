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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dutch_dates() {
        assert_eq!(dutch_date(date!(2025 - 10 - 14)), "di 14 okt 2025");
        assert_eq!(dutch_date(date!(2027 - 07 - 31)), "za 31 jul 2027");
        assert_eq!(parse_iso(" 2026-03-01 "), Some(date!(2026 - 03 - 01)));
        assert_eq!(parse_iso("01-03-2026"), None);
    }
}
