//! Consent: given by whom for which organisations, withdrawn with a reason.

use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{CasusId, CasusMode, ConsentId, NewConsent};
use kernteam_store::ConsentSeed;

use super::pupil::consent_seed_parts;
use crate::error::AppResult;
use crate::session::{Session, today};

impl Session {
    /// Records consent (toestemming) for discussing a named casus: the day, who gave it (only the
    /// pupil or known gezag-holders), the partner organisations and data categories it covers, how
    /// (form, or verbal with who heard it) and until when (default: end of the school year).
    /// Refuses a future date, an empty scope or an anonymous casus (`Validation`); `ReadOnly` when
    /// the casus is closed. Recorded in the audit log.
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

    /// Withdraws a consent today with the required reason; the record stays, marked as withdrawn.
    /// `NotFound` when the consent does not exist or was already withdrawn, `ReadOnly` when its
    /// casus is closed. Recorded in the audit log.
    pub fn withdraw_consent(&mut self, consent: ConsentId, reason: &str) -> AppResult<()> {
        let reason = required_text("reason", "de reden van intrekken", reason, 1000)?;
        let actor = self.actor_now()?;
        let on = today().to_string();
        self.store()?
            .withdraw_consent(&actor, consent, &on, &reason)?;
        Ok(())
    }
}
