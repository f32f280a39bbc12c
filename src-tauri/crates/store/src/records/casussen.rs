//! Pupils, casussen and their signals; the timeline; conversion of an anonymous consultation.

use kernteam_domain::consent::GezagHolder;
use kernteam_domain::{
    CasusId, CasusMode, CasusStatus, CasusSummary, NewSignal, PupilId, SchoolId, SchoolKind,
    TeamId, TimelineItem, TimelineKind, Urgency,
};
use rusqlite::{Row, params};

use super::{casus_label, opt, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

pub struct PupilSeed<'a> {
    pub school: SchoolId,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub birth_date: &'a str,
    pub class_name: &'a str,
}

pub struct CasusSeed<'a> {
    pub team: TeamId,
    pub hulpvraag: &'a str,
    pub urgency: Urgency,
    pub status: CasusStatus,
    pub opened_on: &'a str,
    pub next_review_on: Option<&'a str>,
    pub closed_on: Option<&'a str>,
    pub closure_reason: Option<&'a str>,
    pub closure_outcome: Option<&'a str>,
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

type ConversionSource = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

/// The casus row and what the rules around it need (school kind, regions, retention term).
pub struct CasusCore {
    pub summary: CasusSummary,
    pub school_name: String,
    pub school_kind: SchoolKind,
    pub region: Option<String>,
    pub holiday_region: String,
    pub retention_years: u32,
    pub birth_date: Option<String>,
    pub anonymous_reason: Option<String>,
    pub intake_json: String,
    pub converted_from: Option<CasusId>,
    pub converted_to: Option<CasusId>,
    pub closed_on: Option<String>,
    pub closure_reason: Option<String>,
    pub closure_outcome: Option<String>,
    pub retention_until: Option<String>,
}

const SUMMARY_SELECT: &str = "
    SELECT c.id, c.team_id, t.name, c.mode, p.given_name, p.family_name, c.pseudonym, p.class_name,
           c.status, c.urgency, c.hulpvraag, c.opened_on, c.next_review_on,
           (SELECT count(*) FROM actions a WHERE a.casus_id = c.id AND a.status = 'open')
    FROM casussen c
    JOIN teams t ON t.id = c.team_id
    LEFT JOIN pupils p ON p.id = c.pupil_id";

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<CasusSummary> {
    let mode = parse_code(r.get(3)?, CasusMode::from_code)?;
    let (label, initials) = casus_label(r, 4)?;
    Ok(CasusSummary {
        id: parse_id(r.get(0)?)?,
        team_id: parse_id(r.get(1)?)?,
        team_name: r.get(2)?,
        mode,
        label,
        initials,
        class_name: r.get(7)?,
        status: parse_code(r.get(8)?, CasusStatus::from_code)?,
        urgency: parse_code(r.get(9)?, Urgency::from_code)?,
        hulpvraag: r.get(10)?,
        opened_on: r.get(11)?,
        next_review_on: r.get(12)?,
        open_actions: r.get(13)?,
    })
}

impl Store {
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
}

fn insert_named(
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

impl Store {
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

    pub fn casussen(&self, team: Option<TeamId>) -> Result<Vec<CasusSummary>> {
        const ORDER: &str =
            "ORDER BY CASE c.status WHEN 'afgesloten' THEN 1 ELSE 0 END, c.opened_on DESC";
        // Two statements, not `?1 IS NULL OR c.team_id = ?1`: that form cannot use the team
        // index and read every casus of every team (four times slower on the bench data set).
        let rows = match team {
            Some(team) => {
                let sql = format!("{SUMMARY_SELECT} WHERE c.team_id = ?1 {ORDER}");
                let mut stmt = self.conn.prepare(&sql)?;
                stmt.query_map([team.to_string()], summary_from_row)?
                    .collect::<rusqlite::Result<_>>()?
            }
            None => {
                let sql = format!("{SUMMARY_SELECT} {ORDER}");
                let mut stmt = self.conn.prepare(&sql)?;
                stmt.query_map([], summary_from_row)?
                    .collect::<rusqlite::Result<_>>()?
            }
        };
        Ok(rows)
    }

    pub fn school_of_team(&self, team: TeamId) -> Result<SchoolId> {
        let id: Option<String> = opt(self.conn.query_row(
            "SELECT school_id FROM teams WHERE id = ?1",
            [team.to_string()],
            |r| r.get(0),
        ))?;
        Ok(parse_id(id.ok_or(StoreError::NotFound("team"))?)?)
    }
}

impl Store {
    pub fn add_signal(&mut self, actor: &Actor, casus: CasusId, signal: &NewSignal) -> Result<()> {
        let id = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.transaction()?;
        super::dossier::ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO signals (id, casus_id, observed_on, source, category, description, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, casus.to_string(), signal.observed_on, signal.source, signal.category.code(),
                signal.description, now_from_clock()],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "signal", &id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn casus_core(&self, id: CasusId) -> Result<CasusCore> {
        let sql = format!("{SUMMARY_SELECT} WHERE c.id = ?1");
        let summary = opt(self
            .conn
            .query_row(&sql, [id.to_string()], summary_from_row))?
        .ok_or(StoreError::NotFound("casus"))?;
        self.conn
            .query_row(
                "SELECT s.name, s.kind, s.region, s.holiday_region, s.retention_years, p.birth_date,
                        c.anonymous_reason, c.intake_json, c.converted_from_id,
                        (SELECT x.id FROM casussen x WHERE x.converted_from_id = c.id),
                        c.closed_on, c.closure_reason, c.closure_outcome, c.retention_until
                 FROM casussen c JOIN teams t ON t.id = c.team_id JOIN schools s ON s.id = t.school_id
                 LEFT JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
                [id.to_string()],
                |r| {
                    Ok(CasusCore {
                        summary: summary.clone(),
                        school_name: r.get(0)?,
                        school_kind: parse_code(r.get(1)?, SchoolKind::from_code)?,
                        region: r.get(2)?,
                        holiday_region: r.get(3)?,
                        retention_years: r.get(4)?,
                        birth_date: r.get(5)?,
                        anonymous_reason: r.get(6)?,
                        intake_json: r.get(7)?,
                        converted_from: r.get::<_, Option<String>>(8)?.map(parse_id).transpose()?,
                        converted_to: r.get::<_, Option<String>>(9)?.map(parse_id).transpose()?,
                        closed_on: r.get(10)?,
                        closure_reason: r.get(11)?,
                        closure_outcome: r.get(12)?,
                        retention_until: r.get(13)?,
                    })
                },
            )
            .map_err(Into::into)
    }

    /// Every opening of a casus is in the audit log.
    /// A search is in the audit log with the number of hits; the text searched for is not.
    pub fn record_search(&mut self, actor: &Actor, hits: usize) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Search,
            "search",
            &format!("{hits} resultaten"),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn record_view(&mut self, actor: &Actor, id: CasusId) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::View, "casus", &id.to_string())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The chronologie of a casus and of the anonymous consultation it came from, newest first.
    /// Notes appear only where `viewer` may read them.
    pub fn timeline(&self, id: CasusId, viewer: Option<&str>) -> Result<Vec<TimelineItem>> {
        let family = "(SELECT ?1 UNION SELECT converted_from_id FROM casussen WHERE id = ?1 AND converted_from_id IS NOT NULL)";
        let mut items = Vec::new();
        let mut collect = |sql: String, kind: TimelineKind| -> Result<()> {
            let mut stmt = self.conn.prepare(&sql)?;
            let row = |r: &Row<'_>| {
                Ok(TimelineItem {
                    at: r.get(0)?,
                    kind,
                    text: r.get(1)?,
                })
            };
            // Only the notes query asks who is looking.
            let rows: Vec<TimelineItem> = if stmt.parameter_count() == 2 {
                stmt.query_map(params![id.to_string(), viewer], row)?
                    .collect::<rusqlite::Result<_>>()?
            } else {
                stmt.query_map(params![id.to_string()], row)?
                    .collect::<rusqlite::Result<_>>()?
            };
            items.extend(rows);
            Ok(())
        };
        collect(
            format!("SELECT opened_on, CASE mode WHEN 'anonymous' THEN 'Anonieme bespreking aangemeld' ELSE 'Casus aangemeld' END
                     FROM casussen WHERE id IN {family}"),
            TimelineKind::Aanmelding,
        )?;
        collect(
            format!(
                "SELECT observed_on, source || ': ' || description FROM signals WHERE casus_id IN {family}"
            ),
            TimelineKind::Signaal,
        )?;
        collect(
            format!("SELECT given_on, 'Toestemming vastgelegd, geldig tot en met ' || valid_until FROM consents WHERE casus_id IN {family}
                     UNION ALL SELECT withdrawn_on, 'Toestemming ingetrokken' || coalesce(': ' || withdrawn_reason, '')
                     FROM consents WHERE casus_id IN {family} AND withdrawn_on IS NOT NULL"),
            TimelineKind::Toestemming,
        )?;
        collect(
            format!("SELECT created_at, CASE kind WHEN 'voorbereiding' THEN 'Voorbereiding' WHEN 'bespreking' THEN 'Bespreking' ELSE 'Terugkoppeling' END
                        || ' (' || category || ')' || CASE visibility WHEN 'private' THEN ', alleen voor u' ELSE '' END
                        || coalesce(': ' || nullif(substr(facts, 1, 120), ''), '')
                     FROM notes WHERE casus_id IN {family} AND (visibility = 'team' OR author_member_id = ?2)
                       AND (facts <> '' OR opinions <> '')"),
            TimelineKind::Notitie,
        )?;
        collect(
            format!("SELECT DISTINCT m.starts_at, 'Besproken in het kernteam' FROM meetings m
                     WHERE m.status <> 'geannuleerd' AND m.id IN (
                        SELECT meeting_id FROM agenda_items WHERE casus_id IN {family}
                        UNION SELECT meeting_id FROM actions WHERE casus_id IN {family} AND meeting_id IS NOT NULL
                        UNION SELECT meeting_id FROM decisions WHERE casus_id IN {family})"),
            TimelineKind::Overleg,
        )?;
        collect(
            format!("SELECT coalesce((SELECT starts_at FROM meetings m WHERE m.id = actions.meeting_id), created_at),
                        description || coalesce(' (uiterlijk ' || due_on || ')', '')
                        || CASE status WHEN 'open' THEN '' ELSE ' — ' || replace(status, '_', ' ') END
                     FROM actions WHERE casus_id IN {family}"),
            TimelineKind::Actie,
        )?;
        collect(
            format!(
                "SELECT taken_on, 'Verzuimsnapshot (' || moment || ')' FROM absence_snapshots WHERE casus_id IN {family}"
            ),
            TimelineKind::Verzuim,
        )?;
        collect(
            format!("SELECT closed_on, CASE closure_reason WHEN 'omgezet_naar_benoemd' THEN 'Omgezet naar een casus op naam'
                        ELSE 'Afgesloten: ' || replace(coalesce(closure_reason, ''), '_', ' ') END
                     FROM casussen WHERE id IN {family} AND closed_on IS NOT NULL"),
            TimelineKind::Status,
        )?;
        collect(
            format!("SELECT at, 'Export voor ' || recipient || ' (' || format || CASE encrypted WHEN 1 THEN ', versleuteld' ELSE ', onversleuteld' END || ')'
                     FROM export_log WHERE casus_id IN {family}"),
            TimelineKind::Export,
        )?;
        for item in &mut items {
            item.text = kernteam_domain::dates::dutch_dates_in(&item.text);
        }
        items.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(items)
    }

    /// Turns an anonymous consultation into a named casus in one transaction: the pupil and
    /// the gezag-holders arrive, the new casus points back at the consultation (whose history
    /// it shows), the consultation is closed as converted, and both are in the audit log.
    pub fn convert_to_named(
        &mut self,
        actor: &Actor,
        anonymous: CasusId,
        pupil: &PupilSeed<'_>,
        holders: &[GezagHolder],
        consent: &super::ConsentSeed<'_>,
        today: &str,
    ) -> Result<CasusId> {
        let tx = self.conn.transaction()?;
        super::dossier::ensure_open(&tx, anonymous)?;
        let row: Option<ConversionSource> =
            opt(tx.query_row(
                "SELECT mode, team_id, hulpvraag_category, hulpvraag, urgency, intake_json, next_review_on
                 FROM casussen WHERE id = ?1",
                [anonymous.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
            ))?;
        let (mode, team, category, hulpvraag, urgency, intake, review) =
            row.ok_or(StoreError::NotFound("casus"))?;
        if mode != "anonymous" {
            return Err(StoreError::Invalid(
                "only an anonymous casus can be converted".into(),
            ));
        }
        let id = CasusId::new();
        let seed = CasusSeed {
            team: parse_id(team)?,
            hulpvraag: &hulpvraag,
            urgency: Urgency::from_code(&urgency).unwrap_or(Urgency::Normaal),
            status: CasusStatus::Lopend,
            opened_on: today,
            next_review_on: review.as_deref(),
            closed_on: None,
            closure_reason: None,
            closure_outcome: None,
            retention_until: None,
            intake_json: &intake,
            hulpvraag_category: category.as_deref(),
        };
        insert_named(&tx, actor, id, Some(anonymous), pupil, holders, &seed)?;
        let consent_id = kernteam_domain::ConsentId::new();
        tx.execute(
            "INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                   method, recorded_by_name, valid_until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![consent_id.to_string(), id.to_string(), consent.given_on,
                serde_json::to_string(consent.givers).unwrap_or_default(),
                serde_json::to_string(consent.scope_organisations).unwrap_or_default(),
                serde_json::to_string(consent.scope_categories).unwrap_or_default(),
                consent.method, consent.recorded_by, consent.valid_until, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "consent",
            &consent_id.to_string(),
        )?;
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
