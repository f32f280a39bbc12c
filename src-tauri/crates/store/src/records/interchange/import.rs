//! Writing an interchange document into the store: one transaction, every insert idempotent by
//! id, leaving out what `checks` holds back.

use kernteam_domain::CasusId;
use kernteam_domain::interchange::*;
use rusqlite::{Transaction, params};

use super::checks::{HeldBack, held_back_from_existing_teams};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// What an import added; records already present are counted as skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Records (of any kind: schools, teams, members, casussen, notes, …) newly inserted.
    pub added: u64,
    /// Records left out because one with the same id was already in the store.
    pub skipped: u64,
    /// What was not taken over, and why (initials or pseudonym, never a name).
    pub refused: Vec<String>,
}

impl ImportCounts {
    fn count(&mut self, changed: usize) {
        if changed > 0 {
            self.added += 1
        } else {
            self.skipped += 1
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(StoreError::Serialise)
}

impl Store {
    /// Imports a validated document in one transaction. A record whose id exists is skipped;
    /// anything that does not fit (a reference to a record that is nowhere) rolls it all back.
    ///
    /// A casus that already exists is history: its consents, notes, gezag holders and links are
    /// never added to or changed by a file. Only an identical copy is accepted (and skipped); a
    /// different one is refused as a whole and reported, a closed casus included.
    pub fn import(&mut self, actor: &Actor, doc: &Interchange) -> Result<ImportCounts> {
        let (existing, mut refused) = self.existing_casussen(doc)?;
        let held = held_back_from_existing_teams(&self.conn, doc)?;
        refused.extend(held.reasons.iter().cloned());
        let tx = self.conn.transaction()?;
        let counts = import_into(&tx, actor, doc, &existing, &held).map_err(|e| match e {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                StoreError::ImportRefused(msg.unwrap_or_else(|| "constraint".into()))
            }
            other => other,
        })?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Import,
            "store",
            &format!("{} nieuw, {} geweigerd", counts.added, refused.len()),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(ImportCounts { refused, ..counts })
    }
}

fn import_into(
    tx: &Transaction<'_>,
    actor: &Actor,
    doc: &Interchange,
    existing: &std::collections::HashMap<CasusId, bool>,
    held: &HeldBack,
) -> Result<ImportCounts> {
    let now = now_from_clock();
    let mut n = ImportCounts::default();
    import_organisations_schools_teams(tx, doc, &now, &mut n)?;
    import_members_and_meetings(tx, doc, held, &now, &mut n)?;
    // A converted casus points back at its consultation: consultations first.
    let mut casussen: Vec<&XCasus> = doc.casussen.iter().collect();
    casussen.sort_by_key(|c| c.converted_from_id.is_some());
    for c in &casussen {
        if let Some(identical) = existing.get(&c.id) {
            // Identical: already here. Different: refused (reported by the caller).
            if *identical {
                n.count(0);
            }
            continue;
        }
        import_casus(tx, actor, c, held, &now, &mut n)?;
    }
    for c in casussen.iter().filter(|c| !existing.contains_key(&c.id)) {
        for l in &c.links {
            tx.execute("INSERT INTO casus_links (casus_id, linked_casus_id, family_note) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![c.id.to_string(), l.linked_casus_id.to_string(), l.family_note])?;
        }
    }
    Ok(n)
}

fn import_organisations_schools_teams(
    tx: &Transaction<'_>,
    doc: &Interchange,
    now: &str,
    n: &mut ImportCounts,
) -> Result<()> {
    for o in &doc.organisations {
        n.count(tx.execute("INSERT INTO organisations (id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO NOTHING",
            params![o.id.to_string(), o.name, o.kind.code(), now])?);
    }
    for s in &doc.schools {
        n.count(tx.execute("INSERT INTO schools (id, name, kind, region, holiday_region, retention_years, created_at)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING",
            params![s.id.to_string(), s.name, s.kind.code(), s.region, s.holiday_region, s.retention_years, now])?);
    }
    for t in &doc.teams {
        n.count(tx.execute("INSERT INTO teams (id, school_id, name, cadence, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO NOTHING",
            params![t.id.to_string(), t.school_id.to_string(), t.name, t.cadence, now])?);
    }
    Ok(())
}

/// Members with their roles, then meetings; what `held` holds back is left out.
fn import_members_and_meetings(
    tx: &Transaction<'_>,
    doc: &Interchange,
    held: &HeldBack,
    now: &str,
    n: &mut ImportCounts,
) -> Result<()> {
    for m in &doc.members {
        n.count(tx.execute("INSERT INTO members (id, name, email, organisation_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO NOTHING",
            params![m.id.to_string(), m.name, m.email, m.organisation_id.map(|o| o.to_string()), now])?);
        for r in &m.roles {
            if held
                .roles
                .contains(&(r.team_id.to_string(), m.id.to_string(), r.role.code()))
            {
                continue;
            }
            tx.execute("INSERT INTO team_members (team_id, member_id, role) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![r.team_id.to_string(), m.id.to_string(), r.role.code()])?;
        }
    }
    for m in doc
        .meetings
        .iter()
        .filter(|m| !held.meetings.contains(&m.id.to_string()))
    {
        n.count(tx.execute("INSERT INTO meetings (id, team_id, starts_at, location, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING",
            params![m.id.to_string(), m.team_id.to_string(), m.starts_at, m.location, m.status.code(), now])?);
    }
    Ok(())
}

/// A casus that is not here yet, with its pupil and every part but its links (those wait until
/// every casus they may point at is in).
fn import_casus(
    tx: &Transaction<'_>,
    actor: &Actor,
    c: &XCasus,
    held: &HeldBack,
    now: &str,
    n: &mut ImportCounts,
) -> Result<()> {
    let id = c.id.to_string();
    if let Some(p) = &c.pupil {
        tx.execute("INSERT INTO pupils (id, school_id, given_name, family_name, birth_date, class_name, left_school_on, created_at)
                        SELECT ?1, school_id, ?3, ?4, ?5, ?6, ?7, ?8 FROM teams WHERE id = ?2 ON CONFLICT(id) DO NOTHING",
            params![p.id.to_string(), c.team_id.to_string(), p.given_name, p.family_name, p.birth_date, p.class_name, p.left_school_on, now])?;
        for h in &p.gezag_holders {
            tx.execute("INSERT INTO gezag_holders (id, pupil_id, relation, has_gezag) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO NOTHING",
                params![h.id, p.id.to_string(), h.label, h.has_gezag])?;
        }
    }
    let added = tx.execute(
        "INSERT INTO casussen (id, team_id, pupil_id, mode, pseudonym, anonymous_reason, status, hulpvraag, hulpvraag_category,
                urgency, intake_json, opened_on, next_review_on, closed_on, closure_reason, closure_outcome, retention_until,
                converted_from_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)
             ON CONFLICT(id) DO NOTHING",
        params![id, c.team_id.to_string(), c.pupil.as_ref().map(|p| p.id.to_string()), c.mode.code(), c.pseudonym,
            c.anonymous_reason, c.status.code(), c.hulpvraag, c.hulpvraag_category, c.urgency.code(),
            to_json(&c.intake)?, c.opened_on, c.next_review_on, c.closed_on, c.closure_reason, c.closure_outcome,
            c.retention_until, c.converted_from_id.map(|x| x.to_string()), now],
    )?;
    n.count(added);
    if added > 0 {
        audit::append(tx, &actor.0, AuditAction::Import, "casus", &id)?;
    }
    import_casus_file(tx, c, &id, now, n)?;
    import_absence(tx, c, &id, now, n)?;
    import_actions(tx, c, &id, held, n)
}

/// Signals, consents and notes.
fn import_casus_file(
    tx: &Transaction<'_>,
    c: &XCasus,
    id: &str,
    now: &str,
    n: &mut ImportCounts,
) -> Result<()> {
    for s in &c.signals {
        n.count(tx.execute("INSERT INTO signals (id, casus_id, observed_on, source, category, description, created_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING",
            params![s.id, id, s.observed_on, s.source, s.category, s.description, now])?);
    }
    for x in &c.consents {
        n.count(tx.execute("INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                method, recorded_by_name, valid_until, withdrawn_on, withdrawn_reason, created_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(id) DO NOTHING",
            params![x.id.to_string(), id, x.given_on, to_json(&x.givers)?, to_json(&x.scope_organisations)?,
                to_json(&x.scope_categories)?, x.method, x.recorded_by, x.valid_until, x.withdrawn_on, x.withdrawn_reason, now])?);
    }
    for note in &c.notes {
        n.count(tx.execute("INSERT INTO notes (id, casus_id, author_member_id, kind, category, visibility, facts, opinions,
                                created_at, updated_at, shared_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO NOTHING",
            params![note.id.to_string(), id, note.author_id.map(|a| a.to_string()), note.kind.code(), note.category.code(),
                note.visibility.code(), note.facts, note.opinions, note.created_at, note.updated_at, note.shared_at])?);
    }
    Ok(())
}

/// Absence snapshots and the attendance facts.
fn import_absence(
    tx: &Transaction<'_>,
    c: &XCasus,
    id: &str,
    now: &str,
    n: &mut ImportCounts,
) -> Result<()> {
    for a in &c.absence {
        n.count(tx.execute(
            "INSERT INTO absence_snapshots (id, casus_id, moment, taken_on, weeks_json, created_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING",
            params![
                a.id,
                id,
                a.moment.code(),
                a.taken_on,
                to_json(&a.weeks)?,
                now
            ],
        )?);
    }
    if let Some(f) = &c.attendance {
        tx.execute("INSERT INTO casus_attendance (casus_id, absent_since, reported_sick, duo_reported_on, exemption_5a_from, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(casus_id) DO NOTHING",
            params![id, f.absent_since, f.reported_sick, f.duo_reported_on, f.exemption_5a_from, now])?;
    }
    Ok(())
}

fn import_actions(
    tx: &Transaction<'_>,
    c: &XCasus,
    id: &str,
    held: &HeldBack,
    n: &mut ImportCounts,
) -> Result<()> {
    for a in &c.actions {
        // An action agreed in a meeting the file may not add keeps its content, not the link.
        let meeting = a
            .meeting_id
            .map(|m| m.to_string())
            .filter(|m| !held.meetings.contains(m));
        n.count(tx.execute("INSERT INTO actions (id, casus_id, meeting_id, description, owner_member_id, owner_organisation_id,
                                due_on, status, feedback, created_at, updated_at, urgent_logged_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11) ON CONFLICT(id) DO NOTHING",
            params![a.id.to_string(), id, meeting, a.description,
                a.owner_member_id.map(|m| m.to_string()), a.owner_organisation_id.map(|o| o.to_string()),
                a.due_on, a.status.code(), a.feedback, a.created_at, a.urgent_logged_at])?);
    }
    Ok(())
}
