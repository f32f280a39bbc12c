//! Conversion of an anonymous consultation into a named casus that carries on its history.

use kernteam_domain::consent::GezagHolder;
use kernteam_domain::{CasusId, CasusStatus, Urgency};
use rusqlite::{Transaction, params};

use super::creation::{CasusSeed, PupilSeed, insert_named};
use crate::audit::{self, AuditAction};
use crate::records::dossier::ensure_open;
use crate::records::{ConsentSeed, opt, parse_id};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

type ConversionSource = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

/// What the named casus takes over from the consultation.
struct Consultation {
    team: String,
    hulpvraag_category: Option<String>,
    hulpvraag: String,
    urgency: String,
    intake_json: String,
    next_review_on: Option<String>,
}

impl Store {
    /// Turns an anonymous consultation into a named casus in one transaction: the pupil and
    /// the gezag-holders arrive, the new casus points back at the consultation (whose history
    /// it shows), the consultation is closed as converted, and both are in the audit log.
    pub fn convert_to_named(
        &mut self,
        actor: &Actor,
        anonymous: CasusId,
        pupil: &PupilSeed<'_>,
        holders: &[GezagHolder],
        consent: &ConsentSeed<'_>,
        today: &str,
    ) -> Result<CasusId> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, anonymous)?;
        let source = consultation(&tx, anonymous)?;
        let id = CasusId::new();
        let seed = CasusSeed {
            team: parse_id(source.team)?,
            hulpvraag: &source.hulpvraag,
            urgency: Urgency::from_code(&source.urgency).unwrap_or(Urgency::Normaal),
            status: CasusStatus::Lopend,
            opened_on: today,
            next_review_on: source.next_review_on.as_deref(),
            closed_on: None,
            closure_reason: None,
            closure_outcome: None,
            retention_until: None,
            intake_json: &source.intake_json,
            hulpvraag_category: source.hulpvraag_category.as_deref(),
        };
        insert_named(&tx, actor, id, Some(anonymous), pupil, holders, &seed)?;
        insert_consent(&tx, actor, id, consent)?;
        // Open actions of the consultation move to the named casus; nothing stays dangling.
        tx.execute(
            "UPDATE actions SET casus_id = ?2, updated_at = ?3 WHERE casus_id = ?1 AND status = 'open'",
            params![anonymous.to_string(), id.to_string(), now_from_clock()],
        )?;
        tx.execute(
            "UPDATE casussen SET status = 'afgesloten', closed_on = ?2, closure_reason = 'omgezet_naar_benoemd',
                updated_at = ?3 WHERE id = ?1",
            params![anonymous.to_string(), today, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Convert,
            "casus",
            &anonymous.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }
}

/// The consultation to convert; refused unless it is anonymous.
fn consultation(tx: &Transaction<'_>, anonymous: CasusId) -> Result<Consultation> {
    let row: Option<ConversionSource> = opt(tx.query_row(
        "SELECT mode, team_id, hulpvraag_category, hulpvraag, urgency, intake_json, next_review_on
                 FROM casussen WHERE id = ?1",
        [anonymous.to_string()],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        },
    ))?;
    let (mode, team, category, hulpvraag, urgency, intake, review) =
        row.ok_or(StoreError::NotFound("casus"))?;
    if mode != "anonymous" {
        return Err(StoreError::Invalid(
            "only an anonymous casus can be converted".into(),
        ));
    }
    Ok(Consultation {
        team,
        hulpvraag_category: category,
        hulpvraag,
        urgency,
        intake_json: intake,
        next_review_on: review,
    })
}

/// The consent given with the conversion, recorded on the new named casus.
fn insert_consent(
    tx: &Transaction<'_>,
    actor: &Actor,
    casus: CasusId,
    consent: &ConsentSeed<'_>,
) -> Result<()> {
    let consent_id = kernteam_domain::ConsentId::new();
    tx.execute(
            "INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                   method, recorded_by_name, valid_until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![consent_id.to_string(), casus.to_string(), consent.given_on,
                serde_json::to_string(consent.givers).unwrap_or_default(),
                serde_json::to_string(consent.scope_organisations).unwrap_or_default(),
                serde_json::to_string(consent.scope_categories).unwrap_or_default(),
                consent.method, consent.recorded_by, consent.valid_until, now_from_clock()],
        )?;
    audit::append(
        tx,
        &actor.0,
        AuditAction::Create,
        "consent",
        &consent_id.to_string(),
    )?;
    Ok(())
}
