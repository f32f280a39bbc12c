//! A casus from aanmelding to afsluiting (docs/DOMAIN.md §2): the intake, signals and the
//! routekaart, closure and the retention date it starts.

use chrono::{Datelike as _, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kinds::vocabulary;
use crate::validation::{Invalid, required_text};

vocabulary!(
    /// What kind of question the school brings (leervraag: learning; leefvraag: living).
    HulpvraagKind {
        Leervraag => ("leervraag", "Leervraag"),
        Leefvraag => ("leefvraag", "Leefvraag"),
    }
);

vocabulary!(
    /// The domains concerns, signals and hulpvragen are sorted by (docs/DOMAIN.md §2.1).
    SignalCategory {
        Verzuim => ("verzuim", "Verzuim"),
        Ontwikkeling => ("ontwikkeling", "Stagnerende ontwikkeling"),
        Gedrag => ("gedrag", "Gedrag"),
        Thuissituatie => ("thuissituatie", "Thuissituatie"),
        Gezondheid => ("gezondheid", "Gezondheid"),
        Veiligheid => ("veiligheid", "Veiligheid"),
    }
);

vocabulary!(
    /// Why a casus is closed (docs/DOMAIN.md §2.8).
    ClosureReason {
        DoelBereikt => ("doel_bereikt", "Doel bereikt"),
        HulpLooptElders => ("hulp_loopt_elders", "Hulp loopt elders"),
        LeerlingVerlaatSchool => ("leerling_verlaat_school", "Leerling verlaat de school"),
        ToestemmingIngetrokken => ("toestemming_ingetrokken", "Toestemming ingetrokken"),
        GeenRolKernteam => ("geen_rol_kernteam", "Geen rol voor het kernteam"),
        OmgezetNaarBenoemd => ("omgezet_naar_benoemd", "Omgezet naar casus op naam"),
    }
);

/// A concern in one domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Concern {
    /// The domain the concern falls in (verzuim, gedrag, thuissituatie, …).
    pub category: SignalCategory,
    /// The concern in the school's words; a listed concern may not be blank.
    pub text: String,
}

/// A professional already involved (name and organisation as the school knows them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvolvedProfessional {
    /// The professional's name; a listed professional may not be nameless.
    pub name: String,
    /// The organisation they work for, as free text (may be empty).
    pub organisation: String,
}

/// The aanmelding beyond the pupil's identity: what the school asks and what it knows.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Intake {
    /// Who brings the casus in, usually the mentor or groepsleerkracht; required, at most 200
    /// characters.
    pub inbrenger: String,
    /// Whether the hulpvraag (the question put to the team) is a leervraag or a leefvraag; `None`
    /// until chosen, and required before the intake is valid.
    pub hulpvraag_kind: Option<HulpvraagKind>,
    /// The domain the hulpvraag is about; `None` until chosen, and required before the intake is
    /// valid.
    pub hulpvraag_domain: Option<SignalCategory>,
    /// What the school already did itself before bringing the casus in (at most 4000 characters).
    pub tried: String,
    /// The effect of what the school tried (at most 4000 characters).
    pub tried_effect: String,
    /// The pupil's strengths, the sterke kanten (at most 4000 characters).
    pub strengths: String,
    /// The concerns per domain; may be empty.
    pub concerns: Vec<Concern>,
    /// Professionals already involved with the pupil or the family; may be empty.
    pub professionals: Vec<InvolvedProfessional>,
    /// The parents' view of the situation and the question (at most 4000 characters).
    pub parents_view: String,
    /// The pupil's own view (hoorrecht: the pupil's right to be heard); when empty,
    /// `pupil_view_waived` must say why.
    pub pupil_view: String,
    /// Why the pupil's own view is not there (hoorrecht waived), required when it is empty.
    pub pupil_view_waived: String,
}

impl Intake {
    /// The school brings a question with a kind and a domain, says who brings it, and either
    /// gives the pupil's view or why it is missing.
    pub fn validate(&self) -> Result<(), Invalid> {
        required_text("inbrenger", "de inbrenger", &self.inbrenger, 200)?;
        if self.hulpvraag_kind.is_none() {
            return Err(Invalid::new(
                "hulpvraagKind",
                "Kies of het een leervraag of een leefvraag is.",
            ));
        }
        if self.hulpvraag_domain.is_none() {
            return Err(Invalid::new(
                "hulpvraagDomain",
                "Kies het domein van de hulpvraag.",
            ));
        }
        if self.pupil_view.trim().is_empty() && self.pupil_view_waived.trim().is_empty() {
            return Err(Invalid::new(
                "pupilView",
                "Vul de visie van de leerling in, of schrijf waarom die ontbreekt.",
            ));
        }
        for (field, label, text) in [
            ("tried", "wat de school al deed", &self.tried),
            ("triedEffect", "het effect", &self.tried_effect),
            ("strengths", "de sterke kanten", &self.strengths),
            ("parentsView", "de visie van de ouders", &self.parents_view),
            ("pupilView", "de visie van de leerling", &self.pupil_view),
        ] {
            if text.chars().count() > 4000 {
                return Err(Invalid::new(
                    field,
                    format!("De tekst bij {label} is te lang (maximaal 4000 tekens)."),
                ));
            }
        }
        if self.concerns.iter().any(|c| c.text.trim().is_empty()) {
            return Err(Invalid::new(
                "concerns",
                "Beschrijf elke zorg, of haal de lege regel weg.",
            ));
        }
        if self.professionals.iter().any(|p| p.name.trim().is_empty()) {
            return Err(Invalid::new(
                "professionals",
                "Geef elke betrokken professional een naam, of haal de lege regel weg.",
            ));
        }
        Ok(())
    }
}

/// One row of the routekaart: for a signal in this category, who is asked first and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RouteStep {
    /// The signal domain this row is for; a valid routekaart has exactly one row per domain.
    pub category: SignalCategory,
    /// Organisation kind code (leerplicht, jgz, cjg, smw, swv, school, overig).
    pub first_partner: String,
    /// The advice to the school on such a signal, in Dutch; may not be blank.
    pub advice: String,
}

/// A sensible starting routekaart; each region edits its own.
pub fn default_routekaart() -> Vec<RouteStep> {
    let step = |category, first_partner: &str, advice: &str| RouteStep {
        category,
        first_partner: first_partner.into(),
        advice: advice.into(),
    };
    vec![
        step(
            SignalCategory::Verzuim,
            "jgz",
            "Ziekteverzuim: meld aan bij de jeugdarts (M@ZL). Ongeoorloofd verzuim: houd de uren bij; bij 16 uur in 4 schoolweken meldt de school bij DUO en sluit leerplicht aan.",
        ),
        step(
            SignalCategory::Ontwikkeling,
            "swv",
            "Bespreek de ondersteuningsbehoefte met de consulent van het samenwerkingsverband; leg vast wat de school al deed.",
        ),
        step(
            SignalCategory::Gedrag,
            "smw",
            "Start met schoolmaatschappelijk werk; vraag bij aanhoudende zorg een observatie door het samenwerkingsverband.",
        ),
        step(
            SignalCategory::Thuissituatie,
            "cjg",
            "Vraag de CJG-coach om met de ouders in gesprek te gaan over ondersteuning thuis.",
        ),
        step(
            SignalCategory::Gezondheid,
            "jgz",
            "Vraag de jeugdarts of jeugdverpleegkundige om een consult met leerling en ouders.",
        ),
        step(
            SignalCategory::Veiligheid,
            "school",
            "Volg de meldcode: de aandachtsfunctionaris zet de stappen; overleg zo nodig anoniem met Veilig Thuis.",
        ),
    ]
}

/// The routekaart must give every category one first partner and some advice.
pub fn validate_routekaart(steps: &[RouteStep]) -> Result<(), Invalid> {
    for category in SignalCategory::ALL {
        let rows = steps.iter().filter(|s| s.category == *category).count();
        if rows != 1 {
            return Err(Invalid::new(
                "routekaart",
                format!(
                    "De routekaart heeft voor '{}' precies één regel nodig.",
                    category.label()
                ),
            ));
        }
    }
    for s in steps {
        if s.first_partner.trim().is_empty() || s.advice.trim().is_empty() {
            return Err(Invalid::new(
                "routekaart",
                format!(
                    "Vul bij '{}' de eerste partner en het advies in.",
                    s.category.label()
                ),
            ));
        }
    }
    Ok(())
}

/// The routekaart row for `category`: who to ask first for such a signal, or `None` when the
/// routekaart has no row for it.
pub fn route_for(steps: &[RouteStep], category: SignalCategory) -> Option<&RouteStep> {
    steps.iter().find(|s| s.category == category)
}

/// A signal as entered: dated, with its source and category.
pub fn validate_signal(
    observed_on: &str,
    source: &str,
    description: &str,
    today: NaiveDate,
) -> Result<NaiveDate, Invalid> {
    let Some(on) = crate::dates::parse_iso(observed_on) else {
        return Err(Invalid::new("observedOn", "Kies de datum van het signaal."));
    };
    if on > today {
        return Err(Invalid::new(
            "observedOn",
            "Het signaal ligt in de toekomst: controleer de datum.",
        ));
    }
    required_text("source", "de bron van het signaal", source, 100)?;
    required_text("description", "wat er is gezien", description, 2000)?;
    Ok(on)
}

/// The outcome recorded at closure (docs/DOMAIN.md §2.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Closure {
    /// The day the casus was closed, as ISO `YYYY-MM-DD`; not in the future.
    pub closed_on: String,
    /// Why the casus was closed; never `OmgezetNaarBenoemd`, which only converting a casus sets.
    pub reason: ClosureReason,
    /// Attendance, help in place, placement: what the team achieved.
    pub outcome: String,
    /// The day the pupil left the school, when the reason is leaving.
    pub left_school_on: Option<String>,
}

/// Closing needs a reason, an outcome and no open actions; leaving school needs its date.
pub fn validate_closure(
    closure: &Closure,
    open_actions: u32,
    today: NaiveDate,
) -> Result<NaiveDate, Invalid> {
    if open_actions > 0 {
        return Err(Invalid::new(
            "openActions",
            format!(
                "Er {} nog {open_actions} open {}. Rond die eerst af (gedaan, deels, niet gedaan of vervallen).",
                if open_actions == 1 { "staat" } else { "staan" },
                if open_actions == 1 { "actie" } else { "acties" },
            ),
        ));
    }
    let Some(on) = crate::dates::parse_iso(&closure.closed_on) else {
        return Err(Invalid::new("closedOn", "Kies de datum van afsluiten."));
    };
    if on > today {
        return Err(Invalid::new(
            "closedOn",
            "Afsluiten kan niet in de toekomst: kies vandaag of eerder.",
        ));
    }
    if closure.reason == ClosureReason::OmgezetNaarBenoemd {
        return Err(Invalid::new(
            "reason",
            "Omzetten naar een casus op naam gaat via 'Omzetten', niet via afsluiten.",
        ));
    }
    required_text("outcome", "de uitkomst", &closure.outcome, 2000)?;
    if closure.reason == ClosureReason::LeerlingVerlaatSchool
        && closure
            .left_school_on
            .as_deref()
            .and_then(crate::dates::parse_iso)
            .is_none()
    {
        return Err(Invalid::new(
            "leftSchoolOn",
            "Vul in wanneer de leerling de school verlaat.",
        ));
    }
    Ok(on)
}

/// Retention: `years` after the later of closure and leaving school. A 29 February end lands
/// on 28 February in a common year (never later than the rule allows).
pub fn retention_until(
    closed_on: NaiveDate,
    left_school_on: Option<NaiveDate>,
    years: u32,
) -> NaiveDate {
    let start = left_school_on.map_or(closed_on, |l| l.max(closed_on));
    let year = start.year() + years as i32;
    NaiveDate::from_ymd_opt(year, start.month(), start.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .unwrap_or(start)
}

/// Within 30 days of the retention date the chair is warned.
pub fn retention_warning_due(retention: NaiveDate, today: NaiveDate) -> bool {
    today + Duration::days(30) >= retention
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn closure(reason: ClosureReason, left: Option<&str>) -> Closure {
        Closure {
            closed_on: "2025-12-02".into(),
            reason,
            outcome: "Aanwezigheid hersteld".into(),
            left_school_on: left.map(str::to_owned),
        }
    }

    #[test]
    fn closure_rules() {
        let today = date!(2025 - 12 - 10);
        let ok = closure(ClosureReason::DoelBereikt, None);
        assert_eq!(validate_closure(&ok, 0, today), Ok(date!(2025 - 12 - 02)));
        let open = validate_closure(&ok, 2, today).expect_err("open actions block closure");
        assert!(open.message.contains("2 open acties"), "{}", open.message);
        assert!(
            validate_closure(
                &closure(ClosureReason::LeerlingVerlaatSchool, None),
                0,
                today
            )
            .is_err(),
            "leaving school needs the day"
        );
        assert!(
            validate_closure(
                &closure(ClosureReason::LeerlingVerlaatSchool, Some("2026-01-27")),
                0,
                today
            )
            .is_ok()
        );
        let empty = Closure {
            outcome: "  ".into(),
            ..ok.clone()
        };
        assert!(
            validate_closure(&empty, 0, today).is_err(),
            "outcome required"
        );
        let future = Closure {
            closed_on: "2026-01-01".into(),
            ..ok
        };
        assert!(
            validate_closure(&future, 0, today).is_err(),
            "no closing in the future"
        );
    }

    #[test]
    fn retention_counts_from_the_later_of_closure_and_leaving() {
        let cases = [
            (
                date!(2025 - 12 - 02),
                None,
                2,
                date!(2027 - 12 - 02),
                "S-01: 2 years after closure",
            ),
            (
                date!(2026 - 01 - 27),
                Some(date!(2026 - 07 - 31)),
                2,
                date!(2028 - 07 - 31),
                "leaving later than closure",
            ),
            (
                date!(2026 - 06 - 30),
                Some(date!(2026 - 01 - 01)),
                2,
                date!(2028 - 06 - 30),
                "left earlier: closure counts",
            ),
            (
                date!(2028 - 02 - 29),
                None,
                1,
                date!(2029 - 02 - 28),
                "29 February",
            ),
            (
                date!(2025 - 12 - 02),
                None,
                5,
                date!(2030 - 12 - 02),
                "a school's own term",
            ),
        ];
        for (closed, left, years, expected, why) in cases {
            assert_eq!(retention_until(closed, left, years), expected, "{why}");
        }
        assert!(retention_warning_due(
            date!(2027 - 12 - 02),
            date!(2027 - 11 - 02)
        ));
        assert!(!retention_warning_due(
            date!(2027 - 12 - 02),
            date!(2027 - 11 - 01)
        ));
    }

    #[test]
    fn intake_needs_question_kind_domain_and_the_pupils_view() {
        let mut intake = Intake {
            inbrenger: "mentor".into(),
            hulpvraag_kind: Some(HulpvraagKind::Leefvraag),
            hulpvraag_domain: Some(SignalCategory::Verzuim),
            pupil_view: "Ik wil wel, maar 's ochtends lukt het niet.".into(),
            ..Intake::default()
        };
        assert_eq!(intake.validate(), Ok(()));
        intake.pupil_view.clear();
        assert_eq!(intake.validate().map_err(|e| e.field), Err("pupilView"));
        intake.pupil_view_waived = "Leerling wil (nog) niet praten; mentor probeert opnieuw".into();
        assert_eq!(intake.validate(), Ok(()), "waived with a reason");
        intake.hulpvraag_kind = None;
        assert_eq!(intake.validate().map_err(|e| e.field), Err("hulpvraagKind"));
    }

    #[test]
    fn intake_json_refuses_unknown_fields() {
        let err = serde_json::from_str::<Intake>(r#"{"inbrenger":"x","naam":"y"}"#);
        assert!(err.is_err(), "an unknown field is refused, not dropped");
    }

    #[test]
    fn signals_and_routekaart() {
        let today = date!(2025 - 10 - 01);
        assert!(validate_signal("2025-09-15", "mentor", "11 ziekmeldingen", today).is_ok());
        assert!(
            validate_signal("2025-10-02", "mentor", "x", today).is_err(),
            "future"
        );
        assert!(
            validate_signal("2025-09-15", " ", "x", today).is_err(),
            "no source"
        );
        let kaart = default_routekaart();
        assert_eq!(validate_routekaart(&kaart), Ok(()));
        assert_eq!(
            route_for(&kaart, SignalCategory::Gezondheid).map(|s| s.first_partner.as_str()),
            Some("jgz")
        );
        let mut missing = kaart.clone();
        missing.pop();
        assert!(
            validate_routekaart(&missing).is_err(),
            "every category needs a row"
        );
    }
}
