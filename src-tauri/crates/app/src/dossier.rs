//! The casus life as use cases: intake, anonymous consultation and its conversion, consent,
//! notes, signals, verzuim, links, closure, search. Rules come from the domain crate; this
//! module validates input, calls the store and assembles what the casus screen shows.

use kernteam_domain::anonymity::{IdentifyingText, find_identifying, refuse_identifying};
use kernteam_domain::casus::{self, Closure, ClosureReason, Intake, SignalCategory};
use kernteam_domain::consent::{self, ConsentStatus, GezagHolder};
use kernteam_domain::dates::{dutch_date, parse_iso};
use kernteam_domain::validation::{Invalid, birth_date, required_text};
use kernteam_domain::verzuim::{self, AbsenceWeek};
use kernteam_domain::{
    AbsenceInput, AbsenceWeekView, ActionId, ActionStatus, AttendanceInput, CasusDossier, CasusId,
    CasusMode, CasusStatus, CasusSummary, ClosureView, ConsentId, ConsentMethod, ConsentOverview,
    ConvertToNamed, GezagHolderInput, MemberId, NewAnonymousCasus, NewConsent, NewNamedCasus,
    NewSignal, NoteDraft, NoteId, RouteSuggestion, SchoolKind, SearchHit, VerzuimView,
};
use kernteam_store::{Actor, CasusSeed, ClosureSeed, ConsentSeed, PupilSeed, StoreError};
use time::{Date, Duration};

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

const PROFILE_KEY: &str = "profile.member_id";
/// How far ahead the casus warns that a pupil turns 12 or 16.
const BOUNDARY_WARNING_DAYS: i64 = 60;

fn date_field(field: &'static str, label: &str, text: &str) -> Result<Date, Invalid> {
    parse_iso(text).ok_or_else(|| Invalid::new(field, format!("Vul een geldige {label} in.")))
}

fn holders_from(input: &[GezagHolderInput]) -> Result<Vec<GezagHolder>, Invalid> {
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
fn require_gezag(birth: Date, holders: &[GezagHolder], on: Date) -> Result<(), Invalid> {
    if kernteam_domain::validation::age_on(birth, on) < 16 && !holders.iter().any(|h| h.has_gezag) {
        return Err(Invalid::new(
            "gezagHolders",
            "Vul minstens één ouder of voogd met gezag in: onder de 16 geven zij toestemming.",
        ));
    }
    Ok(())
}

fn validate_signals(signals: &[NewSignal], today: Date) -> Result<(), Invalid> {
    for s in signals {
        casus::validate_signal(&s.observed_on, &s.source, &s.description, today)?;
    }
    Ok(())
}

struct PupilInput {
    given: String,
    family: String,
    class_name: String,
    birth: Date,
    birth_text: String,
}

impl PupilInput {
    fn seed(&self, school: kernteam_domain::SchoolId) -> PupilSeed<'_> {
        PupilSeed {
            school,
            given_name: &self.given,
            family_name: &self.family,
            birth_date: &self.birth_text,
            class_name: &self.class_name,
        }
    }
}

fn pupil_input(
    given: &str,
    family: &str,
    birth: &str,
    class_name: &str,
    today: Date,
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
fn pupil_with_holders(
    [given, family, birth, class_name]: [&str; 4],
    holders: &[GezagHolderInput],
    today: Date,
) -> Result<(PupilInput, Vec<GezagHolder>), Invalid> {
    let pupil = pupil_input(given, family, birth, class_name, today)?;
    let holders = holders_from(holders)?;
    require_gezag(pupil.birth, &holders, today)?;
    Ok((pupil, holders))
}

fn consent_seed_parts(
    input: &NewConsent,
    holders: &[GezagHolder],
    today: Date,
) -> Result<(Date, Date, Vec<String>, Vec<String>), Invalid> {
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

impl Session {
    /// The member this laptop belongs to: author of notes and actor in the audit log.
    pub fn profile(&mut self) -> AppResult<Option<MemberId>> {
        let store = self.store()?;
        Ok(store
            .setting(PROFILE_KEY)?
            .and_then(|v| v.parse::<MemberId>().ok())
            .filter(|id| {
                store
                    .members()
                    .is_ok_and(|ms| ms.iter().any(|m| m.id == *id))
            }))
    }

    /// The member this laptop belongs to, with name and roles, if chosen.
    pub fn profile_member(&mut self) -> AppResult<Option<kernteam_domain::Member>> {
        let id = self.profile()?;
        Ok(self.members()?.into_iter().find(|m| Some(m.id) == id))
    }

    pub fn set_profile(&mut self, member: MemberId) -> AppResult<()> {
        let actor = self.actor.clone();
        let store = self.store()?;
        if !store.members()?.iter().any(|m| m.id == member) {
            return Err(StoreError::NotFound("member").into());
        }
        store.set_setting(&actor, PROFILE_KEY, &member.to_string())?;
        Ok(())
    }

    /// The audit actor: the user's member id once chosen, "lokaal" before.
    pub(crate) fn actor_now(&mut self) -> AppResult<Actor> {
        Ok(match self.profile()? {
            Some(m) => Actor(m.to_string()),
            None => self.actor.clone(),
        })
    }

    fn require_profile(&mut self) -> AppResult<MemberId> {
        self.profile()?.ok_or_else(|| {
            AppError::new(
                ErrorCode::ProfileRequired,
                "Kies eerst in Instellingen wie u bent (\"Dit ben ik\"): notities krijgen een auteur.",
            )
        })
    }

    fn summary_of(&mut self, id: CasusId) -> AppResult<CasusSummary> {
        Ok(self.store()?.casus_core(id)?.summary)
    }

    /// The intake of a named casus: pupil, gezag-holders, aanmelding, signals, sibling link.
    pub fn create_casus(&mut self, input: &NewNamedCasus) -> AppResult<CasusSummary> {
        let today = today();
        let (pupil, holders) = pupil_with_holders(
            [
                &input.given_name,
                &input.family_name,
                &input.birth_date,
                &input.class_name,
            ],
            &input.gezag_holders,
            today,
        )?;
        let hulpvraag = required_text("hulpvraag", "de hulpvraag", &input.hulpvraag, 4000)?;
        input.intake.validate()?;
        validate_signals(&input.signals, today)?;
        let family_note = input
            .family_note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let intake_json = serde_json::to_string(&input.intake).map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "De aanmelding kon niet worden opgeslagen.",
            )
        })?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let school = store.school_of_team(input.team_id)?;
        let opened = today.to_string();
        let seed = CasusSeed {
            urgency: input.urgency,
            intake_json: &intake_json,
            hulpvraag_category: input.intake.hulpvraag_domain.map(SignalCategory::code),
            ..CasusSeed::aangemeld(input.team_id, &hulpvraag, &opened)
        };
        let id = store.create_named_casus(&actor, &pupil.seed(school), &holders, &seed)?;
        for signal in &input.signals {
            store.add_signal(&actor, id, signal)?;
        }
        if let Some(sibling) = input.sibling_of {
            store.link_siblings(&actor, id, sibling, family_note)?;
        }
        self.summary_of(id)
    }

    /// Every text written into an anonymous casus gets the intake's check, in the backend:
    /// notes, minute blocks, decisions, actions, feedback. `casus` none: not about a pupil.
    pub(crate) fn refuse_identifying_in(
        &mut self,
        casus: Option<CasusId>,
        texts: &[(&'static str, &str)],
    ) -> AppResult<()> {
        let Some(casus) = casus else {
            return Ok(());
        };
        let store = self.store()?;
        if store.casus_core(casus)?.summary.mode != CasusMode::Anonymous {
            return Ok(());
        }
        let known = store.known_pupil_names()?;
        for (field, text) in texts {
            refuse_identifying(field, text, &known)?;
        }
        Ok(())
    }

    /// What in `text` would identify a pupil in an anonymous casus (for live warnings).
    pub fn check_anonymous_text(&mut self, text: &str) -> AppResult<Vec<IdentifyingText>> {
        let known = self.store()?.known_pupil_names()?;
        Ok(find_identifying(text, &known))
    }

    pub fn create_anonymous_casus(&mut self, input: &NewAnonymousCasus) -> AppResult<CasusSummary> {
        let today = today();
        let pseudonym = required_text("pseudonym", "het pseudoniem", &input.pseudonym, 60)?;
        let reason = required_text(
            "reason",
            "de reden om anoniem te bespreken",
            &input.reason,
            1000,
        )?;
        let hulpvraag = required_text("hulpvraag", "de hulpvraag", &input.hulpvraag, 4000)?;
        validate_signals(&input.signals, today)?;
        let known = self.store()?.known_pupil_names()?;
        refuse_identifying("pseudonym", &pseudonym, &known)?;
        refuse_identifying("reason", &reason, &known)?;
        refuse_identifying("hulpvraag", &hulpvraag, &known)?;
        for s in &input.signals {
            refuse_identifying("signals", &s.description, &known)?;
            refuse_identifying("signals", &s.source, &known)?;
        }
        let intake = Intake {
            inbrenger: "anoniem".into(),
            hulpvraag_kind: input.hulpvraag_kind,
            hulpvraag_domain: input.hulpvraag_domain,
            ..Intake::default()
        };
        let intake_json = serde_json::to_string(&intake).map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "De aanmelding kon niet worden opgeslagen.",
            )
        })?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let opened = today.to_string();
        let seed = CasusSeed {
            urgency: input.urgency,
            intake_json: &intake_json,
            hulpvraag_category: input.hulpvraag_domain.map(SignalCategory::code),
            ..CasusSeed::aangemeld(input.team_id, &hulpvraag, &opened)
        };
        let id = store.create_anonymous_casus(&actor, &pseudonym, &reason, &seed)?;
        for signal in &input.signals {
            store.add_signal(&actor, id, signal)?;
        }
        self.summary_of(id)
    }

    /// Converts an anonymous consultation once complete consent exists on the day.
    pub fn convert_to_named(&mut self, input: &ConvertToNamed) -> AppResult<CasusSummary> {
        let today = today();
        let (pupil, holders) = pupil_with_holders(
            [
                &input.given_name,
                &input.family_name,
                &input.birth_date,
                &input.class_name,
            ],
            &input.gezag_holders,
            today,
        )?;
        let (given_on, valid_until, orgs, cats) =
            consent_seed_parts(&input.consent, &holders, today)?;
        let record = consent::ConsentRecord {
            given_on,
            givers: input.consent.givers.clone(),
            scope_organisations: orgs.clone(),
            valid_until,
            withdrawn_on: None,
        };
        let status = consent::status(pupil.birth, &holders, &[record], today);
        if status != ConsentStatus::Volledig {
            return Err(AppError::new(
                ErrorCode::ConsentRequired,
                format!(
                    "Omzetten kan pas met volledige toestemming: {}.",
                    status.label()
                ),
            ));
        }
        let actor = self.actor_now()?;
        let store = self.store()?;
        let core = store.casus_core(input.anonymous_id)?;
        if core.summary.mode != CasusMode::Anonymous {
            return Err(Invalid::new(
                "anonymousId",
                "Alleen een anonieme bespreking kan worden omgezet.",
            )
            .into());
        }
        let school = store.school_of_team(core.summary.team_id)?;
        let (given_text, until_text, today_text) = (
            given_on.to_string(),
            valid_until.to_string(),
            today.to_string(),
        );
        let id = store.convert_to_named(
            &actor,
            input.anonymous_id,
            &pupil.seed(school),
            &holders,
            &ConsentSeed {
                given_on: &given_text,
                givers: &input.consent.givers,
                scope_organisations: &orgs,
                scope_categories: &cats,
                method: input.consent.method.code(),
                recorded_by: input.consent.recorded_by.as_deref(),
                valid_until: &until_text,
            },
            &today_text,
        )?;
        self.summary_of(id)
    }

    pub fn add_consent(&mut self, casus: CasusId, input: &NewConsent) -> AppResult<()> {
        let today = today();
        let actor = self.actor_now()?;
        let store = self.store()?;
        let holders = store.gezag_holders(casus)?;
        if store.casus_core(casus)?.summary.mode == CasusMode::Anonymous {
            return Err(Invalid::new(
                "casus",
                "Een anonieme bespreking heeft geen toestemming: zet haar om naar een casus op naam.",
            )
            .into());
        }
        let (given_on, valid_until, orgs, cats) = consent_seed_parts(input, &holders, today)?;
        store.add_consent(
            &actor,
            casus,
            &ConsentSeed {
                given_on: &given_on.to_string(),
                givers: &input.givers,
                scope_organisations: &orgs,
                scope_categories: &cats,
                method: input.method.code(),
                recorded_by: input.recorded_by.as_deref(),
                valid_until: &valid_until.to_string(),
            },
        )?;
        Ok(())
    }

    pub fn withdraw_consent(&mut self, consent: ConsentId, reason: &str) -> AppResult<()> {
        let reason = required_text("reason", "de reden van intrekken", reason, 1000)?;
        let actor = self.actor_now()?;
        let on = today().to_string();
        self.store()?
            .withdraw_consent(&actor, consent, &on, &reason)?;
        Ok(())
    }

    pub fn add_gezag_holder(&mut self, casus: CasusId, holder: &GezagHolderInput) -> AppResult<()> {
        let holders = holders_from(std::slice::from_ref(holder))?;
        let actor = self.actor_now()?;
        self.store()?.add_gezag_holders(&actor, casus, &holders)?;
        Ok(())
    }

    /// Records a signal and returns what the routekaart suggests for its category.
    pub fn add_signal(&mut self, casus: CasusId, signal: &NewSignal) -> AppResult<RouteSuggestion> {
        casus::validate_signal(
            &signal.observed_on,
            &signal.source,
            &signal.description,
            today(),
        )?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let core = store.casus_core(casus)?;
        if core.summary.mode == CasusMode::Anonymous {
            let known = store.known_pupil_names()?;
            refuse_identifying("description", &signal.description, &known)?;
            refuse_identifying("source", &signal.source, &known)?;
        }
        store.add_signal(&actor, casus, signal)?;
        let kaart = self.routekaart(core.region.as_deref())?;
        let step = casus::route_for(&kaart, signal.category)
            .cloned()
            .ok_or_else(|| {
                AppError::new(ErrorCode::Internal, "De routekaart mist deze categorie.")
            })?;
        Ok(RouteSuggestion {
            category: step.category,
            first_partner: step.first_partner,
            advice: step.advice,
        })
    }

    pub fn update_intake(&mut self, casus: CasusId, intake: &Intake) -> AppResult<()> {
        intake.validate()?;
        let json = serde_json::to_string(intake).map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "De aanmelding kon niet worden opgeslagen.",
            )
        })?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        if store.casus_core(casus)?.summary.mode == CasusMode::Anonymous {
            let known = store.known_pupil_names()?;
            let fixed = [
                &intake.tried,
                &intake.tried_effect,
                &intake.strengths,
                &intake.parents_view,
                &intake.pupil_view,
                &intake.pupil_view_waived,
            ];
            for text in fixed
                .into_iter()
                .chain(intake.concerns.iter().map(|c| &c.text))
            {
                refuse_identifying("intake", text, &known)?;
            }
        }
        store.set_intake(&actor, casus, &json)?;
        Ok(())
    }

    /// Autosave of a note: called while the user types; the same id is one note.
    pub fn save_note(&mut self, draft: &NoteDraft) -> AppResult<()> {
        for (field, label, text) in [
            ("facts", "feiten", &draft.facts),
            ("opinions", "meningen", &draft.opinions),
        ] {
            if text.chars().count() > 20_000 {
                return Err(Invalid::new(
                    field,
                    format!("De {label} zijn te lang (maximaal 20.000 tekens); splits de notitie."),
                )
                .into());
            }
        }
        // An anonymous casus holds no name, date of birth or contact data, in notes too: the
        // editor keeps what was typed and shows the message (nothing is lost).
        self.refuse_identifying_in(
            Some(draft.casus_id),
            &[("facts", &draft.facts), ("opinions", &draft.opinions)],
        )?;
        let author = self.require_profile()?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.save_note(&actor, author, draft)?;
        Ok(())
    }

    pub fn share_note(&mut self, note: NoteId) -> AppResult<()> {
        let author = self.require_profile()?;
        let actor = self.actor_now()?;
        self.store()?.share_note(&actor, author, note)?;
        Ok(())
    }

    pub fn add_absence(&mut self, input: &AbsenceInput) -> AppResult<()> {
        let today = today();
        let taken_on = date_field("takenOn", "datum van de snapshot", &input.taken_on)?;
        if taken_on > today {
            return Err(Invalid::new(
                "takenOn",
                "De snapshot ligt in de toekomst: kies vandaag of eerder.",
            )
            .into());
        }
        if input.weeks.is_empty() {
            return Err(
                Invalid::new("weeks", "Vul de uren van minstens één schoolweek in.").into(),
            );
        }
        for week in &input.weeks {
            verzuim::validate_week(week)?;
        }
        let actor = self.actor_now()?;
        self.store()?.add_absence_snapshot(
            &actor,
            input.casus_id,
            input.moment,
            &taken_on.to_string(),
            &input.weeks,
        )?;
        Ok(())
    }

    pub fn set_attendance(&mut self, input: &AttendanceInput) -> AppResult<()> {
        verzuim::validate_facts(&input.facts, today())?;
        let actor = self.actor_now()?;
        let mut facts = input.facts.clone();
        for field in [
            &mut facts.absent_since,
            &mut facts.duo_reported_on,
            &mut facts.exemption_5a_from,
        ] {
            if field.as_deref().is_some_and(|v| v.trim().is_empty()) {
                *field = None;
            }
        }
        self.store()?
            .set_attendance(&actor, input.casus_id, &facts)?;
        Ok(())
    }

    pub fn link_sibling(
        &mut self,
        casus: CasusId,
        sibling: CasusId,
        family_note: Option<&str>,
    ) -> AppResult<()> {
        if casus == sibling {
            return Err(Invalid::new(
                "sibling",
                "Kies een andere casus: een leerling is niet zijn eigen broer of zus.",
            )
            .into());
        }
        let note = family_note.map(str::trim).filter(|n| !n.is_empty());
        let actor = self.actor_now()?;
        self.store()?.link_siblings(&actor, casus, sibling, note)?;
        Ok(())
    }

    pub fn resolve_action(
        &mut self,
        action: ActionId,
        status: ActionStatus,
        feedback: Option<&str>,
    ) -> AppResult<()> {
        let feedback = kernteam_domain::validation::optional_text(
            "feedback",
            "de terugkoppeling",
            feedback,
            500,
        )?;
        let actor = self.actor_now()?;
        self.store()?
            .set_action_status(&actor, action, status, feedback.as_deref())?;
        Ok(())
    }

    /// Closes a casus: reason and outcome, no open actions, then read-only with its retention date.
    pub fn close_casus(&mut self, casus: CasusId, closure: &Closure) -> AppResult<()> {
        self.refuse_identifying_in(Some(casus), &[("outcome", &closure.outcome)])?;
        let today = today();
        let actor = self.actor_now()?;
        let store = self.store()?;
        let open = store.open_action_count(casus)?;
        let closed_on = casus::validate_closure(closure, open, today).map_err(|e| {
            if e.field == "openActions" {
                AppError::new(ErrorCode::OpenActions, e.message)
            } else {
                e.into()
            }
        })?;
        let core = store.casus_core(casus)?;
        let left = closure
            .left_school_on
            .as_deref()
            .and_then(parse_iso)
            .or_else(|| {
                store
                    .left_school_on(casus)
                    .ok()
                    .flatten()
                    .as_deref()
                    .and_then(parse_iso)
            });
        let retention = casus::retention_until(closed_on, left, core.retention_years);
        let left_text = closure
            .left_school_on
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        store.close_casus(
            &actor,
            casus,
            &ClosureSeed {
                closed_on: &closed_on.to_string(),
                reason: closure.reason.code(),
                outcome: closure.outcome.trim(),
                left_school_on: left_text,
                retention_until: &retention.to_string(),
            },
        )?;
        Ok(())
    }

    pub fn search(&mut self, text: &str) -> AppResult<Vec<SearchHit>> {
        let viewer = self.profile()?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let hits = store.search(text, viewer, 30)?;
        store.record_search(&actor, hits.len())?;
        Ok(hits)
    }

    /// What needs attention within the coming weeks: thuiszitter reminders (4 weeks, 3 months),
    /// a pupil turning 12 or 16 (new consent), a retention date within 30 days.
    pub fn reminders(&mut self) -> AppResult<Vec<kernteam_domain::CasusReminder>> {
        let today = today();
        let definition = self.thuiszitter_definition()?;
        let facts = self.store()?.reminder_facts()?;
        let window = Duration::days(14);
        let mut out = Vec::new();
        for f in facts {
            let birth = f.birth_date.as_deref().and_then(parse_iso);
            let mut push = |on: Date, text: String| {
                out.push(kernteam_domain::CasusReminder {
                    casus_id: f.casus,
                    initials: f.initials.clone(),
                    on: on.to_string(),
                    text,
                });
            };
            if f.closed {
                if let Some(until) = f.retention_until.as_deref().and_then(parse_iso)
                    && casus::retention_warning_due(until, today)
                {
                    push(until, "Bewaartermijn verloopt: bevestig verwijderen of leg een bewaarplicht vast.".into());
                }
                continue;
            }
            let band = verzuim::thuiszitter_band(birth, &f.attendance, definition, today);
            if band != verzuim::ThuiszitterBand::Geen
                && let Some(since) = f.attendance.absent_since.as_deref().and_then(parse_iso)
            {
                for r in verzuim::thuiszitter_reminders(since) {
                    if let Some(on) = parse_iso(&r.on)
                        && on <= today + window
                        && on + window >= today
                    {
                        push(on, r.text);
                    }
                }
            }
            if let Some((age, day)) = birth.and_then(|b| {
                consent::upcoming_boundary(b, today, Duration::days(BOUNDARY_WARNING_DAYS))
            }) {
                push(
                    day,
                    format!("Wordt {age}: vraag opnieuw toestemming vóór het volgende overleg."),
                );
            }
        }
        out.sort_by(|a, b| a.on.cmp(&b.on));
        Ok(out)
    }

    /// Everything the casus screen shows; the opening itself is audited.
    pub fn dossier(&mut self, id: CasusId) -> AppResult<CasusDossier> {
        let today = today();
        let viewer = self.profile()?;
        let actor = self.actor_now()?;
        let definition = self.thuiszitter_definition()?;
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        let core = store.casus_core(id)?;
        store.record_view(&actor, id)?;
        let intake: Intake = serde_json::from_str(&core.intake_json).unwrap_or_default();
        let birth = core.birth_date.as_deref().and_then(parse_iso);

        let consent = if core.summary.mode == CasusMode::Named {
            let facts = store.consent_facts(id)?;
            let status_on = store
                .next_meeting_on(core.summary.team_id, &today.to_string())?
                .as_deref()
                .and_then(|t| parse_iso(t.get(..10).unwrap_or_default()))
                .unwrap_or(today);
            let status = birth.map_or(ConsentStatus::Geen, |b| {
                consent::status(b, &facts.holders, &facts.records, status_on)
            });
            let warning = birth
                .and_then(|b| consent::upcoming_boundary(b, today, Duration::days(BOUNDARY_WARNING_DAYS)))
                .map(|(age, day)| match age {
                    12 => format!(
                        "De leerling wordt 12 op {}: vanaf dan moet de leerling zelf ook toestemming geven.",
                        dutch_date(day)
                    ),
                    _ => format!(
                        "De leerling wordt 16 op {}: vanaf dan beslist de leerling zelf; vraag opnieuw toestemming.",
                        dutch_date(day)
                    ),
                });
            Some(ConsentOverview {
                label: status.label(),
                status,
                status_on: status_on.to_string(),
                holders: facts.holders,
                records: facts.views,
                warning,
            })
        } else {
            None
        };

        let snapshots = store.absence_snapshots(id)?;
        let mut latest: std::collections::BTreeMap<String, AbsenceWeek> = Default::default();
        for snap in &snapshots {
            for w in &snap.weeks {
                latest.insert(w.week_start.clone(), w.clone());
            }
        }
        let region = core.holiday_region.clone();
        let is_holiday = |d: Date| calendar.is_holiday_week(&region, d);
        let weeks: Vec<AbsenceWeek> = latest.into_values().collect();
        let meldplicht = verzuim::meldplicht_reached(&weeks, is_holiday);
        let facts = store.attendance(id)?;
        let band = verzuim::thuiszitter_band(birth, &facts, definition, today);
        let reminders = facts
            .absent_since
            .as_deref()
            .and_then(parse_iso)
            .map(|d| verzuim::thuiszitter_reminders(d).to_vec())
            .unwrap_or_default();
        let exemption_5a_until = facts
            .exemption_5a_from
            .as_deref()
            .and_then(parse_iso)
            .map(|d| verzuim::exemption_5a_until(d).to_string());
        let verzuim = VerzuimView {
            weeks: weeks
                .iter()
                .map(|w| AbsenceWeekView {
                    week_start: w.week_start.clone(),
                    authorised_hours: w.authorised_hours,
                    unauthorised_hours: w.unauthorised_hours,
                    holiday: parse_iso(&w.week_start).is_some_and(is_holiday),
                })
                .collect(),
            snapshots,
            hour_unit: if core.school_kind == SchoolKind::Po {
                "klokuren".into()
            } else {
                "lesuren".into()
            },
            holiday_region: region.clone(),
            meldplicht_week: meldplicht.map(|d| d.to_string()),
            duo_deadline: meldplicht.map(|d| verzuim::duo_deadline(d).to_string()),
            facts,
            band,
            reminders,
            definition,
            exemption_5a_until,
        };

        let signals = store.signals(id)?;
        let notes = store.notes(id, viewer)?;
        let actions = store.actions(Some(id))?;
        let links = store.linked_casussen(id)?;
        let timeline = store.timeline(id, viewer.map(|v| v.to_string()).as_deref())?;
        let closure = match (
            &core.closed_on,
            core.closure_reason
                .as_deref()
                .and_then(ClosureReason::from_code),
        ) {
            (Some(on), Some(reason)) => Some(ClosureView {
                closed_on: on.clone(),
                reason,
                reason_label: reason.label().to_owned(),
                outcome: core.closure_outcome.clone(),
                retention_until: core.retention_until.clone(),
            }),
            _ => None,
        };
        let region_name = core.region.clone();
        let kaart = self.routekaart(region_name.as_deref())?;
        let mut categories: Vec<SignalCategory> = signals
            .iter()
            .filter_map(|s| SignalCategory::from_code(&s.category))
            .collect();
        categories.dedup();
        let routes = kaart
            .iter()
            .filter(|s| categories.contains(&s.category))
            .map(|s| RouteSuggestion {
                category: s.category,
                first_partner: s.first_partner.clone(),
                advice: s.advice.clone(),
            })
            .collect();
        Ok(CasusDossier {
            read_only: core.summary.status == CasusStatus::Afgesloten,
            summary: core.summary,
            school_name: core.school_name,
            birth_date: core.birth_date,
            anonymous_reason: core.anonymous_reason,
            intake,
            signals,
            consent,
            notes,
            actions,
            verzuim,
            links,
            converted_from: core.converted_from,
            converted_to: core.converted_to,
            closure,
            routes,
            timeline,
        })
    }
}

/// The shipped school holidays (`assets/holidays`), used until a school edits them.
pub(crate) const SHIPPED_HOLIDAYS: &str =
    include_str!("../../../../assets/holidays/schoolvakanties.json");

#[cfg(test)]
mod tests {
    use super::*;
    use kernteam_domain::consent::Giver;
    use kernteam_domain::verzuim::HolidayCalendar;

    #[test]
    fn shipped_holidays_parse() {
        let cal: HolidayCalendar = serde_json::from_str(SHIPPED_HOLIDAYS).expect("valid");
        assert!(cal.validate().is_ok());
    }

    #[test]
    fn a_pupil_under_16_needs_someone_with_gezag() {
        let on = time::macros::date!(2025 - 10 - 01);
        let err = require_gezag(time::macros::date!(2012 - 01 - 01), &[], on)
            .expect_err("no holder under 16");
        assert_eq!(err.field, "gezagHolders");
        assert!(
            require_gezag(time::macros::date!(2009 - 01 - 01), &[], on).is_ok(),
            "16+ alone"
        );
    }

    #[test]
    fn verbal_consent_names_who_heard_it() {
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
        let today = time::macros::date!(2025 - 10 - 01);
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
            time::macros::date!(2026 - 07 - 31),
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
