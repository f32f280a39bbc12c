//! The shared acceptance scenarios (`assets/demo/scenarios.json`) as the demo reads them. Only
//! the keys the demo uses are modelled: the file is shared with the acceptance tests and holds
//! more (expected outcomes, meldcode steps, ages), which is passed over. Every key is optional,
//! as the generator has a default for whatever a scenario leaves out.

use serde::Deserialize;
use serde_json::Value;

/// The whole file: its scenarios (the school year and note are for people reading it).
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioFile {
    #[serde(default)]
    pub(super) scenarios: Vec<Scenario>,
}

/// One scenario: a pupil at a school, and what happened from the first signal to the closure.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Scenario {
    #[serde(default)]
    pub(super) school: ScenarioSchool,
    #[serde(default)]
    pub(super) pupil: ScenarioPupil,
    /// "named", or "anonymous->named" for a consultation that is converted later.
    pub(super) mode: Option<String>,
    /// The scenario's short name; the hulpvraag when it states none.
    pub(super) title: Option<String>,
    pub(super) hulpvraag: Option<String>,
    /// Kept as written: the casus stores it as its intake JSON.
    pub(super) intake: Option<Value>,
    pub(super) next_review: Option<String>,
    #[serde(default)]
    pub(super) signals: Vec<ScenarioSignal>,
    #[serde(default)]
    pub(super) consent: Vec<ScenarioConsent>,
    pub(super) verzuim: Option<ScenarioVerzuim>,
    #[serde(default)]
    pub(super) events: Vec<ScenarioEvent>,
    #[serde(default)]
    pub(super) closure: ScenarioClosure,
}

impl Scenario {
    /// Whether the casus starts as an anonymous consultation ("anonymous->named"); a scenario
    /// without a mode is named from the start.
    pub(super) fn starts_anonymous(&self) -> bool {
        self.mode
            .as_deref()
            .unwrap_or("named")
            .starts_with("anonymous")
    }

    /// The code of the hulpvraag's domain, as the intake gives it (for the monitor).
    pub(super) fn hulpvraag_domain(&self) -> Option<&str> {
        self.intake
            .as_ref()
            .and_then(|intake| intake.get("hulpvraagDomain"))
            .and_then(Value::as_str)
    }
}

/// The school a scenario plays at, and its kernteam.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioSchool {
    pub(super) name: Option<String>,
    /// The school kind's code ("PO", "VO").
    #[serde(rename = "type")]
    pub(super) kind: Option<String>,
    /// The kernteam's name.
    pub(super) team: Option<String>,
    /// How often the kernteam meets, as the school says it.
    pub(super) cadence: Option<String>,
}

/// The pupil: the name a named casus has, or the pseudonym an anonymous consultation uses
/// before the conversion. (These keys are snake_case in the file.)
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioPupil {
    pub(super) pseudonym: Option<String>,
    /// The name after the conversion of an anonymous consultation.
    pub(super) pseudonym_named: Option<String>,
    pub(super) pseudonym_anonymous: Option<String>,
    /// Date of birth, ISO.
    pub(super) dob: Option<String>,
    /// The class or group, as the school names it.
    pub(super) grade: Option<String>,
    /// Who has gezag, e.g. "moeder (eenhoofdig gezag)".
    #[serde(default)]
    pub(super) gezag: Vec<String>,
}

/// A signal that led to the aanmelding.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioSignal {
    pub(super) date: Option<String>,
    /// Who noticed it ("mentor", "leerkracht").
    pub(super) source: Option<String>,
    /// The signal category's code.
    pub(super) category: Option<String>,
    pub(super) text: Option<String>,
}

/// A consent asked of the parents (and the pupil), given or refused.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioConsent {
    pub(super) date: Option<String>,
    /// "refused" for a refusal; given otherwise.
    pub(super) status: Option<String>,
    /// Gezag labels, and "leerling(…)" for the pupil.
    #[serde(default)]
    pub(super) givers: Vec<String>,
    /// The organisations the consent covers.
    #[serde(default)]
    pub(super) scope: Vec<String>,
}

/// The absence the school reported.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ScenarioVerzuim {
    /// Lesson hours missed per week.
    #[serde(default)]
    pub(super) weeks: Vec<ScenarioAbsenceWeek>,
    /// The hours of the four weeks before the aanmelding, in total.
    pub(super) intake: Option<ScenarioAbsenceIntake>,
    /// The first day at home.
    pub(super) absent_since: Option<String>,
    /// The day the school reported the absence to DUO.
    pub(super) duo_melding_by_school: Option<String>,
    /// The day an exemption (art. 5a) started.
    #[serde(rename = "exemption5a")]
    pub(super) exemption_5a: Option<String>,
}

/// One week of reported absence.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ScenarioAbsenceWeek {
    /// The week's Monday, ISO.
    pub(super) week: Option<String>,
    /// A school holiday week: no lessons, so no hours.
    pub(super) holiday: Option<bool>,
    pub(super) unauthorised_lesson_hours: Option<u64>,
}

/// The absence over the four weeks before the aanmelding, as the intake reports it.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioAbsenceIntake {
    #[serde(rename = "authorisedHours4w")]
    pub(super) authorised_hours_4w: Option<u64>,
    #[serde(rename = "unauthorisedHours4w")]
    pub(super) unauthorised_hours_4w: Option<u64>,
}

/// Something that happened in the kernteam on a day: a discussion, an anonymous
/// consultation, the conversion to a named casus, an escalation.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioEvent {
    pub(super) date: Option<String>,
    /// "bespreking", "anonieme_consultatie", "conversie_naar_benoemd", …
    pub(super) kind: Option<String>,
    /// The advice of an anonymous consultation.
    pub(super) advice: Option<String>,
    /// Why the consultation is anonymous.
    pub(super) reason: Option<String>,
    /// What a partner reported back.
    pub(super) feedback: Option<String>,
    /// What was agreed.
    #[serde(default)]
    pub(super) actions: Vec<ScenarioAction>,
}

/// An action agreed in a meeting.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioAction {
    pub(super) what: Option<String>,
    /// The owning organisation's code ("jgz", "cjg", …; anything else is the school).
    pub(super) owner: Option<String>,
    /// The due date, ISO; none for an ongoing action.
    pub(super) due: Option<String>,
    /// How it ended: "done", "partial", "not_done", "cancelled"; else open.
    pub(super) status: Option<String>,
}

/// How a scenario ends; empty while it runs.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ScenarioClosure {
    pub(super) date: Option<String>,
    /// The closure reason's code.
    pub(super) reason: Option<String>,
    /// The outcome in words.
    pub(super) detail: Option<String>,
}
