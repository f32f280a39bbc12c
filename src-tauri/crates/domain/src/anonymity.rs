//! Anonymous consultation (docs/DOMAIN.md §2.4) stores a pseudonym only. Free text typed into an
//! anonymous casus is checked for what would identify the pupil before it is saved: something
//! that looks like a first name, a date of birth, a phone number, a BSN, or the name of a pupil
//! already known in the store.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::Invalid;

/// What kind of identifying detail was found in the text of an anonymous casus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IdentifyingKind {
    /// A capitalised word that is a common Dutch first name.
    Voornaam,
    /// The given or family name of a pupil already in the store (any case).
    BekendeLeerling,
    /// Something that reads as a date, possibly a date of birth (numeric or "12 maart 2013").
    Datum,
    /// A Dutch or international phone number.
    Telefoonnummer,
    /// Nine digits that pass the elfproef: a possible BSN (Dutch citizen service number).
    Bsn,
    /// An e-mail address.
    Email,
    /// An exact class such as "8B" or "h3c"; a pseudonym may name only the year or groep.
    ExacteKlas,
}

impl IdentifyingKind {
    /// The Dutch explanation shown after the found words, e.g. "lijkt op een voornaam".
    pub fn label(self) -> &'static str {
        match self {
            Self::Voornaam => "lijkt op een voornaam",
            Self::BekendeLeerling => "is de naam van een bekende leerling",
            Self::Datum => "lijkt op een (geboorte)datum",
            Self::Telefoonnummer => "lijkt op een telefoonnummer",
            Self::Bsn => "lijkt op een BSN",
            Self::Email => "lijkt op een e-mailadres",
            Self::ExacteKlas => "is een exacte klas (noem alleen het leerjaar of de groep)",
        }
    }
}

/// One thing found, with the exact words so the UI can point at them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdentifyingText {
    /// What the found words look like.
    pub kind: IdentifyingKind,
    /// The words as found in the text (e.g. "Sophie", "06-12345678"), for the UI to point at.
    pub found: String,
}

/// Common Dutch first names (and the scenario names), lower case. Not exhaustive: the known
/// pupils of the store are checked besides, and the user reads the warning.
const FIRST_NAMES: &[&str] = &[
    "aaliyah", "adam", "ahmed", "aisha", "amber", "amira", "anna", "anouk", "ayoub", "bram",
    "daan", "dani", "david", "dean", "demi", "dirk", "eline", "elif", "emma", "eva", "evi",
    "fatima", "fenna", "finn", "floor", "gijs", "hamza", "hanna", "ibrahim", "iris", "isa",
    "isabella", "jade", "jan", "jasmijn", "jayden", "jens", "jesse", "jill", "joep", "julia",
    "julian", "kees", "kevin", "lars", "lieke", "liam", "lina", "lisa", "lotte", "lucas", "luuk",
    "maria", "mark", "marit", "max", "maud", "mees", "mila", "milan", "mohamed", "mohammed",
    "nina", "noah", "noor", "nora", "olivia", "pien", "quinn", "rayan", "roos", "ruben", "sam",
    "sanne", "sara", "sarah", "sem", "senna", "siem", "sofie", "sophie", "stijn", "teun", "thijs",
    "thomas", "tim", "tess", "tygo", "vera", "yara", "yasmin", "youssef", "zoë", "zoe",
];

/// `known_names`: given and family names of pupils already in the store.
pub fn find_identifying(text: &str, known_names: &[String]) -> Vec<IdentifyingText> {
    let mut found = Vec::new();
    let mut push = |kind, text: &str| {
        let item = IdentifyingText {
            kind,
            found: text.to_owned(),
        };
        if !found.contains(&item) {
            found.push(item);
        }
    };
    for word in words(text) {
        let lower = word.to_lowercase();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if known_names
            .iter()
            .any(|n| n.chars().count() >= 3 && n.to_lowercase() == lower)
        {
            push(IdentifyingKind::BekendeLeerling, word);
        } else if capitalised && FIRST_NAMES.contains(&lower.as_str()) {
            push(IdentifyingKind::Voornaam, word);
        }
        if is_exact_class(word) {
            push(IdentifyingKind::ExacteKlas, word);
        }
        if word.contains('@') && word.contains('.') {
            push(IdentifyingKind::Email, word);
        }
    }
    for run in digit_runs(text) {
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 9 && elfproef(&digits) {
            push(IdentifyingKind::Bsn, run.trim());
        } else if looks_like_phone(&run, &digits) {
            push(IdentifyingKind::Telefoonnummer, run.trim());
        } else if looks_like_date(&run) {
            push(IdentifyingKind::Datum, run.trim());
        }
    }
    for date in written_dates(text) {
        push(IdentifyingKind::Datum, &date);
    }
    found
}

/// Refuses text with anything identifying, naming what was found.
pub fn refuse_identifying(
    field: &'static str,
    text: &str,
    known_names: &[String],
) -> Result<(), Invalid> {
    let found = find_identifying(text, known_names);
    if found.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = found
        .iter()
        .map(|f| format!("'{}' {}", f.found, f.kind.label()))
        .collect();
    Err(Invalid::new(
        field,
        format!(
            "Een anonieme bespreking bevat geen gegevens die de leerling herkenbaar maken: {}. Pas de tekst aan en sla opnieuw op.",
            list.join("; ")
        ),
    ))
}

/// "8B", "2a", "h3c": a year with a parallel letter pins down one class.
fn is_exact_class(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let len = word.chars().count();
    digits == 1
        && (2..=3).contains(&len)
        && letters.len() + digits == len
        && word.chars().last().is_some_and(char::is_alphabetic)
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || ",;:!?()\"'".contains(c))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
}

/// Maximal runs of digits with the separators people type inside numbers and dates.
fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let continues = c.is_ascii_digit()
            || (!current.is_empty() && "-/. +".contains(c))
            || (current.is_empty() && c == '+');
        if continues {
            current.push(c);
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs.into_iter()
        .map(|r| r.trim_end_matches([' ', '.', '-', '/']).to_owned())
        .filter(|r| r.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// The BSN check: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not all zeros).
pub fn elfproef(digits: &str) -> bool {
    let d: Vec<i64> = digits
        .chars()
        .filter_map(|c| c.to_digit(10).map(i64::from))
        .collect();
    if d.len() != 9 || d.iter().all(|x| *x == 0) {
        return false;
    }
    let sum: i64 = (0..8).map(|i| d[i] * (9 - i as i64)).sum::<i64>() - d[8];
    sum % 11 == 0
}

fn looks_like_phone(run: &str, digits: &str) -> bool {
    let trimmed = run.trim();
    (digits.len() == 10 && digits.starts_with('0'))
        || (trimmed.starts_with('+') && digits.len() >= 10)
        || (digits.len() == 11 && digits.starts_with("31"))
}

fn looks_like_date(run: &str) -> bool {
    let parts: Vec<&str> = run
        .split(['-', '/', '.'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (day, month) = if parts[0].len() == 4 {
        (n[2], n[1])
    } else {
        (n[0], n[1])
    };
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
];

/// "12 maart 2013": a day, a Dutch month and a year read together as a date of birth.
fn written_dates(text: &str) -> Vec<String> {
    let w: Vec<&str> = words(text).collect();
    w.windows(3)
        .filter(|t| {
            t[0].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
                && MONTHS.contains(&t[1].to_lowercase().as_str())
                && t[2].len() == 4
                && t[2]
                    .parse::<u32>()
                    .is_ok_and(|y| (1990..=2030).contains(&y))
        })
        .map(|t| t.join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<IdentifyingKind> {
        find_identifying(text, &["Bakker".to_owned(), "Milan".to_owned()])
            .into_iter()
            .map(|f| f.kind)
            .collect()
    }

    #[test]
    fn identifying_text_is_found() {
        use IdentifyingKind::*;
        let cases: &[(&str, &[IdentifyingKind], &str)] = &[
            (
                "Leerling A, groep 8: explosief gedrag, twee vechtpartijen",
                &[],
                "the S-04 pseudonym and signal pass",
            ),
            (
                "Gesprek met Sophie over de pauzes",
                &[Voornaam],
                "a first name",
            ),
            (
                "sophie als zelfstandig naamwoord bestaat niet",
                &[],
                "lower case is not a name",
            ),
            (
                "Broer van Milan zit in groep 5",
                &[BekendeLeerling],
                "a known pupil",
            ),
            (
                "familie bakker",
                &[BekendeLeerling],
                "a known family name, any case",
            ),
            (
                "geboren 30-08-2013",
                &[Datum],
                "a date of birth with dashes",
            ),
            ("geboren 2013-08-30", &[Datum], "an ISO date"),
            ("geboren op 30 augustus 2013", &[Datum], "a written date"),
            (
                "bel 06-12345678 na schooltijd",
                &[Telefoonnummer],
                "a mobile number",
            ),
            (
                "bel +31 6 1234 5678",
                &[Telefoonnummer],
                "an international number",
            ),
            ("bsn 111222333", &[Bsn], "a number passing the elfproef"),
            (
                "123456789 uur",
                &[],
                "nine digits failing the elfproef are not a BSN",
            ),
            ("mail ouder@voorbeeld.nl", &[Email], "an e-mail address"),
            (
                "16 uur ongeoorloofd in 4 weken",
                &[],
                "hours and weeks are not dates",
            ),
            (
                "groep 8, schooljaar 2025-2026",
                &[],
                "a school year is not a date",
            ),
        ];
        for (text, expected, why) in cases {
            assert_eq!(kinds(text), expected.to_vec(), "{why}: {text}");
        }
    }

    #[test]
    fn refusal_names_what_was_found() {
        let err = refuse_identifying("hulpvraag", "Gesprek met Sophie", &[])
            .expect_err("a first name is refused");
        assert_eq!(err.field, "hulpvraag");
        assert!(
            err.message.contains("'Sophie' lijkt op een voornaam"),
            "{}",
            err.message
        );
        assert!(refuse_identifying("hulpvraag", "Leerling A, groep 8", &[]).is_ok());
    }

    #[test]
    fn elfproef_boundaries() {
        assert!(elfproef("111222333"));
        assert!(elfproef("123456782"));
        assert!(!elfproef("123456789"));
        assert!(!elfproef("000000000"), "all zeros is not a BSN");
        assert!(!elfproef("12345678"), "eight digits");
    }
}
