//! Absence and attendance as the school enters them (the rules are in `kernteam_domain::verzuim`).

use kernteam_domain::validation::Invalid;
use kernteam_domain::verzuim::{self};
use kernteam_domain::{AbsenceInput, AttendanceInput};

use super::pupil::date_field;
use crate::error::AppResult;
use crate::session::{Session, today};

impl Session {
    /// Records an absence snapshot (verzuim: hours absent, authorised and unauthorised, per school
    /// week from Monday) taken at intake, a review or closure. Refuses a date in the future, no
    /// weeks, a week not starting on Monday or over 40 hours (`Validation`); `ReadOnly` when the
    /// casus is closed. Recorded in the audit log.
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

    /// Replaces the attendance facts of a casus: absent since, reported sick, reported to DUO,
    /// start of a vrijstelling 5a (exemption on medical grounds). Empty dates are stored as not
    /// set; an invalid or future date gives `Validation`, a closed casus `ReadOnly`. Recorded in
    /// the audit log.
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
}
