//! Input checks shared by the app and the CLI. Messages are Dutch and say what to do.

use chrono::{Datelike as _, NaiveDate};

/// Input that cannot be accepted: which field, and a Dutch message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    /// The field the message is about, so the UI can put it next to the right input.
    pub field: &'static str,
    /// What is wrong and how to fix it, in Dutch, ready to show the user.
    pub message: String,
}

impl Invalid {
    /// A refusal about `field` (camelCase, as the UI names it) with its Dutch message.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// A required, trimmed text of at most `max` characters.
pub fn required_text(
    field: &'static str,
    label: &str,
    value: &str,
    max: usize,
) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::new(field, format!("Vul {label} in.")));
    }
    if trimmed.chars().count() > max {
        return Err(Invalid::new(
            field,
            format!("{} is te lang (maximaal {max} tekens).", capitalise(label)),
        ));
    }
    Ok(trimmed.to_owned())
}

/// An optional text: blank becomes `None`.
pub fn optional_text(
    field: &'static str,
    label: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, Invalid> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required_text(field, label, v, max).map(Some),
    }
}

/// A birth date must lie in the past and make the pupil of school age (2 to 25) on `today`.
pub fn birth_date(
    field: &'static str,
    value: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Invalid> {
    if value >= today {
        return Err(Invalid::new(
            field,
            "De geboortedatum ligt in de toekomst: controleer de datum.",
        ));
    }
    let age = age_on(value, today);
    if !(2..=25).contains(&age) {
        return Err(Invalid::new(
            field,
            format!("Met deze geboortedatum is de leerling {age} jaar: controleer de datum."),
        ));
    }
    Ok(value)
}

/// Age in whole years on `on`; a birthday on `on` counts as reached.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    #[test]
    fn age_counts_the_birthday_itself() {
        let cases = [
            (date!(2011 - 05 - 12), date!(2025 - 05 - 11), 13),
            (date!(2011 - 05 - 12), date!(2025 - 05 - 12), 14),
            (date!(2012 - 02 - 29), date!(2024 - 02 - 28), 11),
            (date!(2012 - 02 - 29), date!(2024 - 02 - 29), 12),
        ];
        for (birth, on, expected) in cases {
            assert_eq!(age_on(birth, on), expected, "age on {on} for birth {birth}");
        }
    }

    #[test]
    fn birth_dates_outside_school_age_are_refused() {
        let today = date!(2026 - 11 - 22);
        assert!(birth_date("birthDate", date!(2027 - 01 - 01), today).is_err());
        assert!(birth_date("birthDate", date!(1990 - 01 - 01), today).is_err());
        assert_eq!(
            birth_date("birthDate", date!(2014 - 03 - 01), today),
            Ok(date!(2014 - 03 - 01))
        );
    }

    #[test]
    fn required_text_trims_and_limits() {
        assert_eq!(
            required_text("name", "de naam", "  De Linde ", 50),
            Ok("De Linde".to_owned())
        );
        let empty = required_text("name", "de naam", "   ", 50).expect_err("blank is refused");
        assert_eq!(empty.message, "Vul de naam in.");
        let long = required_text("name", "de naam", &"x".repeat(51), 50).expect_err("too long");
        assert!(
            long.message.starts_with("De naam is te lang"),
            "{}",
            long.message
        );
        assert_eq!(optional_text("x", "iets", Some("  "), 5), Ok(None));
    }
}
