//! Opening a casus: named, with its pupil and gezag-holders, or an anonymous consultation.

use kernteam_domain::consent::GezagHolder;
use kernteam_domain::{CasusId, CasusStatus, PupilId, SchoolId, TeamId, Urgency};
use rusqlite::params;

use crate::audit::{self, AuditAction};
use crate::records::opt;
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// The pupil of a new named casus, as written to the `pupils` row.
pub struct PupilSeed<'a> {
    /// The pupil's school; must be the school of the casus's team.
    pub school: SchoolId,
    /// The pupil's given name.
    pub given_name: &'a str,
    /// The pupil's family name.
    pub family_name: &'a str,
    /// The birth date as ISO `YYYY-MM-DD` (age, and so who gives consent, follows from it).
    pub birth_date: &'a str,
    /// The class or group as the school names it (e.g. `groep 8`).
    pub class_name: &'a str,
}

/// The casus row of a new casus, named or anonymous, as written to `casussen`.
pub struct CasusSeed<'a> {
    /// The kernteam that discusses the casus.
    pub team: TeamId,
    /// What the school asks of the team, in its own words.
    pub hulpvraag: &'a str,
    /// How urgent the aanmelding is, as the school states it.
    pub urgency: Urgency,
    /// Where the casus stands: aangemeld, lopend or afgesloten.
    pub status: CasusStatus,
    /// The day the casus was opened (aangemeld), as ISO `YYYY-MM-DD`.
    pub opened_on: &'a str,
    /// The next review date as ISO `YYYY-MM-DD`; `None` while none is set.
    pub next_review_on: Option<&'a str>,
    /// The day the casus was closed, as ISO `YYYY-MM-DD`; `None` while it is open.
    pub closed_on: Option<&'a str>,
    /// Why it was closed, as a `ClosureReason` code; `None` while it is open.
    pub closure_reason: Option<&'a str>,
    /// What the team achieved, recorded at closure; `None` while it is open.
    pub closure_outcome: Option<&'a str>,
    /// The day until which the closed casus is kept, as ISO `YYYY-MM-DD`; `None` while open.
    pub retention_until: Option<&'a str>,
    /// The intake as JSON (`kernteam_domain::casus::Intake`).
    pub intake_json: &'a str,
    /// Code of the hulpvraag domain, for the monitor.
    pub hulpvraag_category: Option<&'a str>,
}

impl<'a> CasusSeed<'a> {
    /// A fresh aanmelding opened on `opened_on`, not yet discussed, with an empty intake.
    pub fn aangemeld(team: TeamId, hulpvraag: &'a str, opened_on: &'a str) -> Self {
        Self {
            team,
            hulpvraag,
            urgency: Urgency::Normaal,
            status: CasusStatus::Aangemeld,
            opened_on,
            next_review_on: None,
            closed_on: None,
            closure_reason: None,
            closure_outcome: None,
            retention_until: None,
            intake_json: "{}",
            hulpvraag_category: None,
        }
    }
}

impl Store {
    /// A casus on name: writes the pupil, its gezag-holders and the casus, each creation in the
    /// audit chain. `NotFound` for an unknown team; `Invalid` if the pupil's school is not the
    /// team's school.
    pub fn create_named_casus(
        &mut self,
        actor: &Actor,
        pupil: &PupilSeed<'_>,
        holders: &[GezagHolder],
        casus: &CasusSeed<'_>,
    ) -> Result<CasusId> {
        let id = CasusId::new();
        let tx = self.conn.transaction()?;
        insert_named(&tx, actor, id, None, pupil, holders, casus)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// An anonymous consultation: a pseudonym and a reason, and no pupil row at all.
    pub fn create_anonymous_casus(
        &mut self,
        actor: &Actor,
        pseudonym: &str,
        reason: &str,
        casus: &CasusSeed<'_>,
    ) -> Result<CasusId> {
        let id = CasusId::new();
        let now = now_from_clock();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO casussen (id, team_id, mode, pseudonym, anonymous_reason, status, hulpvraag,
                                   hulpvraag_category, urgency, intake_json, opened_on, next_review_on,
                                   closed_on, closure_reason, closure_outcome, retention_until, created_at, updated_at)
             VALUES (?1, ?2, 'anonymous', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
            params![id.to_string(), casus.team.to_string(), pseudonym, reason, casus.status.code(),
                casus.hulpvraag, casus.hulpvraag_category, casus.urgency.code(), casus.intake_json,
                casus.opened_on, casus.next_review_on, casus.closed_on, casus.closure_reason,
                casus.closure_outcome, casus.retention_until, now],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "casus", &id.to_string())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }
}

/// Writes the pupil, its gezag-holders and the named casus into `tx`: on its own when a casus
/// is created, and as one step of a conversion.
pub(super) fn insert_named(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    id: CasusId,
    converted_from: Option<CasusId>,
    pupil: &PupilSeed<'_>,
    holders: &[GezagHolder],
    casus: &CasusSeed<'_>,
) -> Result<()> {
    let pupil_id = PupilId::new();
    let now = now_from_clock();
    let school_of_team: Option<String> = opt(tx.query_row(
        "SELECT school_id FROM teams WHERE id = ?1",
        [casus.team.to_string()],
        |r| r.get(0),
    ))?;
    match school_of_team {
        None => return Err(StoreError::NotFound("team")),
        Some(s) if s != pupil.school.to_string() => {
            return Err(StoreError::Invalid(
                "the pupil's school is not the team's school".into(),
            ));
        }
        Some(_) => {}
    }
    tx.execute(
            "INSERT INTO pupils (id, school_id, given_name, family_name, birth_date, class_name, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![pupil_id.to_string(), pupil.school.to_string(), pupil.given_name, pupil.family_name,
                pupil.birth_date, pupil.class_name, now],
        )?;
    audit::append(
        tx,
        &actor.0,
        AuditAction::Create,
        "pupil",
        &pupil_id.to_string(),
    )?;
    for h in holders {
        tx.execute(
            "INSERT INTO gezag_holders (id, pupil_id, relation, has_gezag) VALUES (?1, ?2, ?3, ?4)",
            params![h.id, pupil_id.to_string(), h.label, h.has_gezag],
        )?;
    }
    tx.execute(
            "INSERT INTO casussen (id, team_id, pupil_id, mode, status, hulpvraag, hulpvraag_category, urgency,
                                   intake_json, opened_on, next_review_on, closed_on, closure_reason,
                                   closure_outcome, retention_until, converted_from_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'named', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
            params![id.to_string(), casus.team.to_string(), pupil_id.to_string(), casus.status.code(),
                casus.hulpvraag, casus.hulpvraag_category, casus.urgency.code(), casus.intake_json,
                casus.opened_on, casus.next_review_on, casus.closed_on, casus.closure_reason,
                casus.closure_outcome, casus.retention_until, converted_from.map(|c| c.to_string()), now],
        )?;
    audit::append(tx, &actor.0, AuditAction::Create, "casus", &id.to_string())?;
    Ok(())
}
