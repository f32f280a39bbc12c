//! Pupils, casussen, signals and consent.

use kernteam_domain::pupil::initials;
use kernteam_domain::{
    CasusDetail, CasusId, CasusMode, CasusStatus, CasusSummary, PupilId, SchoolId, Signal, TeamId,
    TimelineEntry, Urgency,
};
use rusqlite::{Row, params};

use super::{opt, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_utc};

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
}

pub struct ConsentSeed<'a> {
    pub given_on: &'a str,
    pub givers: &'a [String],
    pub scope_organisations: &'a [String],
    pub method: &'a str,
    pub valid_until: &'a str,
}

const SUMMARY_SELECT: &str = "
    SELECT c.id, c.team_id, t.name, c.mode, c.pseudonym, p.given_name, p.family_name, p.class_name,
           c.status, c.urgency, c.hulpvraag, c.opened_on, c.next_review_on,
           (SELECT count(*) FROM actions a WHERE a.casus_id = c.id AND a.status = 'open')
    FROM casussen c
    JOIN teams t ON t.id = c.team_id
    LEFT JOIN pupils p ON p.id = c.pupil_id";

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<CasusSummary> {
    let mode = parse_code(r.get(3)?, CasusMode::from_code)?;
    let pseudonym: Option<String> = r.get(4)?;
    let given: Option<String> = r.get(5)?;
    let family: Option<String> = r.get(6)?;
    let (label, initials) = match (mode, given, family) {
        (CasusMode::Named, Some(g), Some(f)) => (format!("{g} {f}"), initials(&g, &f)),
        _ => {
            let p = pseudonym.unwrap_or_default();
            (p.clone(), p)
        }
    };
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
        casus: &CasusSeed<'_>,
    ) -> Result<CasusId> {
        let pupil_id = PupilId::new();
        let id = CasusId::new();
        let now = now_utc();
        let tx = self.conn.transaction()?;
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
            &tx,
            &actor.0,
            AuditAction::Create,
            "pupil",
            &pupil_id.to_string(),
        )?;
        tx.execute(
            "INSERT INTO casussen (id, team_id, pupil_id, mode, status, hulpvraag, urgency, opened_on,
                                   next_review_on, closed_on, closure_reason, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'named', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![id.to_string(), casus.team.to_string(), pupil_id.to_string(), casus.status.code(),
                casus.hulpvraag, casus.urgency.code(), casus.opened_on, casus.next_review_on,
                casus.closed_on, casus.closure_reason, now],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "casus", &id.to_string())?;
        tx.commit()?;
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
        let now = now_utc();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO casussen (id, team_id, mode, pseudonym, anonymous_reason, status, hulpvraag, urgency,
                                   opened_on, next_review_on, closed_on, closure_reason, created_at, updated_at)
             VALUES (?1, ?2, 'anonymous', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            params![id.to_string(), casus.team.to_string(), pseudonym, reason, casus.status.code(),
                casus.hulpvraag, casus.urgency.code(), casus.opened_on, casus.next_review_on,
                casus.closed_on, casus.closure_reason, now],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "casus", &id.to_string())?;
        tx.commit()?;
        Ok(id)
    }

    pub fn add_signal(&mut self, actor: &Actor, casus: CasusId, signal: &Signal) -> Result<()> {
        let id = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO signals (id, casus_id, observed_on, source, category, description, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, casus.to_string(), signal.observed_on, signal.source, signal.category, signal.description, now_utc()],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "signal", &id)?;
        tx.commit()?;
        Ok(())
    }

    pub fn add_consent(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        consent: &ConsentSeed<'_>,
    ) -> Result<()> {
        let id = uuid::Uuid::now_v7().to_string();
        let json = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                   method, valid_until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, '[]', ?6, ?7, ?8)",
            params![id, casus.to_string(), consent.given_on, json(consent.givers),
                json(consent.scope_organisations), consent.method, consent.valid_until, now_utc()],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "consent", &id)?;
        tx.commit()?;
        Ok(())
    }

    pub fn casussen(&self, team: Option<TeamId>) -> Result<Vec<CasusSummary>> {
        let sql = format!(
            "{SUMMARY_SELECT} WHERE (?1 IS NULL OR c.team_id = ?1)
             ORDER BY CASE c.status WHEN 'afgesloten' THEN 1 ELSE 0 END, c.opened_on DESC"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([team.map(|t| t.to_string())], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Opens one casus; the view itself goes into the audit log.
    pub fn view_casus(&mut self, actor: &Actor, id: CasusId) -> Result<CasusDetail> {
        let sql = format!("{SUMMARY_SELECT} WHERE c.id = ?1");
        let summary = opt(self
            .conn
            .query_row(&sql, [id.to_string()], summary_from_row))?
        .ok_or(StoreError::NotFound("casus"))?;
        let (school_name, birth_date, anonymous_reason): (String, Option<String>, Option<String>) =
            self.conn.query_row(
                "SELECT s.name, p.birth_date, c.anonymous_reason FROM casussen c
             JOIN teams t ON t.id = c.team_id JOIN schools s ON s.id = t.school_id
             LEFT JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        let mut stmt = self.conn.prepare(
            "SELECT observed_on, source, category, description FROM signals WHERE casus_id = ?1 ORDER BY observed_on DESC",
        )?;
        let signals = stmt
            .query_map([id.to_string()], |r| {
                Ok(Signal {
                    observed_on: r.get(0)?,
                    source: r.get(1)?,
                    category: r.get(2)?,
                    description: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let actions = self.actions(Some(id))?;
        let mut timeline: Vec<TimelineEntry> = signals
            .iter()
            .map(|s| TimelineEntry {
                at: s.observed_on.clone(),
                kind: "signaal".into(),
                text: s.description.clone(),
            })
            .collect();
        let mut consents = self.conn.prepare(
            "SELECT given_on, valid_until, withdrawn_on FROM consents WHERE casus_id = ?1",
        )?;
        for row in consents.query_map([id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })? {
            let (given, until, withdrawn) = row?;
            timeline.push(TimelineEntry {
                at: given,
                kind: "toestemming".into(),
                text: match kernteam_domain::dates::parse_iso(&until) {
                    Some(d) => format!(
                        "Toestemming vastgelegd, geldig tot en met {}",
                        kernteam_domain::dates::dutch_date(d)
                    ),
                    None => "Toestemming vastgelegd".to_owned(),
                },
            });
            if let Some(w) = withdrawn {
                timeline.push(TimelineEntry {
                    at: w,
                    kind: "toestemming".into(),
                    text: "Toestemming ingetrokken".into(),
                });
            }
        }
        for action in &actions {
            timeline.push(TimelineEntry {
                at: action
                    .due_on
                    .clone()
                    .unwrap_or_else(|| summary.opened_on.clone()),
                kind: "actie".into(),
                text: action.description.clone(),
            });
        }
        drop(consents);
        drop(stmt);
        timeline.push(TimelineEntry {
            at: summary.opened_on.clone(),
            kind: "aanmelding".into(),
            text: "Casus aangemeld".into(),
        });
        timeline.sort_by(|a, b| b.at.cmp(&a.at));

        let tx = self.conn.transaction()?;
        audit::append(&tx, &actor.0, AuditAction::View, "casus", &id.to_string())?;
        tx.commit()?;
        Ok(CasusDetail {
            summary,
            school_name,
            birth_date,
            anonymous_reason,
            signals,
            actions,
            timeline,
        })
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
