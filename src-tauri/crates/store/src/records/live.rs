//! Live meeting mode: presence, minute blocks (autosaved), decisions, time per item, and
//! closing a meeting (its review dates and regie go to the casussen).

mod minutes;

pub use minutes::MinutesRow;

use kernteam_domain::agenda::AgendaKind;
use kernteam_domain::live::{DecisionRow, LiveItem, MinuteBlock, Presence};
use kernteam_domain::{AgendaItemId, CasusId, DataCategory, DecisionId, MeetingId, MemberId, Role};
use rusqlite::params;

use super::{opt, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

fn meeting_status(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<String> {
    opt(conn.query_row(
        "SELECT status FROM meetings WHERE id = ?1",
        [meeting.to_string()],
        |r| r.get(0),
    ))?
    .ok_or(StoreError::NotFound("meeting"))
}

fn ensure_running(conn: &rusqlite::Connection, meeting: MeetingId) -> Result<()> {
    match meeting_status(conn, meeting)?.as_str() {
        "bezig" => Ok(()),
        _ => Err(StoreError::ReadOnly),
    }
}

impl Store {
    /// Starts a planned meeting (status `bezig`); starting a running one again changes nothing.
    /// `NotFound` for an unknown meeting, `ReadOnly` once it is closed or cancelled.
    pub fn start_meeting(&mut self, actor: &Actor, meeting: MeetingId) -> Result<()> {
        let tx = self.conn.transaction()?;
        match meeting_status(&tx, meeting)?.as_str() {
            "gepland" => {
                tx.execute(
                    "UPDATE meetings SET status = 'bezig' WHERE id = ?1",
                    [meeting.to_string()],
                )?;
                audit::append(
                    &tx,
                    &actor.0,
                    AuditAction::Change,
                    "meeting",
                    &meeting.to_string(),
                )?;
            }
            "bezig" => {}
            _ => return Err(StoreError::ReadOnly),
        }
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Records whether a member is present at a running meeting. `NotFound` for an unknown
    /// meeting, `ReadOnly` unless it is running.
    pub fn set_presence(
        &mut self,
        actor: &Actor,
        meeting: MeetingId,
        member: MemberId,
        present: bool,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_running(&tx, meeting)?;
        tx.execute(
            "INSERT INTO attendance (meeting_id, member_id, present) VALUES (?1, ?2, ?3)
             ON CONFLICT(meeting_id, member_id) DO UPDATE SET present = excluded.present",
            params![meeting.to_string(), member.to_string(), present],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "attendance",
            &meeting.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Every member of the meeting's team, by name, with one role and `present` as recorded
    /// (`None` while not yet recorded).
    pub fn presence(&self, meeting: MeetingId) -> Result<Vec<Presence>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id, m.name, min(tm.role), o.name, a.present
             FROM meetings mt JOIN team_members tm ON tm.team_id = mt.team_id
             JOIN members m ON m.id = tm.member_id
             LEFT JOIN organisations o ON o.id = m.organisation_id
             LEFT JOIN attendance a ON a.meeting_id = mt.id AND a.member_id = m.id
             WHERE mt.id = ?1 GROUP BY m.id ORDER BY m.name",
        )?;
        let rows = stmt.query_map([meeting.to_string()], |r| {
            Ok(Presence {
                member_id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                role: parse_code(r.get(2)?, Role::from_code)?,
                organisation_name: r.get(3)?,
                present: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The casus an agenda item is about (none for meeting-level items).
    pub fn agenda_item_casus(&self, item: AgendaItemId) -> Result<Option<CasusId>> {
        let casus: Option<Option<String>> = opt(self.conn.query_row(
            "SELECT casus_id FROM agenda_items WHERE id = ?1",
            [item.to_string()],
            |r| r.get(0),
        ))?;
        Ok(casus
            .ok_or(StoreError::NotFound("agenda item"))?
            .map(parse_id)
            .transpose()?)
    }

    /// Autosave of one casus block while the meeting runs.
    pub fn save_block(
        &mut self,
        actor: &Actor,
        item: AgendaItemId,
        block: &MinuteBlock,
    ) -> Result<()> {
        let now = now_from_clock();
        let tx = self.conn.transaction()?;
        let meeting: String = opt(tx.query_row(
            "SELECT meeting_id FROM agenda_items WHERE id = ?1",
            [item.to_string()],
            |r| r.get(0),
        ))?
        .ok_or(StoreError::NotFound("agenda item"))?;
        ensure_running(&tx, parse_id(meeting)?)?;
        let existed: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM minute_blocks WHERE agenda_item_id = ?1)",
            [item.to_string()],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO minute_blocks (agenda_item_id, facts, analysis, regie_organisation_id, next_review_on, to_parents,
                                        health, safety, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(agenda_item_id) DO UPDATE SET facts = excluded.facts, analysis = excluded.analysis,
                regie_organisation_id = excluded.regie_organisation_id, next_review_on = excluded.next_review_on,
                to_parents = excluded.to_parents, health = excluded.health, safety = excluded.safety,
                updated_at = excluded.updated_at",
            params![item.to_string(), block.facts, block.analysis, block.regie_organisation_id.map(|o| o.to_string()),
                block.next_review_on, block.to_parents, block.health, block.safety, now],
        )?;
        if existed {
            audit::append_change_once_per_session(
                &tx,
                &actor.0,
                "minute_block",
                &item.to_string(),
            )?;
        } else {
            audit::append(
                &tx,
                &actor.0,
                AuditAction::Create,
                "minute_block",
                &item.to_string(),
            )?;
        }
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Records a decision in a running meeting, on an item and/or casus if given, and returns its
    /// id. `NotFound` for an unknown meeting, `ReadOnly` unless it is running.
    pub fn add_decision(
        &mut self,
        actor: &Actor,
        meeting: MeetingId,
        item: Option<AgendaItemId>,
        casus: Option<CasusId>,
        text: &str,
        category: DataCategory,
    ) -> Result<DecisionId> {
        let id = DecisionId::new();
        let tx = self.conn.transaction()?;
        ensure_running(&tx, meeting)?;
        tx.execute(
            "INSERT INTO decisions (id, meeting_id, agenda_item_id, casus_id, text, category, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id.to_string(), meeting.to_string(), item.map(|i| i.to_string()), casus.map(|c| c.to_string()), text,
                category.code(), now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "decision",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Adds time spent on an item (the UI reports it when the chair moves on).
    pub fn add_spent(&mut self, item: AgendaItemId, seconds: u32) -> Result<()> {
        self.conn.execute(
            "UPDATE agenda_items SET spent_seconds = spent_seconds + ?2 WHERE id = ?1
               AND meeting_id IN (SELECT id FROM meetings WHERE status = 'bezig')",
            params![item.to_string(), seconds],
        )?;
        Ok(())
    }

    /// The meeting's agenda items in agenda order, each with its minute block (`None` while
    /// nothing was written for it) and the time spent on it.
    pub fn live_items(&self, meeting: MeetingId) -> Result<Vec<LiveItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.id, i.position, i.kind, i.casus_id, i.title, coalesce(i.planned_minutes, 0), i.spent_seconds, i.guest_name,
                    b.agenda_item_id IS NOT NULL, b.facts, b.analysis, b.regie_organisation_id, b.next_review_on, b.to_parents,
                    b.health, b.safety
             FROM agenda_items i LEFT JOIN minute_blocks b ON b.agenda_item_id = i.id
             WHERE i.meeting_id = ?1 ORDER BY i.position",
        )?;
        let rows = stmt.query_map([meeting.to_string()], |r| {
            let has_block: bool = r.get(8)?;
            Ok(LiveItem {
                id: parse_id(r.get(0)?)?,
                position: r.get(1)?,
                kind: parse_code(r.get(2)?, AgendaKind::from_code)?,
                casus_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                title: r.get(4)?,
                planned_minutes: r.get(5)?,
                spent_seconds: r.get(6)?,
                guest_name: r.get(7)?,
                block: if has_block {
                    Some(MinuteBlock {
                        facts: r.get(9)?,
                        analysis: r.get(10)?,
                        regie_organisation_id: r
                            .get::<_, Option<String>>(11)?
                            .map(parse_id)
                            .transpose()?,
                        next_review_on: r.get(12)?,
                        to_parents: r.get(13)?,
                        health: r.get(14)?,
                        safety: r.get(15)?,
                    })
                } else {
                    None
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The decisions of a meeting in the order they were taken.
    pub fn decisions(&self, meeting: MeetingId) -> Result<Vec<DecisionRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, agenda_item_id, text, casus_id, category FROM decisions WHERE meeting_id = ?1
             ORDER BY created_at, rowid",
        )?;
        let rows = stmt.query_map([meeting.to_string()], |r| {
            Ok(DecisionRow {
                id: parse_id(r.get(0)?)?,
                agenda_item_id: r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?,
                text: r.get(2)?,
                casus_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                category: parse_code(r.get(4)?, DataCategory::from_code)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Closes a running meeting with its concept minutes: each block's next review date and
    /// regie go to its casus, and a casus discussed for the first time is now running.
    pub fn close_meeting(
        &mut self,
        actor: &Actor,
        meeting: MeetingId,
        minutes_json: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_running(&tx, meeting)?;
        let minutes = kernteam_domain::MinutesId::new();
        tx.execute(
            "INSERT INTO minutes (id, meeting_id, version, status, body_json, created_at)
             VALUES (?1, ?2, (SELECT coalesce(max(version), 0) + 1 FROM minutes WHERE meeting_id = ?2), 'concept', ?3, ?4)",
            params![minutes.to_string(), meeting.to_string(), minutes_json, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "minutes",
            &minutes.to_string(),
        )?;
        tx.execute(
            "UPDATE casussen SET
                next_review_on = coalesce((SELECT b.next_review_on FROM agenda_items i JOIN minute_blocks b ON b.agenda_item_id = i.id
                                           WHERE i.meeting_id = ?1 AND i.casus_id = casussen.id), next_review_on),
                regie_organisation_id = coalesce((SELECT b.regie_organisation_id FROM agenda_items i JOIN minute_blocks b ON b.agenda_item_id = i.id
                                           WHERE i.meeting_id = ?1 AND i.casus_id = casussen.id), regie_organisation_id),
                status = CASE status WHEN 'aangemeld' THEN 'lopend' ELSE status END,
                updated_at = ?2
             WHERE status <> 'afgesloten' AND id IN (SELECT casus_id FROM agenda_items WHERE meeting_id = ?1 AND casus_id IS NOT NULL)",
            params![meeting.to_string(), now_from_clock()],
        )?;
        tx.execute(
            "UPDATE meetings SET status = 'gesloten' WHERE id = ?1",
            [meeting.to_string()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Close,
            "meeting",
            &meeting.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }
}
