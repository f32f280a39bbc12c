//! The checks of a pupil's intake input: dates, people with gezag, signals, consent parts.

use chrono::NaiveDate;
use kernteam_domain::casus::{self};
use kernteam_domain::consent::{self, GezagHolder};
use kernteam_domain::dates::parse_iso;
use kernteam_domain::validation::{Invalid, birth_date, required_text};
use kernteam_domain::{ConsentMethod, GezagHolderInput, NewConsent, NewSignal};
use kernteam_store::PupilSeed;

/// How far ahead the casus warns that a pupil turns 12 or 16.
pub(crate) const BOUNDARY_WARNING_DAYS: i64 = 60;

pub(crate) fn date_field(
    field: &'static str,
    label: &str,
    text: &str,
) -> Result<NaiveDate, Invalid> {
    parse_iso(text).ok_or_else(|| Invalid::new(field, format!("Vul een geldige {label} in.")))
}

pub(crate) fn holders_from(input: &[GezagHolderInput]) -> Result<Vec<GezagHolder>, Invalid> {
    input
        .iter()
        .map(|h| {
            if uuid::Uuid::parse_str(&h.id).is_err() {
                return Err(Invalid::new(
                    "gezagHolders",
                    "Ongeldige gezagdrager; voeg hem opnieuw toe.",
                ));
            }
            Ok(GezagHolder {
                id: h.id.clone(),
                label: required_text("gezagHolders", "wie de ouder of voogd is", &h.label, 60)?,
                has_gezag: h.has_gezag,
            })
        })
        .collect()
}

/// Under 16 someone with gezag must be known, or consent can never be complete.
pub(crate) fn require_gezag(
    birth: NaiveDate,
    holders: &[GezagHolder],
    on: NaiveDate,
) -> Result<(), Invalid> {
    if kernteam_domain::validation::age_on(birth, on) < 16 && !holders.iter().any(|h| h.has_gezag) {
        return Err(Invalid::new(
            "gezagHolders",
            "Vul minstens één ouder of voogd met gezag in: onder de 16 geven zij toestemming.",
        ));
    }
    Ok(())
}

pub(crate) fn validate_signals(signals: &[NewSignal], today: NaiveDate) -> Result<(), Invalid> {
    for s in signals {
        casus::validate_signal(&s.observed_on, &s.source, &s.description, today)?;
    }
    Ok(())
}

pub(crate) struct PupilInput {
    pub(crate) given: String,
    pub(crate) family: String,
    pub(crate) class_name: String,
    pub(crate) birth: NaiveDate,
    pub(crate) birth_text: String,
}

impl PupilInput {
    pub(crate) fn seed(&self, school: kernteam_domain::SchoolId) -> PupilSeed<'_> {
        PupilSeed {
            school,
            given_name: &self.given,
            family_name: &self.family,
            birth_date: &self.birth_text,
            class_name: &self.class_name,
        }
    }
}

pub(crate) fn pupil_input(
    given: &str,
    family: &str,
    birth: &str,
    class_name: &str,
    today: NaiveDate,
) -> Result<PupilInput, Invalid> {
    let given = required_text("givenName", "de voornaam", given, 80)?;
    let family = required_text("familyName", "de achternaam", family, 120)?;
    let class_name = required_text("className", "de klas of groep", class_name, 40)?;
    let parsed = date_field("birthDate", "geboortedatum", birth)?;
    let birth = birth_date("birthDate", parsed, today)?;
    Ok(PupilInput {
        given,
        family,
        class_name,
        birth_text: birth.to_string(),
        birth,
    })
}

/// The pupil and who has gezag, as an intake or a conversion brings them: names, birth date and
/// class checked, and under 16 at least one holder with gezag.
pub(crate) fn pupil_with_holders(
    [given, family, birth, class_name]: [&str; 4],
    holders: &[GezagHolderInput],
    today: NaiveDate,
) -> Result<(PupilInput, Vec<GezagHolder>), Invalid> {
    let pupil = pupil_input(given, family, birth, class_name, today)?;
    let holders = holders_from(holders)?;
    require_gezag(pupil.birth, &holders, today)?;
    Ok((pupil, holders))
}

pub(crate) fn consent_seed_parts(
    input: &NewConsent,
    holders: &[GezagHolder],
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate, Vec<String>, Vec<String>), Invalid> {
    let given_on = date_field("givenOn", "datum van de toestemming", &input.given_on)?;
    if given_on > today {
        return Err(Invalid::new(
            "givenOn",
            "De toestemming ligt in de toekomst: kies de dag waarop ze is gegeven.",
        ));
    }
    let valid_until = match input.valid_until.as_deref().map(str::trim) {
        None | Some("") => consent::default_valid_until(given_on),
        Some(t) => date_field("validUntil", "einddatum", t)?,
    };
    if input.method == ConsentMethod::Mondeling
        && input
            .recorded_by
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        return Err(Invalid::new(
            "recordedBy",
            "Bij mondelinge toestemming: vul in wie die heeft gehoord.",
        ));
    }
    if input.scope_organisations.is_empty() {
        return Err(Invalid::new(
            "scopeOrganisations",
            "Kies met welke organisaties gegevens gedeeld mogen worden.",
        ));
    }
    consent::validate(
        &consent::ConsentRecord {
            given_on,
            givers: input.givers.clone(),
            scope_organisations: Vec::new(),
            valid_until,
            withdrawn_on: None,
        },
        holders,
    )?;
    Ok((
        given_on,
        valid_until,
        input
            .scope_organisations
            .iter()
            .map(|o| o.code().to_owned())
            .collect(),
        input
            .scope_categories
            .iter()
            .map(|c| c.code().to_owned())
            .collect(),
    ))
}

/// The shipped school holidays (`assets/holidays`), used until a school edits them.
pub(crate) const SHIPPED_HOLIDAYS: &str =
    include_str!("../../../../../assets/holidays/schoolvakanties.json");

#[cfg(test)]
mod tests {
    use super::*;
    use kernteam_domain::consent::Giver;
    use kernteam_domain::verzuim::HolidayCalendar;

    #[test]
    pub(crate) fn shipped_holidays_parse() {
        let cal: HolidayCalendar = serde_json::from_str(SHIPPED_HOLIDAYS).expect("valid");
        assert!(cal.validate().is_ok());
    }

    #[test]
    pub(crate) fn a_pupil_under_16_needs_someone_with_gezag() {
        let on = kernteam_domain::date!(2025 - 10 - 01);
        let err = require_gezag(kernteam_domain::date!(2012 - 01 - 01), &[], on)
            .expect_err("no holder under 16");
        assert_eq!(err.field, "gezagHolders");
        assert!(
            require_gezag(kernteam_domain::date!(2009 - 01 - 01), &[], on).is_ok(),
            "16+ alone"
        );
    }

    #[test]
    pub(crate) fn verbal_consent_names_who_heard_it() {
        let holder = GezagHolder {
            id: uuid::Uuid::now_v7().to_string(),
            label: "moeder".into(),
            has_gezag: true,
        };
        let input = NewConsent {
            given_on: "2025-09-23".into(),
            givers: vec![Giver::Holder(holder.id.clone())],
            scope_organisations: vec![kernteam_domain::OrganisationKind::Jgz],
            scope_categories: vec![],
            method: ConsentMethod::Mondeling,
            recorded_by: None,
            valid_until: None,
        };
        let today = kernteam_domain::date!(2025 - 10 - 01);
        assert_eq!(
            consent_seed_parts(&input, std::slice::from_ref(&holder), today)
                .map(|_| ())
                .map_err(|e| e.field),
            Err("recordedBy")
        );
        let ok = NewConsent {
            recorded_by: Some("IB'er".into()),
            ..input.clone()
        };
        let (_, until, orgs, _) =
            consent_seed_parts(&ok, std::slice::from_ref(&holder), today).expect("valid");
        assert_eq!(
            until,
            kernteam_domain::date!(2026 - 07 - 31),
            "default: end of the school year"
        );
        assert_eq!(orgs, ["jgz"]);
        let nobody = NewConsent {
            givers: vec![],
            ..ok
        };
        assert!(
            consent_seed_parts(&nobody, &[holder], today).is_err(),
            "consent without a giver"
        );
    }
}
