//! Who must consent before a pupil is discussed by name (docs/DOMAIN.md §2.3), and whether the
//! consent on file covers a given meeting date. Age counts on the meeting date: a pupil who
//! turns 12 or 16 needs new consent.

use chrono::{Datelike as _, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{Invalid, age_on};

/// A person with (or without) parental authority over the pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GezagHolder {
    /// Stable id within the casus, so a consent record can name who gave it.
    pub id: String,
    /// "moeder", "vader", "voogd" …
    pub label: String,
    /// Whether this person has gezag (parental authority); only holders with gezag must consent.
    pub has_gezag: bool,
}

/// Who gave (or must give) consent: one gezag holder of the casus, or the pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(tag = "kind", content = "holderId", rename_all = "camelCase")]
pub enum Giver {
    /// The holder with this `GezagHolder::id`.
    Holder(String),
    /// The pupil themself (from 12 together with the parents, from 16 alone).
    Pupil,
}

/// A consent as the rule reads it (the store keeps the method and who recorded it besides).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    /// The day consent was given; the record counts only for days on or after it.
    pub given_on: NaiveDate,
    /// Who gave this consent; must name at least one, and only the pupil or known holders.
    pub givers: Vec<Giver>,
    /// Partner organisation codes the consent covers (school, leerplicht, jgz …).
    pub scope_organisations: Vec<String>,
    /// The last day the consent holds (by default 31 July of that school year).
    pub valid_until: NaiveDate,
    /// The day the consent was withdrawn, or `None` while it stands.
    pub withdrawn_on: Option<NaiveDate>,
}

/// The one status a casus shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "camelCase")]
pub enum ConsentStatus {
    /// Everyone who must consent on the day has done so, and the consent is valid.
    Volledig,
    /// Who still has to consent, in Dutch ("vader", "de leerling").
    #[serde(rename_all = "camelCase")]
    Onvolledig {
        /// The labels of those still missing, in Dutch; never empty as [`status`] builds it.
        missing: Vec<String>,
        /// The same people as givers, in the same order, so another language can name the
        /// pupil in its own words (a holder is named by the label entered for her).
        missing_givers: Vec<Giver>,
    },
    /// The latest consent ran past its `valid_until` before the day.
    Verlopen,
    /// The latest consent was withdrawn on or before the day.
    Ingetrokken,
    /// No consent was given on or before the day.
    Geen,
}

impl ConsentStatus {
    /// The status in Dutch as the casus shows it, e.g. "onvolledig: ontbreekt vader".
    pub fn label(&self) -> String {
        match self {
            ConsentStatus::Volledig => "volledig".into(),
            ConsentStatus::Onvolledig { missing, .. } => {
                format!("onvolledig: ontbreekt {}", missing.join(" en "))
            }
            ConsentStatus::Verlopen => "verlopen".into(),
            ConsentStatus::Ingetrokken => "ingetrokken".into(),
            ConsentStatus::Geen => "geen toestemming".into(),
        }
    }
}

/// Who must consent on `on`: under 12 every holder with gezag; 12–15 those and the pupil;
/// 16 and older the pupil alone.
pub fn required_givers(birth: NaiveDate, holders: &[GezagHolder], on: NaiveDate) -> Vec<Giver> {
    let age = age_on(birth, on);
    let parents = holders
        .iter()
        .filter(|h| h.has_gezag)
        .map(|h| Giver::Holder(h.id.clone()));
    match age {
        a if a < 12 => parents.collect(),
        a if a < 16 => parents.chain(std::iter::once(Giver::Pupil)).collect(),
        _ => vec![Giver::Pupil],
    }
}

fn giver_label(giver: &Giver, holders: &[GezagHolder]) -> String {
    match giver {
        Giver::Pupil => "de leerling".into(),
        Giver::Holder(id) => holders
            .iter()
            .find(|h| &h.id == id)
            .map(|h| h.label.clone())
            .unwrap_or_else(|| "een gezagdrager".into()),
    }
}

/// The status on `on` from the most recent record given on or before that day.
pub fn status(
    birth: NaiveDate,
    holders: &[GezagHolder],
    records: &[ConsentRecord],
    on: NaiveDate,
) -> ConsentStatus {
    let Some(record) = records
        .iter()
        .filter(|r| r.given_on <= on)
        .max_by_key(|r| r.given_on)
    else {
        return ConsentStatus::Geen;
    };
    if record.withdrawn_on.is_some_and(|w| w <= on) {
        return ConsentStatus::Ingetrokken;
    }
    if record.valid_until < on {
        return ConsentStatus::Verlopen;
    }
    let missing_givers: Vec<Giver> = required_givers(birth, holders, on)
        .into_iter()
        .filter(|g| !record.givers.contains(g))
        .collect();
    if missing_givers.is_empty() {
        ConsentStatus::Volledig
    } else {
        ConsentStatus::Onvolledig {
            missing: missing_givers
                .iter()
                .map(|g| giver_label(g, holders))
                .collect(),
            missing_givers,
        }
    }
}

/// Whether a complete consent on `on` also covers sharing with `organisation`.
pub fn covers(
    birth: NaiveDate,
    holders: &[GezagHolder],
    records: &[ConsentRecord],
    on: NaiveDate,
    organisation: &str,
) -> bool {
    status(birth, holders, records, on) == ConsentStatus::Volledig
        && records
            .iter()
            .filter(|r| r.given_on <= on)
            .max_by_key(|r| r.given_on)
            .is_some_and(|r| r.scope_organisations.iter().any(|o| o == organisation))
}

/// Default validity: the end of the school year (31 July) in which consent was given.
pub fn default_valid_until(given_on: NaiveDate) -> NaiveDate {
    let year = if given_on.month() >= 8 {
        given_on.year() + 1
    } else {
        given_on.year()
    };
    NaiveDate::from_ymd_opt(year, 7, 31).unwrap_or(given_on)
}

/// The next 12th or 16th birthday within `within` days of `today`, when new consent is needed.
pub fn upcoming_boundary(
    birth: NaiveDate,
    today: NaiveDate,
    within: Duration,
) -> Option<(u8, NaiveDate)> {
    [12u8, 16].into_iter().find_map(|age| {
        let year = birth.year() + i32::from(age);
        // A 29 February birthday is reached on 1 March in other years (age_on agrees).
        let day = NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
            .unwrap_or(birth);
        (day > today && day - today <= within).then_some((age, day))
    })
}

/// A record must name at least one giver, and only the pupil or known holders.
pub fn validate(record: &ConsentRecord, holders: &[GezagHolder]) -> Result<(), Invalid> {
    if record.givers.is_empty() {
        return Err(Invalid::new(
            "givers",
            "Kies wie toestemming geeft: de ouders met gezag, de leerling of beiden.",
        ));
    }
    if let Some(Giver::Holder(id)) = record
        .givers
        .iter()
        .find(|g| matches!(g, Giver::Holder(id) if !holders.iter().any(|h| &h.id == id)))
    {
        return Err(Invalid::new(
            "givers",
            format!("Onbekende gezagdrager ({id}); voeg die eerst toe bij de leerling."),
        ));
    }
    if record.valid_until < record.given_on {
        return Err(Invalid::new(
            "validUntil",
            "De toestemming kan niet eindigen vóór de datum waarop ze is gegeven.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn holder(id: &str, has_gezag: bool) -> GezagHolder {
        GezagHolder {
            id: id.into(),
            label: id.into(),
            has_gezag,
        }
    }

    fn record(given_on: NaiveDate, givers: &[Giver]) -> ConsentRecord {
        ConsentRecord {
            given_on,
            givers: givers.to_vec(),
            scope_organisations: vec!["school".into(), "jgz".into()],
            valid_until: default_valid_until(given_on),
            withdrawn_on: None,
        }
    }

    fn h(id: &str) -> Giver {
        Giver::Holder(id.into())
    }

    #[test]
    fn who_must_consent_by_age_on_the_meeting_date() {
        let parents = [holder("moeder", true), holder("vader", true)];
        let birth = date!(2014 - 03 - 10);
        let cases = [
            (
                date!(2026 - 03 - 09),
                vec![h("moeder"), h("vader")],
                "11 the day before the birthday",
            ),
            (
                date!(2026 - 03 - 10),
                vec![h("moeder"), h("vader"), Giver::Pupil],
                "12 on the meeting day itself",
            ),
            (
                date!(2030 - 03 - 09),
                vec![h("moeder"), h("vader"), Giver::Pupil],
                "15",
            ),
            (
                date!(2030 - 03 - 10),
                vec![Giver::Pupil],
                "16: the pupil alone",
            ),
        ];
        for (on, expected, why) in cases {
            assert_eq!(required_givers(birth, &parents, on), expected, "{why}");
        }
    }

    #[test]
    fn status_table() {
        let split = [
            holder("moeder", true),
            holder("vader", true),
            holder("stiefvader", false),
        ];
        let birth = date!(2014 - 03 - 10); // 12 on 2026-03-10
        let both = record(date!(2025 - 09 - 20), &[h("moeder"), h("vader")]);
        let cases: Vec<(&str, Vec<ConsentRecord>, NaiveDate, ConsentStatus)> = vec![
            (
                "nothing on file",
                vec![],
                date!(2025 - 10 - 01),
                ConsentStatus::Geen,
            ),
            (
                "both parents, pupil 11",
                vec![both.clone()],
                date!(2026 - 03 - 09),
                ConsentStatus::Volledig,
            ),
            (
                "turns 12 on the meeting day: the pupil is missing",
                vec![both.clone()],
                date!(2026 - 03 - 10),
                ConsentStatus::Onvolledig {
                    missing: vec!["de leerling".into()],
                    missing_givers: vec![Giver::Pupil],
                },
            ),
            (
                "split gezag: one parent is not enough; a partner without gezag is not asked",
                vec![record(date!(2025 - 09 - 20), &[h("moeder")])],
                date!(2025 - 10 - 01),
                ConsentStatus::Onvolledig {
                    missing: vec!["vader".into()],
                    missing_givers: vec![h("vader")],
                },
            ),
            (
                "given after the meeting date does not count",
                vec![both.clone()],
                date!(2025 - 09 - 19),
                ConsentStatus::Geen,
            ),
            (
                "past the end of the school year",
                vec![both.clone()],
                date!(2026 - 08 - 01),
                ConsentStatus::Verlopen,
            ),
            (
                "withdrawn",
                vec![ConsentRecord {
                    withdrawn_on: Some(date!(2025 - 11 - 01)),
                    ..both.clone()
                }],
                date!(2025 - 11 - 01),
                ConsentStatus::Ingetrokken,
            ),
        ];
        for (why, records, on, expected) in cases {
            assert_eq!(status(birth, &split, &records, on), expected, "{why}");
        }
    }

    #[test]
    fn a_pupil_of_16_decides_alone_and_can_exclude_a_partner() {
        let parents = [holder("moeder", true), holder("vader", true)];
        let birth = date!(2009 - 05 - 01);
        let on = date!(2025 - 10 - 01);
        let pupil_only = ConsentRecord {
            scope_organisations: vec!["school".into(), "leerplicht".into()],
            ..record(date!(2025 - 09 - 15), &[Giver::Pupil])
        };
        let records = [pupil_only];
        assert_eq!(
            status(birth, &parents, &records, on),
            ConsentStatus::Volledig,
            "parents are not needed at 16"
        );
        assert!(covers(birth, &parents, &records, on, "leerplicht"));
        assert!(
            !covers(birth, &parents, &records, on, "jgz"),
            "the pupil left JGZ out of the scope"
        );
    }

    #[test]
    fn the_scenarios_consent() {
        // S-01: 14 at intake, two parents with gezag and the pupil → volledig.
        let parents = [holder("moeder", true), holder("vader", true)];
        let s01 = record(
            date!(2025 - 09 - 23),
            &[h("moeder"), h("vader"), Giver::Pupil],
        );
        assert_eq!(
            status(
                date!(2011 - 05 - 12),
                &parents,
                &[s01],
                date!(2025 - 09 - 30)
            ),
            ConsentStatus::Volledig
        );
        // S-02: eenhoofdig gezag, 9 years old → the mother alone is complete.
        let single = [holder("moeder", true)];
        let s02 = record(date!(2025 - 10 - 13), &[h("moeder")]);
        assert_eq!(
            status(
                date!(2016 - 07 - 19),
                &single,
                &[s02],
                date!(2025 - 10 - 21)
            ),
            ConsentStatus::Volledig
        );
        assert_eq!(
            default_valid_until(date!(2025 - 09 - 23)),
            date!(2026 - 07 - 31)
        );
        assert_eq!(
            default_valid_until(date!(2026 - 07 - 31)),
            date!(2026 - 07 - 31)
        );
        assert_eq!(
            default_valid_until(date!(2026 - 08 - 01)),
            date!(2027 - 07 - 31)
        );
    }

    #[test]
    fn warns_before_a_pupil_turns_12_or_16() {
        let within = Duration::days(60);
        assert_eq!(
            upcoming_boundary(date!(2014 - 03 - 10), date!(2026 - 02 - 01), within),
            Some((12, date!(2026 - 03 - 10)))
        );
        assert_eq!(
            upcoming_boundary(date!(2010 - 03 - 10), date!(2026 - 02 - 01), within),
            Some((16, date!(2026 - 03 - 10)))
        );
        assert_eq!(
            upcoming_boundary(date!(2014 - 03 - 10), date!(2025 - 12 - 01), within),
            None,
            "more than 60 days away"
        );
        assert_eq!(
            upcoming_boundary(date!(2014 - 03 - 10), date!(2026 - 03 - 10), within),
            None,
            "already 12 today"
        );
        assert_eq!(
            upcoming_boundary(date!(2012 - 02 - 29), date!(2024 - 02 - 01), within),
            Some((12, date!(2024 - 02 - 29)))
        );
        assert_eq!(
            upcoming_boundary(date!(2012 - 02 - 29), date!(2028 - 02 - 01), within),
            Some((16, date!(2028 - 02 - 29)))
        );
    }

    #[test]
    fn consent_without_a_giver_or_with_an_unknown_holder_is_refused() {
        let parents = [holder("moeder", true)];
        let empty = record(date!(2025 - 09 - 23), &[]);
        assert_eq!(
            validate(&empty, &parents).expect_err("no giver").field,
            "givers"
        );
        let unknown = record(date!(2025 - 09 - 23), &[h("oma")]);
        assert!(
            validate(&unknown, &parents)
                .expect_err("unknown")
                .message
                .contains("oma")
        );
        let backwards = ConsentRecord {
            valid_until: date!(2025 - 01 - 01),
            ..record(date!(2025 - 09 - 23), &[h("moeder")])
        };
        assert_eq!(
            validate(&backwards, &parents)
                .expect_err("ends before")
                .field,
            "validUntil"
        );
        assert!(validate(&record(date!(2025 - 09 - 23), &[h("moeder")]), &parents).is_ok());
    }
}
