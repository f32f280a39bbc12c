//! Gezag-holders and consent: who may give it, what was given and for whom, and withdrawal.

use chrono::NaiveDate;
use kernteam_domain::consent::{ConsentRecord, GezagHolder, Giver};
use kernteam_domain::{CasusId, ConsentId, ConsentView};
use rusqlite::params;

use super::{ensure_open, to_json};
use crate::audit::{self, AuditAction};
use crate::records::{opt, parse_id};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// One consent as recorded on a casus (docs/DOMAIN.md §2.3); it is never edited, only withdrawn.
pub struct ConsentSeed<'a> {
    /// The day consent was given, as ISO `YYYY-MM-DD`.
    pub given_on: &'a str,
    /// Who gave it: the pupil and/or gezag-holders of the pupil.
    pub givers: &'a [Giver],
    /// The partner organisations it covers, as `OrganisationKind` codes (stored as JSON).
    pub scope_organisations: &'a [String],
    /// The data categories it covers, as `DataCategory` codes (stored as JSON).
    pub scope_categories: &'a [String],
    /// How it was given, as a `ConsentMethod` code (`formulier` or `mondeling`).
    pub method: &'a str,
    /// For verbal consent, the name of who heard it (need not be a member); else `None`.
    pub recorded_by: Option<&'a str>,
    /// The last day it is valid, as ISO `YYYY-MM-DD`.
    pub valid_until: &'a str,
}

/// What the consent rule needs about one casus.
pub struct ConsentFacts {
    /// The pupil's birth date as ISO `YYYY-MM-DD`; `None` for an anonymous consultation.
    pub birth_date: Option<NaiveDate>,
    /// The pupil's gezag-holders, in the order they were added; empty without a pupil.
    pub holders: Vec<GezagHolder>,
    /// The consents as the rule weighs them, newest first; rows whose dates do not parse are
    /// left out.
    pub records: Vec<ConsentRecord>,
    /// Every consent of the casus for display (withdrawn ones included), newest first.
    pub views: Vec<ConsentView>,
}

fn giver_from_legacy(text: &str, holders: &[GezagHolder]) -> Option<Giver> {
    if text.starts_with("leerling") {
        return Some(Giver::Pupil);
    }
    holders
        .iter()
        .find(|h| h.label.eq_ignore_ascii_case(text))
        .map(|h| Giver::Holder(h.id.clone()))
}

/// Givers as stored: the typed JSON form, or the plain labels of early demo stores.
fn parse_givers(json: &str, holders: &[GezagHolder]) -> Vec<Giver> {
    if let Ok(givers) = serde_json::from_str::<Vec<Giver>>(json) {
        return givers;
    }
    serde_json::from_str::<Vec<String>>(json)
        .unwrap_or_default()
        .iter()
        .filter_map(|t| giver_from_legacy(t, holders))
        .collect()
}

/// How each giver is named on screen.
fn giver_labels(givers: &[Giver], holders: &[GezagHolder]) -> Vec<String> {
    givers
        .iter()
        .map(|g| match g {
            Giver::Pupil => "de leerling".to_owned(),
            Giver::Holder(h) => holders
                .iter()
                .find(|x| &x.id == h)
                .map(|x| x.label.clone())
                .unwrap_or_else(|| "gezagdrager".into()),
        })
        .collect()
}

fn json_strings(json: &str) -> Vec<String> {
    serde_json::from_str::<Vec<String>>(json).unwrap_or_default()
}

/// One row of `consents`, its JSON columns not yet read.
struct StoredConsent {
    id: String,
    given_on: NaiveDate,
    givers_json: String,
    orgs_json: String,
    categories_json: String,
    method: String,
    recorded_by: Option<String>,
    valid_until: NaiveDate,
    withdrawn_on: Option<NaiveDate>,
    withdrawn_reason: Option<String>,
}

impl StoredConsent {
    /// The consent as the rule weighs it.
    fn record(&self, givers: &[Giver]) -> ConsentRecord {
        ConsentRecord {
            given_on: self.given_on,
            givers: givers.to_vec(),
            scope_organisations: json_strings(&self.orgs_json),
            valid_until: self.valid_until,
            withdrawn_on: self.withdrawn_on,
        }
    }

    fn into_view(self, givers: Vec<Giver>, holders: &[GezagHolder]) -> Result<ConsentView> {
        let giver_labels = giver_labels(&givers, holders);
        Ok(ConsentView {
            id: parse_id(self.id)?,
            given_on: self.given_on,
            givers,
            giver_labels,
            // Codes were checked when the consent was recorded; one this build does not know
            // (from a newer version) is left out of the view rather than shown raw.
            scope_organisations: json_strings(&self.orgs_json)
                .iter()
                .filter_map(|o| kernteam_domain::OrganisationKind::from_code(o))
                .collect(),
            scope_categories: json_strings(&self.categories_json)
                .iter()
                .filter_map(|c| kernteam_domain::DataCategory::from_code(c))
                .collect(),
            method: crate::records::parse_code(
                self.method,
                kernteam_domain::ConsentMethod::from_code,
            )?,
            recorded_by: self.recorded_by,
            valid_until: self.valid_until,
            withdrawn_on: self.withdrawn_on,
            withdrawn_reason: self.withdrawn_reason,
        })
    }
}

impl Store {
    /// Adds gezag-holders to the pupil of a casus, each in the audit chain. `NotFound` for an
    /// unknown casus, `ReadOnly` once closed, `Invalid` for an anonymous casus (no pupil).
    pub fn add_gezag_holders(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        holders: &[GezagHolder],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        let pupil: Option<String> = tx.query_row(
            "SELECT pupil_id FROM casussen WHERE id = ?1",
            [casus.to_string()],
            |r| r.get(0),
        )?;
        let pupil = pupil.ok_or(StoreError::Invalid("anonymous casus has no pupil".into()))?;
        for h in holders {
            tx.execute(
                "INSERT INTO gezag_holders (id, pupil_id, relation, has_gezag) VALUES (?1, ?2, ?3, ?4)",
                params![h.id, pupil, h.label, h.has_gezag],
            )?;
            audit::append(&tx, &actor.0, AuditAction::Create, "gezag_holder", &h.id)?;
        }
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The gezag-holders of the casus's pupil, in the order added; empty for an anonymous casus.
    pub fn gezag_holders(&self, casus: CasusId) -> Result<Vec<GezagHolder>> {
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.relation, g.has_gezag FROM gezag_holders g
             JOIN casussen c ON c.pupil_id = g.pupil_id WHERE c.id = ?1 ORDER BY g.rowid",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            Ok(GezagHolder {
                id: r.get(0)?,
                label: r.get(1)?,
                has_gezag: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a consent on the casus and returns its id. `NotFound` for an unknown casus,
    /// `ReadOnly` once it is closed.
    pub fn add_consent(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        consent: &ConsentSeed<'_>,
    ) -> Result<ConsentId> {
        let id = ConsentId::new();
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                   method, recorded_by_name, valid_until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![id.to_string(), casus.to_string(), consent.given_on, to_json(&consent.givers)?,
                to_json(&consent.scope_organisations)?, to_json(&consent.scope_categories)?,
                consent.method, consent.recorded_by, consent.valid_until, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "consent",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Withdrawal is recorded on the consent (the record itself stays, with the day and reason).
    pub fn withdraw_consent(
        &mut self,
        actor: &Actor,
        consent: ConsentId,
        on: &str,
        reason: &str,
    ) -> Result<CasusId> {
        let tx = self.conn.transaction()?;
        let casus: Option<String> = opt(tx.query_row(
            "SELECT casus_id FROM consents WHERE id = ?1 AND withdrawn_on IS NULL",
            [consent.to_string()],
            |r| r.get(0),
        ))?;
        let casus: CasusId = parse_id(casus.ok_or(StoreError::NotFound("consent"))?)?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "UPDATE consents SET withdrawn_on = ?2, withdrawn_reason = ?3 WHERE id = ?1",
            params![consent.to_string(), on, reason],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "consent",
            &consent.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(casus)
    }

    /// The pupil's birth date, gezag-holders and consents: what the consent rule needs.
    pub fn consent_facts(&self, casus: CasusId) -> Result<ConsentFacts> {
        let holders = self.gezag_holders(casus)?;
        let birth_date: Option<NaiveDate> = opt(self.conn.query_row(
            "SELECT p.birth_date FROM casussen c JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
            [casus.to_string()],
            |r| r.get(0),
        ))?;
        let mut stmt = self.conn.prepare(
            "SELECT id, given_on, givers_json, scope_orgs_json, scope_categories_json, method,
                    recorded_by_name, valid_until, withdrawn_on, withdrawn_reason
             FROM consents WHERE casus_id = ?1 ORDER BY given_on DESC, created_at DESC",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            Ok(StoredConsent {
                id: r.get(0)?,
                given_on: r.get(1)?,
                givers_json: r.get(2)?,
                orgs_json: r.get(3)?,
                categories_json: r.get(4)?,
                method: r.get(5)?,
                recorded_by: r.get(6)?,
                valid_until: r.get(7)?,
                withdrawn_on: r.get(8)?,
                withdrawn_reason: r.get(9)?,
            })
        })?;
        let mut records = Vec::new();
        let mut views = Vec::new();
        for row in rows {
            let stored = row?;
            let givers = parse_givers(&stored.givers_json, &holders);
            records.push(stored.record(&givers));
            views.push(stored.into_view(givers, &holders)?);
        }
        Ok(ConsentFacts {
            birth_date,
            holders,
            records,
            views,
        })
    }
}
