use super::*;

/// A gezag-holder as the intake form sends it. The form chooses the id (a UUID) so a consent
/// entered in the same form can name who gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GezagHolderInput {
    /// A UUID the form chooses, so a consent in the same form can name this person as giver.
    pub id: String,
    /// "moeder", "vader", "voogd" …
    pub label: String,
    /// Whether this person has gezag (parental authority); a parent without it gives no consent.
    pub has_gezag: bool,
}

/// A signal (signaal) as entered: something observed about the pupil, such as absence or behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSignal {
    /// The day it was observed, ISO date; not in the future.
    pub observed_on: String,
    /// Who or what noticed it (e.g. the mentor); at most 100 characters.
    pub source: String,
    /// The domain it belongs to: verzuim, development, behaviour, home situation, health or safety.
    pub category: SignalCategory,
    /// What was seen; at most 2,000 characters.
    pub description: String,
}

/// The intake of a named casus: the pupil, who has gezag, the aanmelding and its signals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewNamedCasus {
    /// The kernteam that will discuss the casus.
    pub team_id: TeamId,
    /// The pupil's given name; required.
    pub given_name: String,
    /// The pupil's family name; required.
    pub family_name: String,
    /// The pupil's birth date, ISO date; consent rules and leerplicht go by the age it gives.
    pub birth_date: String,
    /// The pupil's klas or groep (class or year group); required.
    pub class_name: String,
    /// Parents or guardians; for a pupil under 16 at least one must have gezag.
    pub gezag_holders: Vec<GezagHolderInput>,
    /// The hulpvraag: what the school asks of the kernteam; required.
    pub hulpvraag: String,
    /// How urgent the school judges the question: normaal, hoog or acuut.
    pub urgency: Urgency,
    /// The rest of the aanmelding: who brings it in, what was tried, views of parents and pupil.
    pub intake: Intake,
    /// Signals recorded with the aanmelding; may be empty.
    pub signals: Vec<NewSignal>,
    /// A brother or sister already in Kernteam: linked, never the same casus.
    pub sibling_of: Option<CasusId>,
    /// The note shared with the sibling's casus; used only with `sibling_of`, blank means none.
    pub family_note: Option<String>,
}

/// An anonymous consultation: a pseudonym and a reason, nothing that identifies the pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAnonymousCasus {
    /// The kernteam that holds the consultation.
    pub team_id: TeamId,
    /// "Leerling A, groep 8": a letter and at most the year group, never the exact class.
    pub pseudonym: String,
    /// Why the pupil is discussed anonymously (e.g. consent refused); required.
    pub reason: String,
    /// What the school asks of the kernteam; required, and must not identify the pupil.
    pub hulpvraag: String,
    /// Leervraag (about learning) or leefvraag (about living); `None` when not chosen.
    pub hulpvraag_kind: Option<HulpvraagKind>,
    /// The domain of the question; `None` when not chosen.
    pub hulpvraag_domain: Option<SignalCategory>,
    /// How urgent the school judges the question: normaal, hoog or acuut.
    pub urgency: Urgency,
    /// Signals recorded with the consultation; their text must not identify the pupil.
    pub signals: Vec<NewSignal>,
}

/// A consent (toestemming) to discuss the pupil by name, as the consent form records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewConsent {
    /// The day consent was given, ISO date; not in the future.
    pub given_on: String,
    /// Who gave it (gezag-holders by id, the pupil): under 12 the parents with gezag, 12 to 15
    /// those and the pupil, from 16 the pupil alone.
    pub givers: Vec<Giver>,
    /// The partner organisation kinds data may be shared with; at least one.
    pub scope_organisations: Vec<OrganisationKind>,
    /// The data categories it covers; empty names none (no limit of its own).
    pub scope_categories: Vec<DataCategory>,
    /// How it was given: a signed form or verbally.
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
    /// The anonymous consultation to convert; it is closed as converted, its history stays linked.
    pub anonymous_id: CasusId,
    /// The pupil's given name; required.
    pub given_name: String,
    /// The pupil's family name; required.
    pub family_name: String,
    /// The pupil's birth date, ISO date.
    pub birth_date: String,
    /// The pupil's klas or groep (class or year group); required.
    pub class_name: String,
    /// Parents or guardians; for a pupil under 16 at least one must have gezag.
    pub gezag_holders: Vec<GezagHolderInput>,
    /// The consent that allows it; it must be complete today or the conversion is refused.
    pub consent: NewConsent,
}
