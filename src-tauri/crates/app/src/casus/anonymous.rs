//! Anonymous consultation: a pseudonym only, identifying text refused, and the conversion to a
//! named casus with its history.

use kernteam_domain::anonymity::{IdentifyingText, find_identifying, refuse_identifying};
use kernteam_domain::casus::{Intake, SignalCategory};
use kernteam_domain::consent::{self, ConsentStatus};
use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{CasusId, CasusMode, CasusSummary, ConvertToNamed, NewAnonymousCasus};
use kernteam_store::{CasusSeed, ConsentSeed};

use super::pupil::{consent_seed_parts, pupil_with_holders, validate_signals};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

impl Session {
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

    /// Opens an anonymous consultation (anoniem bespreken: a pupil discussed without consent, by
    /// pseudonym only) with its reason, hulpvraag (what the school asks of the team) and signals,
    /// and returns the new casus. A missing field or any text that would identify a pupil is
    /// refused with a `Validation` error; the casus and each signal are recorded in the audit log.
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
        let intake_json = serde_json::to_string(&intake).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                "De aanmelding kon niet worden opgeslagen.",
            )
            .caused_by(e)
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
}
