//! The year schedule of a kernteam, the meetings it generates, and the agenda of a meeting.

use chrono::NaiveDate;
use kernteam_domain::agenda::{AgendaItem, AgendaItemInput, AgendaKind};
use kernteam_domain::{
    ActionId, AgendaItemId, CasusId, CasusMode, CasusStatus, MeetingId, MeetingRow, TeamId,
};
use rusqlite::params;

use super::{casus_label, opt, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// A casus of the team as the agenda builder sees it (consent is judged by the caller).
pub struct AgendaCasusRow {
    /// Which casus: the id an agenda item about it refers to.
    pub id: CasusId,
    /// Named, or an anonymous consultation.
    pub mode: CasusMode,
    /// Aangemeld or lopend (closed casussen are not listed).
    pub status: CasusStatus,
    /// The pupil's initials, or the pseudonym of an anonymous consultation: what agendas carry.
    pub initials: String,
    /// The pupil's class or group; `None` for an anonymous consultation.
    pub class_name: Option<String>,
    /// The next review date as ISO `YYYY-MM-DD`; `None` while none is set.
    pub next_review_on: Option<NaiveDate>,
    /// How many of its actions are still open.
    pub open_actions: u32,
}

/// An open action to be reviewed on a meeting's agenda.
pub struct OpenActionRow {
    /// Which action: the id the action review refers to.
    pub id: ActionId,
    /// The due date as ISO `YYYY-MM-DD`; `None` when no date was set.
    pub due_on: Option<NaiveDate>,
    /// Whether it was recorded as an urgent action taken between meetings.
    pub urgent: bool,
}

impl Store {
    /// Replaces the team's year schedule: the recurrence and its exceptions as JSON
    /// (`kernteam_domain::schedule::Recurrence` and a list of `Exception`s). Meetings are not
    /// touched here; see `sync_planned_meetings`.
    pub fn set_schedule(
        &mut self,
        actor: &Actor,
        team: TeamId,
        recurrence_json: &str,
        exceptions_json: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO meeting_schedules (team_id, recurrence_json, exceptions_json, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(team_id) DO UPDATE SET recurrence_json = excluded.recurrence_json,
                exceptions_json = excluded.exceptions_json, updated_at = excluded.updated_at",
            params![
                team.to_string(),
                recurrence_json,
                exceptions_json,
                now_from_clock()
            ],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "schedule",
            &team.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// (recurrence JSON, exceptions JSON) of a team, if it has a schedule.
    pub fn schedule(&self, team: TeamId) -> Result<Option<(String, String)>> {
        Ok(opt(self.conn.query_row(
            "SELECT recurrence_json, exceptions_json FROM meeting_schedules WHERE team_id = ?1",
            [team.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?)
    }

    /// Makes the planned meetings from `from` on match `planned` (start times, UTC): missing
    /// ones are created, planned ones no longer in the schedule are cancelled (never deleted:
    /// an agenda may hang on them). Returns (created, cancelled).
    pub fn sync_planned_meetings(
        &mut self,
        actor: &Actor,
        team: TeamId,
        from: &str,
        planned: &[String],
        location: Option<&str>,
    ) -> Result<(u32, u32)> {
        let tx = self.conn.transaction()?;
        let existing: Vec<(String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, starts_at FROM meetings WHERE team_id = ?1 AND status = 'gepland' AND starts_at >= ?2",
            )?;
            stmt.query_map(params![team.to_string(), from], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut cancelled = 0;
        for (id, starts_at) in &existing {
            if !planned.contains(starts_at) {
                tx.execute(
                    "UPDATE meetings SET status = 'geannuleerd' WHERE id = ?1",
                    [id],
                )?;
                audit::append(&tx, &actor.0, AuditAction::Change, "meeting", id)?;
                cancelled += 1;
            }
        }
        let mut created = 0;
        for starts_at in planned.iter().filter(|p| p.as_str() >= from) {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM meetings WHERE team_id = ?1 AND starts_at = ?2 AND status <> 'geannuleerd')",
                params![team.to_string(), starts_at],
                |r| r.get(0),
            )?;
            if !exists {
                let id = MeetingId::new();
                tx.execute(
                    "INSERT INTO meetings (id, team_id, starts_at, location, status, created_at) VALUES (?1, ?2, ?3, ?4, 'gepland', ?5)",
                    params![id.to_string(), team.to_string(), starts_at, location, now_from_clock()],
                )?;
                audit::append(
                    &tx,
                    &actor.0,
                    AuditAction::Create,
                    "meeting",
                    &id.to_string(),
                )?;
                created += 1;
            }
        }
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok((created, cancelled))
    }

    /// One meeting with its team's name; `NotFound` for an unknown meeting.
    pub fn meeting(&self, id: MeetingId) -> Result<MeetingRow> {
        opt(self.conn.query_row(
            "SELECT m.id, m.team_id, t.name, m.starts_at, m.location, m.status
             FROM meetings m JOIN teams t ON t.id = m.team_id WHERE m.id = ?1",
            [id.to_string()],
            super::meetings::meeting_from_row,
        ))?
        .ok_or(StoreError::NotFound("meeting"))
    }

    /// The team's open casussen (not closed), oldest opened first, as the agenda builder needs.
    pub fn agenda_casussen(&self, team: TeamId) -> Result<Vec<AgendaCasusRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.mode, c.status, p.given_name, p.family_name, c.pseudonym, p.class_name,
                    c.next_review_on,
                    (SELECT count(*) FROM actions a WHERE a.casus_id = c.id AND a.status = 'open')
             FROM casussen c LEFT JOIN pupils p ON p.id = c.pupil_id
             WHERE c.team_id = ?1 AND c.status <> 'afgesloten' ORDER BY c.opened_on",
        )?;
        let rows = stmt.query_map([team.to_string()], |r| {
            Ok(AgendaCasusRow {
                id: parse_id(r.get(0)?)?,
                mode: parse_code(r.get(1)?, CasusMode::from_code)?,
                status: parse_code(r.get(2)?, CasusStatus::from_code)?,
                initials: casus_label(r, 3)?.1,
                class_name: r.get(6)?,
                next_review_on: r.get(7)?,
                open_actions: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open actions of the team agreed before `starts_at` (or between meetings): each one is
    /// reviewed in every next meeting until it is resolved.
    pub fn open_actions_before(
        &self,
        team: TeamId,
        starts_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<OpenActionRow>> {
        let mut stmt = self.conn.prepare(
            // An action belongs to the team of its meeting, or (between meetings) of its casus.
            // CROSS JOIN fixes the order: from the team's meetings and casussen to their actions,
            // never from all open actions of every team (25 ms on the bench data set, now 1).
            "SELECT id, due_on, urgent FROM (
                SELECT a.id, a.due_on, a.urgent_logged_at IS NOT NULL AS urgent FROM meetings m
                CROSS JOIN actions a ON a.meeting_id = m.id
                WHERE a.status = 'open' AND m.team_id = ?1 AND m.starts_at < ?2
                UNION ALL
                SELECT a.id, a.due_on, a.urgent_logged_at IS NOT NULL FROM casussen c
                CROSS JOIN actions a ON a.casus_id = c.id
                WHERE a.status = 'open' AND a.meeting_id IS NULL AND c.team_id = ?1)
             ORDER BY due_on IS NULL, due_on",
        )?;
        // Instants are compared as the text the store keeps (RFC 3339 with `T` and `Z`).
        let starts_at = kernteam_domain::clock::rfc3339(starts_at);
        let rows = stmt.query_map(params![team.to_string(), starts_at], |r| {
            Ok(OpenActionRow {
                id: parse_id(r.get(0)?)?,
                due_on: r.get(1)?,
                urgent: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The agenda items of a meeting in agenda order; a missing planned time reads as 0 minutes.
    pub fn agenda(&self, meeting: MeetingId) -> Result<Vec<AgendaItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, position, kind, casus_id, title, planned_minutes, guest_name
             FROM agenda_items WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([meeting.to_string()], |r| {
            Ok(AgendaItem {
                id: parse_id(r.get(0)?)?,
                position: r.get(1)?,
                kind: parse_code(r.get(2)?, AgendaKind::from_code)?,
                casus_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                title: r.get(4)?,
                planned_minutes: r.get::<_, Option<u32>>(5)?.unwrap_or(0),
                guest_name: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the agenda of a planned meeting with `items`, in their order.
    pub fn replace_agenda(
        &mut self,
        actor: &Actor,
        meeting: MeetingId,
        items: &[AgendaItemInput],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let status: Option<String> = opt(tx.query_row(
            "SELECT status FROM meetings WHERE id = ?1",
            [meeting.to_string()],
            |r| r.get(0),
        ))?;
        match status.as_deref() {
            None => return Err(StoreError::NotFound("meeting")),
            Some("gepland") => {}
            Some(_) => return Err(StoreError::ReadOnly),
        }
        tx.execute(
            "DELETE FROM agenda_items WHERE meeting_id = ?1",
            [meeting.to_string()],
        )?;
        for (position, item) in items.iter().enumerate() {
            tx.execute(
                "INSERT INTO agenda_items (id, meeting_id, position, kind, casus_id, title, planned_minutes, guest_name)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![AgendaItemId::new().to_string(), meeting.to_string(), position as i64, item.kind.code(),
                    item.casus_id.map(|c| c.to_string()), item.title, item.planned_minutes, item.guest_name],
            )?;
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "agenda",
            &meeting.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }
}
