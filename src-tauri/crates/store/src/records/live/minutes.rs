//! A meeting's minutes once it is closed: its versions, finalising by the chair, and
//! corrections as new versions.

use chrono::{DateTime, Utc};
use kernteam_domain::MeetingId;
use rusqlite::params;

use crate::audit::{self, AuditAction};
use crate::records::opt;
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// One stored version of a meeting's minutes, its body still as JSON.
pub struct MinutesRow {
    /// The version number: 1 for the minutes written at closing, one higher per correction.
    pub version: u32,
    /// `concept` (still editable) or `vastgesteld` (finalised: never changed or deleted).
    pub status: String,
    /// Why this version corrects the one before; `None` for the first version.
    pub correction_reason: Option<String>,
    /// When this version was written, RFC 3339 in UTC.
    pub created_at: DateTime<Utc>,
    /// When the chair finalised it, RFC 3339 in UTC; `None` while it is a concept.
    pub finalised_at: Option<DateTime<Utc>>,
    /// The minutes themselves (`kernteam_domain::live::MinutesBody` as JSON).
    pub body_json: String,
}

/// The newest version of a meeting's minutes (id, version), refused as read-only unless it
/// has the status the change needs.
fn latest_minutes(
    tx: &rusqlite::Transaction<'_>,
    meeting: MeetingId,
    wanted: &str,
) -> Result<(String, u32)> {
    let latest: Option<(String, u32, String)> = opt(tx.query_row(
        "SELECT id, version, status FROM minutes WHERE meeting_id = ?1 ORDER BY version DESC LIMIT 1",
        [meeting.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?;
    let (id, version, status) = latest.ok_or(StoreError::NotFound("minutes"))?;
    if status != wanted {
        return Err(StoreError::ReadOnly);
    }
    Ok((id, version))
}

impl Store {
    /// Every version of a meeting's minutes, newest first; empty before the meeting is closed.
    pub fn minutes(&self, meeting: MeetingId) -> Result<Vec<MinutesRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT version, status, correction_reason, created_at, finalised_at, body_json
             FROM minutes WHERE meeting_id = ?1 ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([meeting.to_string()], |r| {
            Ok(MinutesRow {
                version: r.get(0)?,
                status: r.get(1)?,
                correction_reason: r.get(2)?,
                created_at: r.get(3)?,
                finalised_at: r.get(4)?,
                body_json: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The chair finalises the newest concept; from then on that version never changes.
    pub fn finalise_minutes(&mut self, actor: &Actor, meeting: MeetingId) -> Result<()> {
        let tx = self.conn.transaction()?;
        let (id, _) = latest_minutes(&tx, meeting, "concept")?;
        tx.execute(
            "UPDATE minutes SET status = 'vastgesteld', finalised_at = ?2 WHERE id = ?1",
            params![id, now_from_clock()],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Change, "minutes", &id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The chair edits the concept before finalising it (autosaved, so audited once per
    /// editing session); finalised versions are refused.
    pub fn edit_concept_minutes(
        &mut self,
        actor: &Actor,
        meeting: MeetingId,
        body_json: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let (id, _) = latest_minutes(&tx, meeting, "concept")?;
        tx.execute(
            "UPDATE minutes SET body_json = ?2 WHERE id = ?1 AND status = 'concept'",
            params![id, body_json],
        )?;
        audit::append_change_once_per_session(&tx, &actor.0, "minutes", &id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// A correction of finalised minutes: a new concept version with its reason; the
    /// finalised one stays as it is.
    pub fn correct_minutes(
        &mut self,
        actor: &Actor,
        meeting: MeetingId,
        reason: &str,
        body_json: &str,
    ) -> Result<u32> {
        let tx = self.conn.transaction()?;
        let (_, version) = latest_minutes(&tx, meeting, "vastgesteld").map_err(|e| match e {
            StoreError::ReadOnly => {
                StoreError::Invalid("only finalised minutes are corrected by a new version".into())
            }
            other => other,
        })?;
        let id = kernteam_domain::MinutesId::new();
        tx.execute(
            "INSERT INTO minutes (id, meeting_id, version, status, correction_reason, body_json, created_at)
             VALUES (?1, ?2, ?3, 'concept', ?4, ?5, ?6)",
            params![id.to_string(), meeting.to_string(), version + 1, reason, body_json, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "minutes",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(version + 1)
    }
}
