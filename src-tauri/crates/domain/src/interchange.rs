//! Interchange format v1: teams, people and casussen with all their parts as one JSON
//! document, for moving data between installs and for the demo. Versioned; unknown fields are
//! refused (never silently dropped); ids are kept, so importing the same file twice changes
//! nothing. The JSON Schema in `assets/schema/` is generated from these types.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::casus::Intake;
use crate::consent::{GezagHolder, Giver};
use crate::validation::Invalid;
use crate::verzuim::{AbsenceWeek, AttendanceFacts};
use crate::{
    ActionId, ActionStatus, CasusId, CasusMode, CasusStatus, ConsentId, DataCategory, MeetingId,
    MeetingStatus, MemberId, NoteId, NoteKind, NoteVisibility, OrganisationId, OrganisationKind,
    PupilId, Role, SchoolId, SchoolKind, SnapshotMoment, TeamId, Urgency,
};

pub const FORMAT: &str = "kernteam-interchange";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Kernteam interchange format, version 1")]
pub struct Interchange {
    /// Always "kernteam-interchange".
    #[schemars(extend("const" = "kernteam-interchange"))]
    pub format: String,
    /// Always 1 for this schema.
    #[schemars(extend("const" = 1))]
    pub version: u32,
    pub organisations: Vec<XOrganisation>,
    pub schools: Vec<XSchool>,
    pub teams: Vec<XTeam>,
    pub members: Vec<XMember>,
    pub meetings: Vec<XMeeting>,
    pub casussen: Vec<XCasus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XOrganisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XSchool {
    pub id: SchoolId,
    pub name: String,
    pub kind: SchoolKind,
    pub region: Option<String>,
    /// noord, midden or zuid.
    pub holiday_region: String,
    pub retention_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XTeam {
    pub id: TeamId,
    pub school_id: SchoolId,
    pub name: String,
    pub cadence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XRole {
    pub team_id: TeamId,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XMember {
    pub id: MemberId,
    pub name: String,
    pub email: Option<String>,
    pub organisation_id: Option<OrganisationId>,
    pub roles: Vec<XRole>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XMeeting {
    pub id: MeetingId,
    pub team_id: TeamId,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub location: Option<String>,
    pub status: MeetingStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XPupil {
    pub id: PupilId,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub class_name: String,
    pub left_school_on: Option<String>,
    pub gezag_holders: Vec<GezagHolder>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XSignal {
    pub id: String,
    pub observed_on: String,
    pub source: String,
    /// A signal category code (verzuim, ontwikkeling, gedrag, thuissituatie, gezondheid, veiligheid).
    pub category: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XConsent {
    pub id: ConsentId,
    pub given_on: String,
    pub givers: Vec<Giver>,
    pub scope_organisations: Vec<String>,
    pub scope_categories: Vec<String>,
    pub method: String,
    pub recorded_by: Option<String>,
    pub valid_until: String,
    pub withdrawn_on: Option<String>,
    pub withdrawn_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XNote {
    pub id: NoteId,
    pub author_id: Option<MemberId>,
    pub kind: NoteKind,
    pub category: DataCategory,
    pub visibility: NoteVisibility,
    pub facts: String,
    pub opinions: String,
    pub created_at: String,
    pub updated_at: String,
    pub shared_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XAbsenceSnapshot {
    pub id: String,
    pub moment: SnapshotMoment,
    pub taken_on: String,
    pub weeks: Vec<AbsenceWeek>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XLink {
    pub linked_casus_id: CasusId,
    pub family_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XAction {
    pub id: ActionId,
    pub meeting_id: Option<MeetingId>,
    pub description: String,
    pub owner_member_id: Option<MemberId>,
    pub owner_organisation_id: Option<OrganisationId>,
    pub due_on: Option<String>,
    pub status: ActionStatus,
    pub feedback: Option<String>,
    pub created_at: String,
    /// Set for an urgent action logged between meetings (optional within v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent_logged_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XCasus {
    pub id: CasusId,
    pub team_id: TeamId,
    pub mode: CasusMode,
    /// Named casussen have a pupil; anonymous ones have none, only a pseudonym and a reason.
    pub pupil: Option<XPupil>,
    pub pseudonym: Option<String>,
    pub anonymous_reason: Option<String>,
    pub status: CasusStatus,
    pub hulpvraag: String,
    pub hulpvraag_category: Option<String>,
    pub urgency: Urgency,
    pub intake: Intake,
    pub opened_on: String,
    pub next_review_on: Option<String>,
    pub closed_on: Option<String>,
    pub closure_reason: Option<String>,
    pub closure_outcome: Option<String>,
    pub retention_until: Option<String>,
    pub converted_from_id: Option<CasusId>,
    pub signals: Vec<XSignal>,
    pub consents: Vec<XConsent>,
    pub notes: Vec<XNote>,
    pub absence: Vec<XAbsenceSnapshot>,
    pub attendance: Option<AttendanceFacts>,
    pub links: Vec<XLink>,
    pub actions: Vec<XAction>,
}

impl Interchange {
    pub fn empty() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            organisations: Vec::new(),
            schools: Vec::new(),
            teams: Vec::new(),
            members: Vec::new(),
            meetings: Vec::new(),
            casussen: Vec::new(),
        }
    }

    /// Refuses a document of another format or version, with a Dutch message.
    pub fn check_version(&self) -> Result<(), Invalid> {
        if self.format != FORMAT {
            return Err(Invalid::new(
                "format",
                format!(
                    "Dit is geen Kernteam-uitwisselbestand (format \"{}\").",
                    self.format
                ),
            ));
        }
        if self.version != VERSION {
            return Err(Invalid::new(
                "version",
                format!(
                    "Dit bestand heeft versie {} van het uitwisselformaat; deze Kernteam leest versie {VERSION}. Werk Kernteam bij.",
                    self.version
                ),
            ));
        }
        Ok(())
    }

    /// Dates readable, named casussen with a pupil and anonymous ones without; checked before
    /// anything is written.
    pub fn validate(&self) -> Result<(), Invalid> {
        self.check_version()?;
        let date = |field: &'static str, what: &str, text: &str| -> Result<(), Invalid> {
            crate::dates::parse_iso(text).map(|_| ()).ok_or_else(|| {
                Invalid::new(
                    field,
                    format!("{what}: '{text}' is geen datum (JJJJ-MM-DD)."),
                )
            })
        };
        for s in &self.schools {
            if !["noord", "midden", "zuid"].contains(&s.holiday_region.as_str()) {
                return Err(Invalid::new(
                    "holidayRegion",
                    format!(
                        "School '{}': vakantieregio is noord, midden of zuid.",
                        s.name
                    ),
                ));
            }
        }
        for c in &self.casussen {
            let what = format!("Casus {}", c.id);
            date("openedOn", &what, &c.opened_on)?;
            match (c.mode, &c.pupil, &c.pseudonym, &c.anonymous_reason) {
                (CasusMode::Named, Some(p), _, _) => {
                    date("birthDate", &what, &p.birth_date)?;
                }
                (CasusMode::Anonymous, None, Some(_), Some(_)) => {}
                (CasusMode::Named, None, _, _) => {
                    return Err(Invalid::new(
                        "pupil",
                        format!("{what}: een casus op naam heeft een leerling nodig."),
                    ));
                }
                (CasusMode::Anonymous, ..) => {
                    return Err(Invalid::new(
                        "pupil",
                        format!(
                            "{what}: een anonieme bespreking heeft een pseudoniem en een reden, en geen leerling."
                        ),
                    ));
                }
            }
            for s in &c.signals {
                date("observedOn", &what, &s.observed_on)?;
            }
            for x in &c.consents {
                date("givenOn", &what, &x.given_on)?;
                date("validUntil", &what, &x.valid_until)?;
                if x.givers.is_empty() {
                    return Err(Invalid::new(
                        "givers",
                        format!("{what}: een toestemming zonder wie die gaf."),
                    ));
                }
            }
            for a in &c.absence {
                for w in &a.weeks {
                    crate::verzuim::validate_week(w)?;
                }
            }
        }
        Ok(())
    }
}

/// The JSON Schema of the format, as committed in `assets/schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Interchange);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn casus(mode: CasusMode, pupil: bool) -> XCasus {
        XCasus {
            id: CasusId::new(),
            team_id: TeamId::new(),
            mode,
            pupil: pupil.then(|| XPupil {
                id: PupilId::new(),
                given_name: "Noor".into(),
                family_name: "Verbeek".into(),
                birth_date: "2011-05-12".into(),
                class_name: "2 vmbo-t".into(),
                left_school_on: None,
                gezag_holders: vec![],
            }),
            pseudonym: (!pupil).then(|| "Leerling A, groep 8".into()),
            anonymous_reason: (!pupil).then(|| "ouders weigeren".into()),
            status: CasusStatus::Lopend,
            hulpvraag: "x".into(),
            hulpvraag_category: None,
            urgency: Urgency::Normaal,
            intake: Intake::default(),
            opened_on: "2025-09-15".into(),
            next_review_on: None,
            closed_on: None,
            closure_reason: None,
            closure_outcome: None,
            retention_until: None,
            converted_from_id: None,
            signals: vec![],
            consents: vec![],
            notes: vec![],
            absence: vec![],
            attendance: None,
            links: vec![],
            actions: vec![],
        }
    }

    fn with(c: XCasus) -> Interchange {
        let mut doc = Interchange::empty();
        doc.casussen.push(c);
        doc
    }

    #[test]
    fn validation_table() {
        let mut bad_date = casus(CasusMode::Named, true);
        bad_date.opened_on = "15-09-2025".into();
        let mut no_giver = casus(CasusMode::Named, true);
        no_giver.consents.push(XConsent {
            id: ConsentId::new(),
            given_on: "2025-09-23".into(),
            givers: vec![],
            scope_organisations: vec!["school".into()],
            scope_categories: vec![],
            method: "formulier".into(),
            recorded_by: None,
            valid_until: "2026-07-31".into(),
            withdrawn_on: None,
            withdrawn_reason: None,
        });
        let mut wrong_version = with(casus(CasusMode::Named, true));
        wrong_version.version = 2;
        let cases: Vec<(Interchange, Option<&str>, &str)> = vec![
            (
                with(casus(CasusMode::Named, true)),
                None,
                "a named casus with its pupil",
            ),
            (
                with(casus(CasusMode::Anonymous, false)),
                None,
                "an anonymous one with a pseudonym",
            ),
            (
                with(casus(CasusMode::Named, false)),
                Some("pupil"),
                "named without a pupil",
            ),
            (
                with(casus(CasusMode::Anonymous, true)),
                Some("pupil"),
                "anonymous with a pupil",
            ),
            (
                with(bad_date),
                Some("openedOn"),
                "a date in another notation",
            ),
            (with(no_giver), Some("givers"), "consent without a giver"),
            (wrong_version, Some("version"), "a newer version"),
        ];
        for (doc, field, why) in cases {
            assert_eq!(doc.validate().err().map(|e| e.field), field, "{why}");
        }
    }

    #[test]
    fn unknown_fields_are_refused() {
        let text = r#"{"format":"kernteam-interchange","version":1,"organisations":[],"schools":[],
            "teams":[],"members":[],"meetings":[],"casussen":[],"extra":1}"#;
        assert!(
            serde_json::from_str::<Interchange>(text).is_err(),
            "unknown field"
        );
    }

    #[test]
    fn the_schema_names_the_format_and_refuses_extra_fields() {
        let schema = json_schema();
        assert!(schema.contains("\"const\": \"kernteam-interchange\""));
        assert!(schema.contains("\"additionalProperties\": false"));
    }
}
