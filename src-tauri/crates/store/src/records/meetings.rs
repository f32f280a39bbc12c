//! Meetings and follow-up actions, and the aggregate counts of the monitor.

use kernteam_domain::{
    ActionId, ActionRow, ActionStatus, CasusId, DataCategory, MeetingId, MeetingRow, MeetingStatus,
    MemberId, MonitorCounts, OrganisationId, TeamId,
};
use rusqlite::{Row, params};

use super::{casus_label, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, now_from_clock};

/// A meeting row from `SELECT m.id, m.team_id, t.name, m.starts_at, m.location, m.status`.
pub(crate) fn meeting_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MeetingRow> {
    Ok(MeetingRow {
        id: parse_id(r.get(0)?)?,
        team_id: parse_id(r.get(1)?)?,
        team_name: r.get(2)?,
        starts_at: r.get(3)?,
        location: r.get(4)?,
        status: parse_code(r.get(5)?, MeetingStatus::from_code)?,
    })
}

/// A new follow-up action (actiepunt): what, who, when (docs/DOMAIN.md §2.6).
pub struct ActionSeed<'a> {
    /// The casus it belongs to; `None` for an action that concerns no one casus.
    pub casus: Option<CasusId>,
    /// The meeting where it was agreed; `None` for one agreed between meetings.
    pub meeting: Option<MeetingId>,
    /// What is to be done.
    pub description: &'a str,
    /// The member who carries it out, if one is named.
    pub owner_member: Option<MemberId>,
    /// The organisation that carries it out; without it, the owner member's organisation counts.
    pub owner_organisation: Option<OrganisationId>,
    /// The due date as ISO `YYYY-MM-DD`; `None` when no date was set.
    pub due_on: Option<&'a str>,
    /// Its status to start with (usually `open`).
    pub status: ActionStatus,
    /// An urgent action taken between meetings: logged with the time it is recorded.
    pub urgent: bool,
    /// What the action is about (school, verzuim, gezondheid, …): decides where it may be shown.
    pub category: DataCategory,
}

impl Store {
    /// Actions agreed in one meeting.
    pub fn meeting_actions(&self, meeting: MeetingId) -> Result<Vec<ActionRow>> {
        let ids: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM actions WHERE meeting_id = ?1")?;
            stmt.query_map([meeting.to_string()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        Ok(self
            .actions(None)?
            .into_iter()
            .filter(|a| ids.contains(&a.id.to_string()))
            .collect())
    }
}

impl Store {
    /// Adds a meeting of `team` starting at `starts_at` (RFC 3339, UTC) and returns its id.
    pub fn create_meeting(
        &mut self,
        actor: &Actor,
        team: TeamId,
        starts_at: &str,
        location: Option<&str>,
        status: MeetingStatus,
    ) -> Result<MeetingId> {
        let id = MeetingId::new();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO meetings (id, team_id, starts_at, location, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id.to_string(), team.to_string(), starts_at, location, status.code(), now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "meeting",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Every meeting of every team, latest start first.
    pub fn meetings(&self) -> Result<Vec<MeetingRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id, m.team_id, t.name, m.starts_at, m.location, m.status
             FROM meetings m JOIN teams t ON t.id = m.team_id ORDER BY m.starts_at DESC",
        )?;
        let rows = stmt.query_map([], meeting_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The next planned meeting of any team from `from` (RFC 3339) on.
    pub fn next_planned_meeting(&self, from: &str) -> Result<Option<MeetingRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id, m.team_id, t.name, m.starts_at, m.location, m.status
             FROM meetings m JOIN teams t ON t.id = m.team_id
             WHERE m.status = 'gepland' AND m.starts_at >= ?1 ORDER BY m.starts_at LIMIT 1",
        )?;
        let mut rows = stmt.query_map([from], meeting_from_row)?;
        Ok(rows.next().transpose()?)
    }

    /// The first `limit` open actions of every team, soonest due first (no date last). Reads
    /// only those through the (status, due_on) index: the overview once read all 20,000
    /// actions of the bench data set to show eight.
    pub fn open_actions_due_first(&self, limit: u32) -> Result<Vec<ActionRow>> {
        let sql = format!(
            "{ACTIONS_SELECT} WHERE a.id IN (
                SELECT id FROM (SELECT id FROM actions WHERE status = 'open' AND due_on IS NOT NULL
                                ORDER BY due_on LIMIT ?1)
                UNION ALL
                SELECT id FROM (SELECT id FROM actions WHERE status = 'open' AND due_on IS NULL LIMIT ?1))
             {ACTIONS_ORDER} LIMIT ?1"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([limit], action_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a new action and returns its id. With a casus: `NotFound` if it is unknown,
    /// `ReadOnly` once it is closed.
    pub fn create_action(&mut self, actor: &Actor, seed: &ActionSeed<'_>) -> Result<ActionId> {
        let id = ActionId::new();
        let now = now_from_clock();
        let tx = self.conn.transaction()?;
        if let Some(casus) = seed.casus {
            super::dossier::ensure_open(&tx, casus)?;
        }
        tx.execute(
            "INSERT INTO actions (id, casus_id, meeting_id, description, owner_member_id, owner_organisation_id, due_on, status,
                                  urgent_logged_at, category, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![id.to_string(), seed.casus.map(|c| c.to_string()), seed.meeting.map(|m| m.to_string()),
                seed.description, seed.owner_member.map(|m| m.to_string()), seed.owner_organisation.map(|o| o.to_string()),
                seed.due_on, seed.status.code(), seed.urgent.then_some(now.as_str()), seed.category.code(), now],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "action",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Start time of the team's next planned meeting on or after `day`.
    pub fn next_meeting_on(
        &self,
        team: TeamId,
        day: chrono::NaiveDate,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
        Ok(self.conn.query_row(
            "SELECT min(starts_at) FROM meetings WHERE team_id = ?1 AND status = 'gepland' AND starts_at >= ?2",
            params![team.to_string(), day],
            |r| r.get(0),
        )?)
    }

    /// Records how an action ended (or reopens it), with the one-line feedback.
    pub fn set_action_status(
        &mut self,
        actor: &Actor,
        action: ActionId,
        status: ActionStatus,
        feedback: Option<&str>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE actions SET status = ?2, feedback = coalesce(?3, feedback), updated_at = ?4 WHERE id = ?1
               AND (casus_id IS NULL OR casus_id NOT IN (SELECT id FROM casussen WHERE status = 'afgesloten'))",
            params![action.to_string(), status.code(), feedback, now_from_clock()],
        )?;
        if changed == 0 {
            return Err(crate::StoreError::NotFound("action"));
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "action",
            &action.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Actions, open ones first by due date; optionally those of one casus.
    pub fn actions(&self, casus: Option<CasusId>) -> Result<Vec<ActionRow>> {
        // Two statements, not `?1 IS NULL OR a.casus_id = ?1`, which read every action to
        // find the few of one casus.
        let rows = match casus {
            Some(casus) => {
                let sql = format!("{ACTIONS_SELECT} WHERE a.casus_id = ?1 {ACTIONS_ORDER}");
                let mut stmt = self.conn.prepare(&sql)?;
                stmt.query_map([casus.to_string()], action_from_row)?
                    .collect::<rusqlite::Result<_>>()?
            }
            None => {
                let sql = format!("{ACTIONS_SELECT} {ACTIONS_ORDER}");
                let mut stmt = self.conn.prepare(&sql)?;
                stmt.query_map([], action_from_row)?
                    .collect::<rusqlite::Result<_>>()?
            }
        };
        Ok(rows)
    }

    /// Counts for the monitor; `today` decides what is overdue.
    pub fn monitor_counts(&self, today: &str) -> Result<MonitorCounts> {
        Ok(self.conn.query_row(
            "SELECT
                (SELECT count(*) FROM casussen WHERE status = 'aangemeld'),
                (SELECT count(*) FROM casussen WHERE status = 'lopend'),
                (SELECT count(*) FROM casussen WHERE status = 'afgesloten'),
                (SELECT count(*) FROM casussen WHERE mode = 'anonymous'),
                (SELECT count(DISTINCT pupil_id) FROM casussen WHERE pupil_id IS NOT NULL),
                (SELECT count(*) FROM actions WHERE status = 'open'),
                (SELECT count(*) FROM actions WHERE status = 'open' AND due_on < ?1),
                (SELECT count(*) FROM meetings WHERE status = 'gesloten')",
            [today],
            |r| {
                Ok(MonitorCounts {
                    aangemeld: r.get(0)?,
                    lopend: r.get(1)?,
                    afgesloten: r.get(2)?,
                    anonymous: r.get(3)?,
                    unique_pupils: r.get(4)?,
                    open_actions: r.get(5)?,
                    overdue_actions: r.get(6)?,
                    meetings_held: r.get(7)?,
                })
            },
        )?)
    }
}

const ACTIONS_SELECT: &str = "
    SELECT a.id, a.casus_id, p.given_name, p.family_name, c.pseudonym, a.description,
           m.name, a.owner_member_id, coalesce(a.owner_organisation_id, m.organisation_id), coalesce(o.name, mo.name),
           t.name, substr(mt.starts_at, 1, 10), a.due_on, a.status, a.feedback, a.urgent_logged_at,
           a.category
    FROM actions a
    LEFT JOIN casussen c ON c.id = a.casus_id
    LEFT JOIN pupils p ON p.id = c.pupil_id
    LEFT JOIN members m ON m.id = a.owner_member_id
    LEFT JOIN organisations mo ON mo.id = m.organisation_id
    LEFT JOIN organisations o ON o.id = a.owner_organisation_id
    LEFT JOIN meetings mt ON mt.id = a.meeting_id
    LEFT JOIN teams t ON t.id = coalesce(mt.team_id, c.team_id)";

const ACTIONS_ORDER: &str =
    "ORDER BY CASE a.status WHEN 'open' THEN 0 ELSE 1 END, a.due_on IS NULL, a.due_on";

fn action_from_row(r: &Row<'_>) -> rusqlite::Result<ActionRow> {
    let casus_id: Option<CasusId> = r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?;
    let casus_initials = match casus_id {
        Some(_) => Some(casus_label(r, 2)?.1),
        None => None,
    };
    let member: Option<String> = r.get(6)?;
    let organisation: Option<String> = r.get(9)?;
    let owner = match (&member, &organisation) {
        (Some(m), Some(o)) => Some(format!("{m} ({o})")),
        (m, o) => m.clone().or_else(|| o.clone()),
    };
    Ok(ActionRow {
        id: parse_id(r.get(0)?)?,
        casus_id,
        casus_initials,
        description: r.get(5)?,
        owner,
        owner_member_id: r.get::<_, Option<String>>(7)?.map(parse_id).transpose()?,
        owner_organisation_id: r.get::<_, Option<String>>(8)?.map(parse_id).transpose()?,
        owner_organisation: organisation,
        team_name: r.get(10)?,
        agreed_on: r.get(11)?,
        due_on: r.get(12)?,
        status: parse_code(r.get(13)?, ActionStatus::from_code)?,
        feedback: r.get(14)?,
        urgent_logged_at: r.get(15)?,
        category: parse_code(r.get(16)?, DataCategory::from_code)?,
    })
}
