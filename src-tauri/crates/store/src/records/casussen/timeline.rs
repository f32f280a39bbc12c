//! The chronologie of a casus: one query per kind of event, merged and sorted newest first.

use kernteam_domain::{CasusId, TimelineItem, TimelineKind};
use rusqlite::{Connection, Row, params};

use crate::{Result, Store};

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
        for (sql, kind) in queries {
            items.extend(timeline_rows(&self.conn, &sql, kind, id, viewer)?);
        }
        for item in &mut items {
            item.text = kernteam_domain::dates::dutch_dates_in(&item.text);
        }
        items.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(items)
    }
}

/// What went into the dossier: the aanmelding, signals, consent and notes. Each query selects
/// (moment, text) for the casussen in `family`.
fn dossier_queries(family: &str) -> [(String, TimelineKind); 4] {
    [
        (
            format!("SELECT opened_on, CASE mode WHEN 'anonymous' THEN 'Anonieme bespreking aangemeld' ELSE 'Casus aangemeld' END
                     FROM casussen WHERE id IN {family}"),
            TimelineKind::Aanmelding,
        ),
        (
            format!(
                "SELECT observed_on, source || ': ' || description FROM signals WHERE casus_id IN {family}"
            ),
            TimelineKind::Signaal,
        ),
        (
            format!("SELECT given_on, 'Toestemming vastgelegd, geldig tot en met ' || valid_until FROM consents WHERE casus_id IN {family}
                     UNION ALL SELECT withdrawn_on, 'Toestemming ingetrokken' || coalesce(': ' || withdrawn_reason, '')
                     FROM consents WHERE casus_id IN {family} AND withdrawn_on IS NOT NULL"),
            TimelineKind::Toestemming,
        ),
        (
            format!("SELECT created_at, CASE kind WHEN 'voorbereiding' THEN 'Voorbereiding' WHEN 'bespreking' THEN 'Bespreking' ELSE 'Terugkoppeling' END
                        || ' (' || category || ')' || CASE visibility WHEN 'private' THEN ', alleen voor u' ELSE '' END
                        || coalesce(': ' || nullif(substr(facts, 1, 120), ''), '')
                     FROM notes WHERE casus_id IN {family} AND (visibility = 'team' OR author_member_id = ?2)
                       AND (facts <> '' OR opinions <> '')"),
            TimelineKind::Notitie,
        ),
    ]
}

/// What followed: meetings, actions, absence snapshots, closure and exports.
fn follow_up_queries(family: &str) -> [(String, TimelineKind); 5] {
    [
        (
            format!("SELECT DISTINCT m.starts_at, 'Besproken in het kernteam' FROM meetings m
                     WHERE m.status <> 'geannuleerd' AND m.id IN (
                        SELECT meeting_id FROM agenda_items WHERE casus_id IN {family}
                        UNION SELECT meeting_id FROM actions WHERE casus_id IN {family} AND meeting_id IS NOT NULL
                        UNION SELECT meeting_id FROM decisions WHERE casus_id IN {family})"),
            TimelineKind::Overleg,
        ),
        (
            format!("SELECT coalesce((SELECT starts_at FROM meetings m WHERE m.id = actions.meeting_id), created_at),
                        description || coalesce(' (uiterlijk ' || due_on || ')', '')
                        || CASE status WHEN 'open' THEN '' ELSE ' — ' || replace(status, '_', ' ') END
                     FROM actions WHERE casus_id IN {family}"),
            TimelineKind::Actie,
        ),
        (
            format!(
                "SELECT taken_on, 'Verzuimsnapshot (' || moment || ')' FROM absence_snapshots WHERE casus_id IN {family}"
            ),
            TimelineKind::Verzuim,
        ),
        (
            format!("SELECT closed_on, CASE closure_reason WHEN 'omgezet_naar_benoemd' THEN 'Omgezet naar een casus op naam'
                        ELSE 'Afgesloten: ' || replace(coalesce(closure_reason, ''), '_', ' ') END
                     FROM casussen WHERE id IN {family} AND closed_on IS NOT NULL"),
            TimelineKind::Status,
        ),
        (
            format!("SELECT at, 'Export voor ' || recipient || ' (' || format || CASE encrypted WHEN 1 THEN ', versleuteld' ELSE ', onversleuteld' END || ')'
                     FROM export_log WHERE casus_id IN {family}"),
            TimelineKind::Export,
        ),
    ]
}

fn timeline_rows(
    conn: &Connection,
    sql: &str,
    kind: TimelineKind,
    id: CasusId,
    viewer: Option<&str>,
) -> Result<Vec<TimelineItem>> {
    let mut stmt = conn.prepare(sql)?;
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
    Ok(rows)
}
