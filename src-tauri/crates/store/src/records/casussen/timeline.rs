//! The chronologie of a casus: one query per kind of event, merged and sorted newest first.

use kernteam_domain::casus::ClosureReason;
use kernteam_domain::{
    ActionStatus, CasusId, DataCategory, NoteKind, SnapshotMoment, TimelineEvent, TimelineItem,
};
use rusqlite::{Connection, Row, params};

use crate::records::parse_code;
use crate::{Result, Store};

/// One query of the chronologie: its SQL (selecting the moment first) and how a row becomes an
/// event.
type EventQuery = (String, fn(&Row<'_>) -> rusqlite::Result<TimelineEvent>);

impl Store {
    /// The chronologie of a casus and of the anonymous consultation it came from, newest first.
    /// Notes appear only where `viewer` may read them.
    pub fn timeline(&self, id: CasusId, viewer: Option<&str>) -> Result<Vec<TimelineItem>> {
        let family = "(SELECT ?1 UNION SELECT converted_from_id FROM casussen WHERE id = ?1 AND converted_from_id IS NOT NULL)";
        let queries = dossier_queries(family)
            .into_iter()
            .chain(follow_up_queries(family));
        let mut items: Vec<TimelineItem> = Vec::new();
        // One query after the other in this order: the sort below is stable, so events of the
        // same moment keep it.
        for (sql, event) in queries {
            items.extend(timeline_rows(&self.conn, &sql, event, id, viewer)?);
        }
        items.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(items)
    }
}

/// What went into the dossier: the aanmelding, signals, consent and notes.
fn dossier_queries(family: &str) -> [EventQuery; 5] {
    [
        (
            format!("SELECT opened_on, mode = 'anonymous' FROM casussen WHERE id IN {family}"),
            |r| {
                Ok(TimelineEvent::Registered {
                    anonymous: r.get(1)?,
                })
            },
        ),
        (
            format!(
                "SELECT observed_on, source, description FROM signals WHERE casus_id IN {family}"
            ),
            |r| {
                Ok(TimelineEvent::Signal {
                    source: r.get(1)?,
                    description: r.get(2)?,
                })
            },
        ),
        (
            format!("SELECT given_on, valid_until FROM consents WHERE casus_id IN {family}"),
            |r| {
                Ok(TimelineEvent::ConsentGiven {
                    valid_until: r.get(1)?,
                })
            },
        ),
        (
            format!(
                "SELECT withdrawn_on, withdrawn_reason FROM consents
                 WHERE casus_id IN {family} AND withdrawn_on IS NOT NULL"
            ),
            |r| {
                Ok(TimelineEvent::ConsentWithdrawn {
                    reason: r.get(1)?,
                })
            },
        ),
        (
            format!("SELECT created_at, kind, category, visibility = 'private', nullif(substr(facts, 1, 120), '')
                     FROM notes WHERE casus_id IN {family} AND (visibility = 'team' OR author_member_id = ?2)
                       AND (facts <> '' OR opinions <> '')"),
            |r| {
                Ok(TimelineEvent::Note {
                    note_kind: parse_code(r.get(1)?, NoteKind::from_code)?,
                    category: parse_code(r.get(2)?, DataCategory::from_code)?,
                    private: r.get(3)?,
                    excerpt: r.get(4)?,
                })
            },
        ),
    ]
}

/// What followed: meetings, actions, absence snapshots, closure and exports.
fn follow_up_queries(family: &str) -> [EventQuery; 5] {
    [
        (
            format!("SELECT DISTINCT m.starts_at FROM meetings m
                     WHERE m.status <> 'geannuleerd' AND m.id IN (
                        SELECT meeting_id FROM agenda_items WHERE casus_id IN {family}
                        UNION SELECT meeting_id FROM actions WHERE casus_id IN {family} AND meeting_id IS NOT NULL
                        UNION SELECT meeting_id FROM decisions WHERE casus_id IN {family})"),
            |_| Ok(TimelineEvent::Discussed),
        ),
        (
            format!("SELECT coalesce((SELECT starts_at FROM meetings m WHERE m.id = actions.meeting_id), created_at),
                        description, due_on, status
                     FROM actions WHERE casus_id IN {family}"),
            |r| {
                Ok(TimelineEvent::Action {
                    description: r.get(1)?,
                    due_on: r.get(2)?,
                    status: parse_code(r.get(3)?, ActionStatus::from_code)?,
                })
            },
        ),
        (
            format!(
                "SELECT taken_on, moment FROM absence_snapshots WHERE casus_id IN {family}"
            ),
            |r| {
                Ok(TimelineEvent::AbsenceSnapshot {
                    moment: parse_code(r.get(1)?, SnapshotMoment::from_code)?,
                })
            },
        ),
        (
            format!(
                "SELECT closed_on, closure_reason FROM casussen WHERE id IN {family} AND closed_on IS NOT NULL"
            ),
            |r| {
                let reason: Option<String> = r.get(1)?;
                Ok(TimelineEvent::Closed {
                    reason: reason.as_deref().and_then(ClosureReason::from_code),
                })
            },
        ),
        (
            format!("SELECT at, recipient, format, encrypted FROM export_log WHERE casus_id IN {family}"),
            |r| {
                Ok(TimelineEvent::Exported {
                    recipient: r.get(1)?,
                    format: r.get(2)?,
                    encrypted: r.get(3)?,
                })
            },
        ),
    ]
}

fn timeline_rows(
    conn: &Connection,
    sql: &str,
    event: fn(&Row<'_>) -> rusqlite::Result<TimelineEvent>,
    id: CasusId,
    viewer: Option<&str>,
) -> Result<Vec<TimelineItem>> {
    let mut stmt = conn.prepare(sql)?;
    let row = |r: &Row<'_>| Ok(TimelineItem::new(r.get(0)?, event(r)?));
    // Only the notes query asks who is looking.
    let rows: Vec<TimelineItem> = if stmt.parameter_count() == 2 {
        stmt.query_map(params![id.to_string(), viewer], row)?
            .collect::<rusqlite::Result<_>>()?
    } else {
        stmt.query_map(params![id.to_string()], row)?
            .collect::<rusqlite::Result<_>>()?
    };
    Ok(rows)
}
