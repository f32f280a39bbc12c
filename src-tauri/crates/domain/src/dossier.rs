//! What the casus screens send and show: intake input, consent, notes, verzuim and the
//! timeline. Dates are ISO `YYYY-MM-DD`; times ISO-8601 UTC.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::casus::{ClosureReason, HulpvraagKind, Intake, SignalCategory};
use crate::consent::{ConsentStatus, GezagHolder, Giver};
use crate::kinds::vocabulary;
use crate::verzuim::{
    AbsenceWeek, AttendanceFacts, Reminder, ThuiszitterBand, ThuiszitterDefinition,
};
use crate::{
    CasusId, CasusSummary, ConsentId, DataCategory, MemberId, NoteId, NoteKind, OrganisationKind,
    TeamId, Urgency,
};

vocabulary!(
    /// How consent was given.
    ConsentMethod {
        Formulier => ("formulier", "Ondertekend formulier"),
        Mondeling => ("mondeling", "Mondeling, vastgelegd door"),
    }
);

vocabulary!(
    NoteVisibility {
        Private => ("private", "Alleen voor de auteur"),
        Team => ("team", "Gedeeld met het kernteam"),
    }
);

vocabulary!(
    /// When an absence snapshot was taken (docs/DOMAIN.md §4: intake, each review, closure).
    SnapshotMoment {
        Intake => ("intake", "Bij aanmelding"),
        Evaluatie => ("evaluatie", "Bij evaluatie"),
        Afsluiting => ("afsluiting", "Bij afsluiting"),
    }
);

/// A gezag-holder as the intake form sends it. The form chooses the id (a UUID) so a consent
/// entered in the same form can name who gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GezagHolderInput {
    pub id: String,
    /// "moeder", "vader", "voogd" …
    pub label: String,
    pub has_gezag: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSignal {
    pub observed_on: String,
    pub source: String,
    pub category: SignalCategory,
    pub description: String,
}

/// The intake of a named casus: the pupil, who has gezag, the aanmelding and its signals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewNamedCasus {
    pub team_id: TeamId,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub class_name: String,
    pub gezag_holders: Vec<GezagHolderInput>,
    pub hulpvraag: String,
    pub urgency: Urgency,
    pub intake: Intake,
    pub signals: Vec<NewSignal>,
    /// A brother or sister already in Kernteam: linked, never the same casus.
    pub sibling_of: Option<CasusId>,
    pub family_note: Option<String>,
}

/// An anonymous consultation: a pseudonym and a reason, nothing that identifies the pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAnonymousCasus {
    pub team_id: TeamId,
    /// "Leerling A, groep 8": a letter and at most the year group, never the exact class.
    pub pseudonym: String,
    pub reason: String,
    pub hulpvraag: String,
    pub hulpvraag_kind: Option<HulpvraagKind>,
    pub hulpvraag_domain: Option<SignalCategory>,
    pub urgency: Urgency,
    pub signals: Vec<NewSignal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewConsent {
    pub given_on: String,
    pub givers: Vec<Giver>,
    pub scope_organisations: Vec<OrganisationKind>,
    pub scope_categories: Vec<DataCategory>,
    pub method: ConsentMethod,
    /// For verbal consent: who heard it.
    pub recorded_by: Option<String>,
    /// Defaults to the end of the school year.
    pub valid_until: Option<String>,
}

/// Converting an anonymous consultation once consent exists: the pupil's identity arrives now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConvertToNamed {
    pub anonymous_id: CasusId,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub class_name: String,
    pub gezag_holders: Vec<GezagHolderInput>,
    pub consent: NewConsent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView {
    pub id: ConsentId,
    pub given_on: String,
    pub givers: Vec<Giver>,
    pub giver_labels: Vec<String>,
    pub scope_organisations: Vec<crate::OrganisationKind>,
    pub scope_categories: Vec<crate::DataCategory>,
    pub method: ConsentMethod,
    pub recorded_by: Option<String>,
    pub valid_until: String,
    pub withdrawn_on: Option<String>,
    pub withdrawn_reason: Option<String>,
}

/// The one consent status a casus shows, on the day that matters (the next meeting, or today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentOverview {
    pub status: ConsentStatus,
    pub label: String,
    pub status_on: String,
    pub holders: Vec<GezagHolder>,
    pub records: Vec<ConsentView>,
    /// "Wordt 12 op …: nieuwe toestemming nodig" within 60 days of a boundary birthday.
    pub warning: Option<String>,
}

/// What the note editor autosaves. The editor chooses the id so each save is the same upsert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NoteDraft {
    pub id: NoteId,
    pub casus_id: CasusId,
    pub kind: NoteKind,
    pub category: DataCategory,
    pub facts: String,
    pub opinions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteRow {
    pub id: NoteId,
    pub casus_id: CasusId,
    pub author_id: Option<MemberId>,
    pub author_name: Option<String>,
    /// Written by the member this laptop belongs to: editable and shareable.
    pub mine: bool,
    pub kind: NoteKind,
    pub category: DataCategory,
    pub visibility: NoteVisibility,
    pub facts: String,
    pub opinions: String,
    pub created_at: String,
    pub updated_at: String,
    pub shared_at: Option<String>,
    /// Written in the anonymous consultation this casus was converted from.
    pub from_anonymous: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AbsenceInput {
    pub casus_id: CasusId,
    pub moment: SnapshotMoment,
    pub taken_on: String,
    pub weeks: Vec<AbsenceWeek>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AbsenceSnapshot {
    pub moment: SnapshotMoment,
    pub taken_on: String,
    pub weeks: Vec<AbsenceWeek>,
}

/// The verzuim helper of one casus: what the entered hours and facts mean today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerzuimView {
    pub snapshots: Vec<AbsenceSnapshot>,
    /// Every week entered (latest snapshot wins), oldest first, with holiday weeks marked.
    pub weeks: Vec<AbsenceWeekView>,
    /// "lesuren" in VO, "klokuren" in PO.
    pub hour_unit: String,
    pub holiday_region: String,
    /// Monday of the week the 16-hour threshold was reached.
    pub meldplicht_week: Option<String>,
    pub duo_deadline: Option<String>,
    pub facts: AttendanceFacts,
    pub band: ThuiszitterBand,
    pub reminders: Vec<Reminder>,
    pub definition: ThuiszitterDefinition,
    pub exemption_5a_until: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AbsenceWeekView {
    pub week_start: String,
    pub authorised_hours: u32,
    pub unauthorised_hours: u32,
    pub holiday: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceInput {
    pub casus_id: CasusId,
    pub facts: AttendanceFacts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignalRow {
    pub observed_on: String,
    pub source: String,
    pub category: crate::casus::SignalCategory,
    pub description: String,
    pub from_anonymous: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedCasus {
    pub id: CasusId,
    pub label: String,
    pub initials: String,
    pub family_note: Option<String>,
}

/// One line in the chronologie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineItem {
    /// ISO date or time; sorts newest first.
    pub at: String,
    pub kind: TimelineKind,
    pub text: String,
}

vocabulary!(
    TimelineKind {
        Aanmelding => ("aanmelding", "Aanmelding"),
        Signaal => ("signaal", "Signaal"),
        Toestemming => ("toestemming", "Toestemming"),
        Notitie => ("notitie", "Notitie"),
        Overleg => ("overleg", "Overleg"),
        Actie => ("actie", "Actie"),
        Status => ("status", "Status"),
        Export => ("export", "Export"),
        Verzuim => ("verzuim", "Verzuim"),
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClosureView {
    pub closed_on: String,
    pub reason: ClosureReason,
    pub reason_label: String,
    pub outcome: Option<String>,
    pub retention_until: Option<String>,
}

/// A route suggestion shown when a signal is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RouteSuggestion {
    pub category: SignalCategory,
    pub first_partner: String,
    pub advice: String,
}

/// Everything the casus screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CasusDossier {
    pub summary: CasusSummary,
    pub school_name: String,
    pub birth_date: Option<String>,
    pub anonymous_reason: Option<String>,
    pub intake: Intake,
    pub signals: Vec<SignalRow>,
    pub consent: Option<ConsentOverview>,
    pub notes: Vec<NoteRow>,
    pub actions: Vec<crate::ActionRow>,
    pub verzuim: VerzuimView,
    pub links: Vec<LinkedCasus>,
    pub converted_from: Option<CasusId>,
    pub converted_to: Option<CasusId>,
    pub closure: Option<ClosureView>,
    pub read_only: bool,
    pub routes: Vec<RouteSuggestion>,
    pub timeline: Vec<TimelineItem>,
}

vocabulary!(
    /// What a search result is.
    SearchHitKind {
        Casus => ("casus", "Casus"),
        Note => ("note", "Notitie"),
        Decision => ("decision", "Besluit"),
        Action => ("action", "Actie"),
    }
);

/// One search result. `snippet` marks the match with [ and ].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchHitKind,
    pub casus_id: Option<CasusId>,
    pub casus_label: Option<String>,
    pub snippet: String,
}

/// Something about one casus that needs attention soon, for Vandaag (initials only: the
/// start screen is often on a beamer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CasusReminder {
    pub casus_id: CasusId,
    pub initials: String,
    pub on: String,
    pub text: String,
}
