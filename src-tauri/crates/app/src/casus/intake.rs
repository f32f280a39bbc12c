//! Registering a named casus and completing its intake: gezag, signals, the intake fields,
//! siblings.

use kernteam_domain::anonymity::refuse_identifying;
use kernteam_domain::casus::{self, Intake, SignalCategory};
use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{
    CasusId, CasusMode, CasusSummary, GezagHolderInput, NewNamedCasus, NewSignal, RouteSuggestion,
};
use kernteam_store::CasusSeed;

use super::pupil::{holders_from, pupil_with_holders, validate_signals};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

impl Session {
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
        let intake_json = serde_json::to_string(&input.intake).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                "De aanmelding kon niet worden opgeslagen.",
            )
            .caused_by(e)
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

    /// Adds a parent or guardian to the pupil of a named casus, stating whether they have gezag
    /// (parental authority, which decides who must give consent). `Validation` for an invalid id,
    /// a missing label or an anonymous casus, `ReadOnly` when the casus is closed. Recorded in the
    /// audit log.
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

    /// Replaces the intake (aanmelding) of a casus: what was tried and its effect, strengths,
    /// concerns, the views of parents and pupil. An invalid intake or, in an anonymous casus, text
    /// that would identify a pupil is refused (`Validation`); `ReadOnly` when the casus is
    /// closed. Recorded in the audit log.
    pub fn update_intake(&mut self, casus: CasusId, intake: &Intake) -> AppResult<()> {
        intake.validate()?;
        let json = serde_json::to_string(intake).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                "De aanmelding kon niet worden opgeslagen.",
            )
            .caused_by(e)
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

    /// Links the casussen of two siblings both ways, with an optional shared family note (a new
    /// note replaces the old one). A casus cannot be its own sibling (`Validation`); `ReadOnly`
    /// when `casus` is closed. Recorded in the audit log.
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
}
