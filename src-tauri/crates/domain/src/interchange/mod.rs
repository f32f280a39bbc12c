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

/// The value of `format` in every interchange document; a file with another value is refused.
pub const FORMAT: &str = "kernteam-interchange";
/// The format version this code reads and writes; a file with another `version` is refused.
pub const VERSION: u32 = 1;

/// One interchange document: organisations, schools, teams, people, meetings and casussen, tied
/// together by UUIDs. A reference names a record in this file or one the receiving install already
/// has.
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
    /// The organisations members work for: the school itself and its partners.
    pub organisations: Vec<XOrganisation>,
    /// The schools whose kernteams (care teams) the document holds.
    pub schools: Vec<XSchool>,
    /// The kernteams, each belonging to one school.
    pub teams: Vec<XTeam>,
    /// The people in these teams, with their roles per team.
    pub members: Vec<XMember>,
    /// The teams' meetings, planned and held; agendas and minutes are not part of the format.
    pub meetings: Vec<XMeeting>,
    /// The casussen (a casus is one pupil discussed by the team, or an anonymous consultation) with
    /// all their parts.
    pub casussen: Vec<XCasus>,
}

/// An organisation a member works for: the school or a partner of the kernteam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XOrganisation {
    /// UUID of the organisation; members and actions refer to it.
    pub id: OrganisationId,
    /// The organisation's name as shown, e.g. "GGD JGZ".
    pub name: String,
    /// What kind of organisation it is (school, leerplicht, jgz, cjg, smw, swv or overig); consent
    /// scopes name these kinds.
    pub kind: OrganisationKind,
}

/// A school, with the settings its kernteams depend on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XSchool {
    /// UUID of the school; teams refer to it.
    pub id: SchoolId,
    /// The school's name as shown.
    pub name: String,
    /// School type (PO, VO, SO, VSO or MBO); PO counts absence in clock hours, VO in lesson hours.
    pub kind: SchoolKind,
    /// The school's region as free text (at most 120 characters), which selects the region's
    /// routekaart (which partner for which signal); `null` when none.
    pub region: Option<String>,
    /// noord, midden or zuid.
    pub holiday_region: String,
    /// Retention period (bewaartermijn) in whole years, counted from the later of closure and
    /// leaving school; then a closed casus is due for deletion.
    pub retention_years: u32,
}

/// A kernteam: the team at one school where education and youth care meet about pupils.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XTeam {
    /// UUID of the team; roles, meetings and casussen refer to it.
    pub id: TeamId,
    /// The school the team belongs to.
    pub school_id: SchoolId,
    /// The team's name as shown.
    pub name: String,
    /// How often the team meets, as free text (e.g. "elke 3 weken"); `null` when not given.
    pub cadence: Option<String>,
}

/// A role one member has in one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XRole {
    /// The team in which the member has this role.
    pub team_id: TeamId,
    /// The role: voorzitter (chair), notulist (minute-taker), leerplicht (attendance officer), jgz
    /// (youth health care), cjg (youth and family support), smw (school social work), swv
    /// (consultant of the samenwerkingsverband), mentor or overig (other).
    pub role: Role,
}

/// A person who sits in one or more kernteams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XMember {
    /// UUID of the person; roles, notes and actions refer to it.
    pub id: MemberId,
    /// The person's name as shown.
    pub name: String,
    /// The person's e-mail address; `null` when not known.
    pub email: Option<String>,
    /// The organisation the person works for; `null` when none is recorded.
    pub organisation_id: Option<OrganisationId>,
    /// The person's roles, one entry per team and role; one person may sit in several teams.
    pub roles: Vec<XRole>,
}

/// A meeting of a kernteam: when, where and how far it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XMeeting {
    /// UUID of the meeting; actions agreed in it refer to it.
    pub id: MeetingId,
    /// The team that meets.
    pub team_id: TeamId,
    /// RFC 3339, UTC.
    pub starts_at: String,
    /// Where the meeting is held, as free text; `null` when not given.
    pub location: Option<String>,
    /// Where the meeting stands: gepland (planned), bezig (being held), gesloten (held) or
    /// geannuleerd (cancelled).
    pub status: MeetingStatus,
}

/// The pupil of a named casus, with the people who do or do not have parental authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XPupil {
    /// UUID of the pupil.
    pub id: PupilId,
    /// The pupil's first name, as the school records it.
    pub given_name: String,
    /// The pupil's surname, as the school records it.
    pub family_name: String,
    /// Date of birth, as an ISO date (`YYYY-MM-DD`); required. Who must consent depends on the age
    /// on the meeting day.
    pub birth_date: String,
    /// The pupil's class or group as the school names it, e.g. "2 vmbo-t".
    pub class_name: String,
    /// The day the pupil left the school, as an ISO date (`YYYY-MM-DD`); `null` while at school.
    pub left_school_on: Option<String>,
    /// Parents and carers, each marked with whether they have gezag (parental authority); consent
    /// givers name them by their id.
    pub gezag_holders: Vec<GezagHolder>,
}

/// A signal (signaal): something noticed about the pupil, such as absence or behaviour, recorded on
/// the casus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XSignal {
    /// Unique id of the signal (a UUID as text).
    pub id: String,
    /// The day it was noticed, as an ISO date (`YYYY-MM-DD`); required.
    pub observed_on: String,
    /// Who noticed or reported it, as free text (e.g. "mentor"); at most 100 characters.
    pub source: String,
    /// A signal category code (verzuim, ontwikkeling, gedrag, thuissituatie, gezondheid, veiligheid).
    pub category: String,
    /// What was noticed, as free text.
    pub description: String,
}

/// A consent (toestemming) record: who agreed that the pupil is discussed by name, with whom and
/// until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XConsent {
    /// UUID of the consent record.
    pub id: ConsentId,
    /// The day consent was given, as an ISO date (`YYYY-MM-DD`); required.
    pub given_on: String,
    /// Who gave it: gezag holders by id and/or the pupil; never empty. Under 12 the parents with
    /// gezag must consent, from 12 to 15 they and the pupil, from 16 the pupil alone.
    pub givers: Vec<Giver>,
    /// Organisation kinds the consent covers (school, leerplicht, jgz, cjg, smw, swv, overig).
    pub scope_organisations: Vec<String>,
    /// Data categories the consent covers (school, verzuim, gezondheid, gezin, veiligheid).
    pub scope_categories: Vec<String>,
    /// How consent was given: "formulier" (signed form) or "mondeling" (verbal, see `recordedBy`).
    pub method: String,
    /// For verbal consent, who heard it; `null` otherwise.
    pub recorded_by: Option<String>,
    /// The last day the consent holds, as an ISO date (`YYYY-MM-DD`); required. The app's default
    /// is the end of the school year.
    pub valid_until: String,
    /// The day consent was withdrawn, as an ISO date (`YYYY-MM-DD`); `null` while it stands.
    pub withdrawn_on: Option<String>,
    /// Why consent was withdrawn, as free text; `null` when not withdrawn.
    pub withdrawn_reason: Option<String>,
}

/// A note on the casus, with facts and opinions kept apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XNote {
    /// UUID of the note.
    pub id: NoteId,
    /// The member who wrote it; `null` when no author is recorded.
    pub author_id: Option<MemberId>,
    /// What the note is for: voorbereiding (a partner's preparation), bespreking (written during
    /// the discussion) or terugkoppeling (feedback afterwards).
    pub kind: NoteKind,
    /// What the note is about (school, verzuim, gezondheid, gezin, veiligheid); health and safety
    /// are not exported to others by default.
    pub category: DataCategory,
    /// "private" (for its author only) or "team" (shared with the kernteam).
    pub visibility: NoteVisibility,
    /// The facts, as free text.
    pub facts: String,
    /// Opinions and interpretations, as free text, kept apart from the facts.
    pub opinions: String,
    /// When the note was written, as an RFC 3339 moment in UTC.
    pub created_at: String,
    /// When the note was last changed, as an RFC 3339 moment in UTC.
    pub updated_at: String,
    /// When the author shared a private note with the team, as an RFC 3339 moment in UTC; `null`
    /// when it never was.
    pub shared_at: Option<String>,
}

/// The absence hours as recorded at one moment of the casus, so absence at intake and at closure
/// can be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XAbsenceSnapshot {
    /// Unique id of the snapshot (a UUID as text).
    pub id: String,
    /// When it was taken: intake (aanmelding), evaluatie (a review) or afsluiting (closure).
    pub moment: SnapshotMoment,
    /// The day it was taken, as an ISO date (`YYYY-MM-DD`).
    pub taken_on: String,
    /// Authorised and unauthorised hours per school week; each `weekStart` must be a Monday, with
    /// at most 40 hours of each kind.
    pub weeks: Vec<AbsenceWeek>,
}

/// A link from this casus to a sibling's casus (siblings are never one casus).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XLink {
    /// The sibling's casus.
    pub linked_casus_id: CasusId,
    /// A note about the family that the linked casussen share; `null` when none.
    pub family_note: Option<String>,
}

/// An action (actiepunt) on the casus: what, who and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XAction {
    /// UUID of the action.
    pub id: ActionId,
    /// The meeting where it was agreed; `null` for an action logged between meetings.
    pub meeting_id: Option<MeetingId>,
    /// What is to be done, as free text.
    pub description: String,
    /// The person who carries it out; `null` when only an organisation is named.
    pub owner_member_id: Option<MemberId>,
    /// The organisation that owns it; `null` when none is recorded.
    pub owner_organisation_id: Option<OrganisationId>,
    /// By when, as an ISO date (`YYYY-MM-DD`); `null` when no date was set.
    pub due_on: Option<String>,
    /// Where it stands: open, gedaan (done), deels (partly done), niet_gedaan (not done) or
    /// vervallen (lapsed).
    pub status: ActionStatus,
    /// The feedback given when it was reviewed, as free text; `null` when none yet.
    pub feedback: Option<String>,
    /// When the action was recorded, as an RFC 3339 moment in UTC.
    pub created_at: String,
    /// Set for an urgent action logged between meetings (optional within v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent_logged_at: Option<String>,
}

/// A casus: one pupil discussed by the kernteam, or an anonymous consultation, with everything
/// recorded about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct XCasus {
    /// UUID of the casus; links and conversions refer to it.
    pub id: CasusId,
    /// The kernteam that discusses it.
    pub team_id: TeamId,
    /// "named" (a pupil discussed by name, with consent) or "anonymous" (anonymous consultation,
    /// the exception when consent is refused).
    pub mode: CasusMode,
    /// Named casussen have a pupil; anonymous ones have none, only a pseudonym and a reason.
    pub pupil: Option<XPupil>,
    /// For an anonymous consultation, the only name it has (e.g. "Leerling A, groep 8"); required
    /// then.
    pub pseudonym: Option<String>,
    /// Why the casus is discussed anonymously; required for an anonymous consultation.
    pub anonymous_reason: Option<String>,
    /// Where the casus stands: aangemeld (registered), lopend (running) or afgesloten (closed,
    /// read-only).
    pub status: CasusStatus,
    /// The question the school asks of the team, as free text.
    pub hulpvraag: String,
    /// The domain of the question: verzuim (absence), ontwikkeling, gedrag, thuissituatie,
    /// gezondheid or veiligheid; `null` when not chosen.
    pub hulpvraag_category: Option<String>,
    /// How urgent the school finds it: normaal, hoog or acuut.
    pub urgency: Urgency,
    /// The aanmelding (intake): who brings the casus in, what the school tried, concerns, and the
    /// views of parents and pupil.
    pub intake: Intake,
    /// The day the casus was opened, as an ISO date (`YYYY-MM-DD`); required.
    pub opened_on: String,
    /// The day of the next review, as an ISO date (`YYYY-MM-DD`); `null` when none is set.
    pub next_review_on: Option<String>,
    /// The day the casus was closed, as an ISO date (`YYYY-MM-DD`); `null` while open.
    pub closed_on: Option<String>,
    /// Why it was closed: doel_bereikt, hulp_loopt_elders, leerling_verlaat_school,
    /// toestemming_ingetrokken, geen_rol_kernteam or omgezet_naar_benoemd; `null` while open.
    pub closure_reason: Option<String>,
    /// What the team achieved (attendance, help in place, placement), as free text; `null` while
    /// open.
    pub closure_outcome: Option<String>,
    /// The day the retention period ends and the closed casus is due for deletion, as an ISO date
    /// (`YYYY-MM-DD`); `null` while open.
    pub retention_until: Option<String>,
    /// For a named casus that began as an anonymous consultation, that consultation's id; `null`
    /// otherwise.
    pub converted_from_id: Option<CasusId>,
    /// The signals recorded on the casus.
    pub signals: Vec<XSignal>,
    /// Every consent record of the casus, expired and withdrawn ones included.
    pub consents: Vec<XConsent>,
    /// The notes on the casus, private preparation notes included.
    pub notes: Vec<XNote>,
    /// Absence snapshots taken at intake, reviews and closure.
    pub absence: Vec<XAbsenceSnapshot>,
    /// What the school entered about the pupil being out of school; `null` when nothing was
    /// entered.
    pub attendance: Option<AttendanceFacts>,
    /// Links to the casussen of siblings.
    pub links: Vec<XLink>,
    /// The casus's actions, agreed in meetings or logged between them.
    pub actions: Vec<XAction>,
}

mod checks;
pub mod full;

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
