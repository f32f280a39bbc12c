//! Reading casussen: the summary that lists show, the core that the casus screen and its rules
//! need, and the school of a team.

use chrono::NaiveDate;
use kernteam_domain::{
    CasusId, CasusMode, CasusStatus, CasusSummary, HolidayRegion, SchoolId, SchoolKind, TeamId,
    Urgency,
};
use rusqlite::Row;

use crate::records::{casus_label, opt, parse_code, parse_id};
use crate::{Result, Store, StoreError};

/// The casus row and what the rules around it need (school kind, regions, retention term).
pub struct CasusCore {
    /// The casus as lists show it (label, status, dates, open actions).
    pub summary: CasusSummary,
    /// The name of the school of the casus's team.
    pub school_name: String,
    /// The school's type (PO counts clock hours of absence, VO lesson hours).
    pub school_kind: SchoolKind,
    /// The school's region, if one is set (regional settings such as the routekaart follow it).
    pub region: Option<String>,
    /// The school's holiday region code (`noord`, `midden`, `zuid`), for the meldplicht count.
    pub holiday_region: HolidayRegion,
    /// The school's retention term in years (1 to 20), counted from closure or leaving school.
    pub retention_years: u32,
    /// The pupil's birth date as ISO `YYYY-MM-DD`; `None` for an anonymous consultation.
    pub birth_date: Option<NaiveDate>,
    /// Why the casus is discussed anonymously; `None` for a named casus.
    pub anonymous_reason: Option<String>,
    /// The intake as JSON (`kernteam_domain::casus::Intake`); `{}` when nothing was entered.
    pub intake_json: String,
    /// The anonymous consultation this named casus was converted from, if any.
    pub converted_from: Option<CasusId>,
    /// The named casus this anonymous consultation was converted into, if any.
    pub converted_to: Option<CasusId>,
    /// The day the casus was closed, as ISO `YYYY-MM-DD`; `None` while it is open.
    pub closed_on: Option<NaiveDate>,
    /// Why it was closed, as a `ClosureReason` code; `None` while it is open.
    pub closure_reason: Option<String>,
    /// What the team achieved, recorded at closure; `None` while it is open.
    pub closure_outcome: Option<String>,
    /// The day until which the closed casus is kept, as ISO `YYYY-MM-DD`; `None` while open.
    pub retention_until: Option<NaiveDate>,
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
    /// The casussen of one team (or of all teams with `None`): open ones first, then closed,
    /// each group most recently opened first.
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

    /// The school a team belongs to; `NotFound` for an unknown team.
    pub fn school_of_team(&self, team: TeamId) -> Result<SchoolId> {
        let id: Option<String> = opt(self.conn.query_row(
            "SELECT school_id FROM teams WHERE id = ?1",
            [team.to_string()],
            |r| r.get(0),
        ))?;
        Ok(parse_id(id.ok_or(StoreError::NotFound("team"))?)?)
    }

    /// One casus with its school's facts and its closure; `NotFound` for an unknown casus.
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
                        holiday_region: parse_code(r.get(3)?, HolidayRegion::from_code)?,
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
}
