//! The whole store as an interchange document, and an import that is all-or-nothing (one
//! transaction) and idempotent by id (a record that exists is left as it is).

use kernteam_domain::casus::Intake;
use kernteam_domain::consent::GezagHolder;
use kernteam_domain::interchange::*;
use kernteam_domain::verzuim::AttendanceFacts;
use kernteam_domain::{
    ActionStatus, CasusId, CasusMode, CasusStatus, DataCategory, MeetingStatus, NoteKind,
    NoteVisibility, OrganisationKind, Role, SchoolKind, SnapshotMoment, Urgency,
};
use rusqlite::{Connection, Transaction, params};

use super::{parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

/// What an import added; records already present are counted as skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: u64,
    pub skipped: u64,
    /// What was not taken over, and why (initials or pseudonym, never a name).
    pub refused: Vec<String>,
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let out = stmt
        .query_map(args, map)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

fn json<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Invalid(e.to_string()))
}

impl Store {
    /// Every team, person, meeting and casus with all its parts (the audit log stays behind:
    /// it belongs to this install).
    pub fn export_all(&self) -> Result<Interchange> {
        let c = &self.conn;
        let mut doc = Interchange::empty();
        doc.organisations = rows(
            c,
            "SELECT id, name, kind FROM organisations ORDER BY id",
            [],
            |r| {
                Ok(XOrganisation {
                    id: parse_id(r.get(0)?)?,
                    name: r.get(1)?,
                    kind: parse_code(r.get(2)?, OrganisationKind::from_code)?,
                })
            },
        )?;
        doc.schools = rows(
            c,
            "SELECT id, name, kind, region, holiday_region, retention_years FROM schools ORDER BY id",
            [],
            |r| {
                Ok(XSchool {
                    id: parse_id(r.get(0)?)?,
                    name: r.get(1)?,
                    kind: parse_code(r.get(2)?, SchoolKind::from_code)?,
                    region: r.get(3)?,
                    holiday_region: r.get(4)?,
                    retention_years: r.get(5)?,
                })
            },
        )?;
        doc.teams = rows(
            c,
            "SELECT id, school_id, name, cadence FROM teams ORDER BY id",
            [],
            |r| {
                Ok(XTeam {
                    id: parse_id(r.get(0)?)?,
                    school_id: parse_id(r.get(1)?)?,
                    name: r.get(2)?,
                    cadence: r.get(3)?,
                })
            },
        )?;
        doc.members = rows(
            c,
            "SELECT id, name, email, organisation_id FROM members ORDER BY id",
            [],
            |r| {
                Ok(XMember {
                    id: parse_id(r.get(0)?)?,
                    name: r.get(1)?,
                    email: r.get(2)?,
                    organisation_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                    roles: Vec::new(),
                })
            },
        )?;
        for m in &mut doc.members {
            m.roles = rows(
                c,
                "SELECT team_id, role FROM team_members WHERE member_id = ?1 ORDER BY team_id, role",
                [m.id.to_string()],
                |r| {
                    Ok(XRole {
                        team_id: parse_id(r.get(0)?)?,
                        role: parse_code(r.get(1)?, Role::from_code)?,
                    })
                },
            )?;
        }
        doc.meetings = rows(
            c,
            "SELECT id, team_id, starts_at, location, status FROM meetings ORDER BY id",
            [],
            |r| {
                Ok(XMeeting {
                    id: parse_id(r.get(0)?)?,
                    team_id: parse_id(r.get(1)?)?,
                    starts_at: r.get(2)?,
                    location: r.get(3)?,
                    status: parse_code(r.get(4)?, MeetingStatus::from_code)?,
                })
            },
        )?;
        doc.casussen = self.casussen_as_interchange(None)?;
        Ok(doc)
    }

    /// One casus with all its parts as the interchange format has it (none when unknown).
    pub fn casus_as_interchange(&self, id: CasusId) -> Result<Option<XCasus>> {
        Ok(self.casussen_as_interchange(Some(id))?.into_iter().next())
    }

    fn casussen_as_interchange(&self, only: Option<CasusId>) -> Result<Vec<XCasus>> {
        let c = &self.conn;
        rows(c,
            "SELECT id, team_id, mode, pupil_id, pseudonym, anonymous_reason, status, hulpvraag, hulpvraag_category,
                    urgency, intake_json, opened_on, next_review_on, closed_on, closure_reason, closure_outcome,
                    retention_until, converted_from_id
             FROM casussen WHERE ?1 IS NULL OR id = ?1
             ORDER BY converted_from_id IS NOT NULL, id", [only.map(|id| id.to_string())], |r| {
            let pupil: Option<String> = r.get(3)?;
            let intake: String = r.get(10)?;
            Ok((pupil, XCasus {
                id: parse_id(r.get(0)?)?, team_id: parse_id(r.get(1)?)?, mode: parse_code(r.get(2)?, CasusMode::from_code)?,
                pupil: None, pseudonym: r.get(4)?, anonymous_reason: r.get(5)?,
                status: parse_code(r.get(6)?, CasusStatus::from_code)?, hulpvraag: r.get(7)?, hulpvraag_category: r.get(8)?,
                urgency: parse_code(r.get(9)?, Urgency::from_code)?, intake: json::<Intake>(&intake),
                opened_on: r.get(11)?, next_review_on: r.get(12)?, closed_on: r.get(13)?, closure_reason: r.get(14)?,
                closure_outcome: r.get(15)?, retention_until: r.get(16)?,
                converted_from_id: r.get::<_, Option<String>>(17)?.map(parse_id).transpose()?,
                signals: Vec::new(), consents: Vec::new(), notes: Vec::new(), absence: Vec::new(),
                attendance: None, links: Vec::new(), actions: Vec::new(),
            }))
        })?
        .into_iter()
        .map(|(pupil, mut x)| {
            self.fill_casus(&mut x, pupil.as_deref())?;
            Ok(x)
        })
        .collect::<Result<_>>()
    }

    fn fill_casus(&self, x: &mut XCasus, pupil: Option<&str>) -> Result<()> {
        let c = &self.conn;
        let id = x.id.to_string();
        if let Some(pupil) = pupil {
            let holders = rows(
                c,
                "SELECT id, relation, has_gezag FROM gezag_holders WHERE pupil_id = ?1 ORDER BY rowid",
                [pupil],
                |r| {
                    Ok(GezagHolder {
                        id: r.get(0)?,
                        label: r.get(1)?,
                        has_gezag: r.get(2)?,
                    })
                },
            )?;
            x.pupil = Some(c.query_row(
                "SELECT id, given_name, family_name, birth_date, class_name, left_school_on FROM pupils WHERE id = ?1",
                [pupil],
                |r| Ok(XPupil {
                    id: parse_id(r.get(0)?)?, given_name: r.get(1)?, family_name: r.get(2)?, birth_date: r.get(3)?,
                    class_name: r.get(4)?, left_school_on: r.get(5)?, gezag_holders: holders.clone(),
                }),
            )?);
        }
        x.signals = rows(
            c,
            "SELECT id, observed_on, source, category, description FROM signals WHERE casus_id = ?1 ORDER BY id",
            [&id],
            |r| {
                Ok(XSignal {
                    id: r.get(0)?,
                    observed_on: r.get(1)?,
                    source: r.get(2)?,
                    category: r.get(3)?,
                    description: r.get(4)?,
                })
            },
        )?;
        x.consents = self
            .consent_facts(x.id)?
            .views
            .into_iter()
            .map(|v| XConsent {
                id: v.id,
                given_on: v.given_on,
                givers: v.givers,
                scope_organisations: v.scope_organisations,
                scope_categories: v.scope_categories,
                method: v.method,
                recorded_by: v.recorded_by,
                valid_until: v.valid_until,
                withdrawn_on: v.withdrawn_on,
                withdrawn_reason: v.withdrawn_reason,
            })
            .collect();
        x.consents.sort_by_key(|c| c.id);
        x.notes = rows(c,
            "SELECT id, author_member_id, kind, category, visibility, facts, opinions, created_at, updated_at, shared_at
             FROM notes WHERE casus_id = ?1 ORDER BY id", [&id], |r| {
            Ok(XNote {
                id: parse_id(r.get(0)?)?, author_id: r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?,
                kind: parse_code(r.get(2)?, NoteKind::from_code)?, category: parse_code(r.get(3)?, DataCategory::from_code)?,
                visibility: parse_code(r.get(4)?, NoteVisibility::from_code)?, facts: r.get(5)?, opinions: r.get(6)?,
                created_at: r.get(7)?, updated_at: r.get(8)?, shared_at: r.get(9)?,
            })
        })?;
        x.absence = rows(
            c,
            "SELECT id, moment, taken_on, weeks_json FROM absence_snapshots WHERE casus_id = ?1 ORDER BY id",
            [&id],
            |r| {
                let weeks: String = r.get(3)?;
                Ok(XAbsenceSnapshot {
                    id: r.get(0)?,
                    moment: parse_code(r.get(1)?, SnapshotMoment::from_code)?,
                    taken_on: r.get(2)?,
                    weeks: json(&weeks),
                })
            },
        )?;
        let facts = self.attendance(x.id)?;
        x.attendance = (facts != AttendanceFacts::default()).then_some(facts);
        x.links = rows(
            c,
            "SELECT linked_casus_id, family_note FROM casus_links WHERE casus_id = ?1 ORDER BY linked_casus_id",
            [&id],
            |r| {
                Ok(XLink {
                    linked_casus_id: parse_id(r.get(0)?)?,
                    family_note: r.get(1)?,
                })
            },
        )?;
        x.actions = rows(c,
            "SELECT id, meeting_id, description, owner_member_id, owner_organisation_id, due_on, status, feedback, created_at,
                    urgent_logged_at
             FROM actions WHERE casus_id = ?1 ORDER BY id", [&id], |r| {
            Ok(XAction {
                id: parse_id(r.get(0)?)?, meeting_id: r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?,
                description: r.get(2)?, owner_member_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                owner_organisation_id: r.get::<_, Option<String>>(4)?.map(parse_id).transpose()?,
                due_on: r.get(5)?, status: parse_code(r.get(6)?, ActionStatus::from_code)?, feedback: r.get(7)?,
                created_at: r.get(8)?, urgent_logged_at: r.get(9)?,
            })
        })?;
        Ok(())
    }

    /// Imports a validated document in one transaction. A record whose id exists is skipped;
    /// anything that does not fit (a reference to a record that is nowhere) rolls it all back.
    ///
    /// A casus that already exists is history: its consents, notes, gezag holders and links are
    /// never added to or changed by a file. Only an identical copy is accepted (and skipped); a
    /// different one is refused as a whole and reported, a closed casus included.
    pub fn import(&mut self, actor: &Actor, doc: &Interchange) -> Result<ImportCounts> {
        let mut existing = std::collections::HashMap::new();
        let mut refused = Vec::new();
        for casus in &doc.casussen {
            if let Some(here) = self.casus_as_interchange(casus.id)? {
                existing.insert(casus.id, &here == casus);
                if &here != casus {
                    refused.push(format!(
                        "{}: deze casus bestaat hier al{}; het bestand voegt niets toe aan een bestaande casus en verandert er niets aan.",
                        casus_label(casus),
                        if here.status == CasusStatus::Afgesloten {
                            " en is afgesloten"
                        } else {
                            ""
                        }
                    ));
                }
            }
        }
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

/// What a file may not add to a kernteam that already exists here: a role (who sits in the
/// team, and who chairs it, is the team's own decision) or a meeting (its history). Identical
/// records already present are simply skipped.
#[derive(Default)]
struct HeldBack {
    roles: std::collections::HashSet<(String, String, &'static str)>,
    meetings: std::collections::HashSet<String>,
    reasons: Vec<String>,
}

fn held_back_from_existing_teams(
    conn: &rusqlite::Connection,
    doc: &Interchange,
) -> Result<HeldBack> {
    let team_name = |id: &str| -> Result<Option<String>> {
        match conn.query_row("SELECT name FROM teams WHERE id = ?1", [id], |r| r.get(0)) {
            Ok(name) => Ok(Some(name)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(other) => Err(other.into()),
        }
    };
    let exists = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<bool> {
        Ok(conn.query_row(sql, args, |r| r.get(0))?)
    };
    let mut held = HeldBack::default();
    for m in &doc.members {
        for r in &m.roles {
            let (team, member) = (r.team_id.to_string(), m.id.to_string());
            let Some(name) = team_name(&team)? else {
                continue;
            };
            let present = exists(
                "SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = ?1 AND member_id = ?2 AND role = ?3)",
                &[&team, &member, &r.role.code()],
            )?;
            if !present {
                held.reasons.push(format!(
                    "{} als {} in het bestaande {name}: niet toegevoegd; een bestand verandert de samenstelling van een bestaand kernteam niet.",
                    m.name.trim(),
                    r.role.label().to_lowercase()
                ));
                held.roles.insert((team, member, r.role.code()));
            }
        }
    }
    for meeting in &doc.meetings {
        let (team, id) = (meeting.team_id.to_string(), meeting.id.to_string());
        let Some(name) = team_name(&team)? else {
            continue;
        };
        if !exists(
            "SELECT EXISTS (SELECT 1 FROM meetings WHERE id = ?1)",
            &[&id],
        )? {
            held.reasons.push(format!(
                "Overleg van {} in het bestaande {name}: niet toegevoegd; een bestand voegt geen overleggen toe aan een bestaand kernteam.",
                meeting.starts_at.get(..10).unwrap_or(&meeting.starts_at)
            ));
            held.meetings.insert(id);
        }
    }
    Ok(held)
}

/// A casus as a report may name it: initials and class, or the pseudonym.
fn casus_label(casus: &XCasus) -> String {
    match &casus.pupil {
        Some(p) => format!(
            "{}.{}. ({})",
            p.given_name.chars().next().unwrap_or('?'),
            p.family_name
                .split_whitespace()
                .last()
                .and_then(|w| w.chars().next())
                .unwrap_or('?'),
            p.class_name
        ),
        None => casus
            .pseudonym
            .clone()
            .unwrap_or_else(|| "Anonieme casus".into()),
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
    let mut count = |changed: usize| {
        if changed > 0 {
            n.added += 1
        } else {
            n.skipped += 1
        }
    };
    for o in &doc.organisations {
        count(tx.execute("INSERT INTO organisations (id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO NOTHING",
            params![o.id.to_string(), o.name, o.kind.code(), now])?);
    }
    for s in &doc.schools {
        count(tx.execute("INSERT INTO schools (id, name, kind, region, holiday_region, retention_years, created_at)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING",
            params![s.id.to_string(), s.name, s.kind.code(), s.region, s.holiday_region, s.retention_years, now])?);
    }
    for t in &doc.teams {
        count(tx.execute("INSERT INTO teams (id, school_id, name, cadence, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO NOTHING",
            params![t.id.to_string(), t.school_id.to_string(), t.name, t.cadence, now])?);
    }
    for m in &doc.members {
        count(tx.execute("INSERT INTO members (id, name, email, organisation_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO NOTHING",
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
        count(tx.execute("INSERT INTO meetings (id, team_id, starts_at, location, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING",
            params![m.id.to_string(), m.team_id.to_string(), m.starts_at, m.location, m.status.code(), now])?);
    }
    // A converted casus points back at its consultation: consultations first.
    let mut casussen: Vec<&XCasus> = doc.casussen.iter().collect();
    casussen.sort_by_key(|c| c.converted_from_id.is_some());
    for c in &casussen {
        if let Some(identical) = existing.get(&c.id) {
            // Identical: already here. Different: refused (reported by the caller).
            if *identical {
                count(0);
            }
            continue;
        }
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
        count(added);
        if added > 0 {
            audit::append(tx, &actor.0, AuditAction::Import, "casus", &id)?;
        }
        for s in &c.signals {
            count(tx.execute("INSERT INTO signals (id, casus_id, observed_on, source, category, description, created_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO NOTHING",
                params![s.id, id, s.observed_on, s.source, s.category, s.description, now])?);
        }
        for x in &c.consents {
            count(tx.execute("INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                method, recorded_by_name, valid_until, withdrawn_on, withdrawn_reason, created_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(id) DO NOTHING",
                params![x.id.to_string(), id, x.given_on, to_json(&x.givers)?, to_json(&x.scope_organisations)?,
                    to_json(&x.scope_categories)?, x.method, x.recorded_by, x.valid_until, x.withdrawn_on, x.withdrawn_reason, now])?);
        }
        for note in &c.notes {
            count(tx.execute("INSERT INTO notes (id, casus_id, author_member_id, kind, category, visibility, facts, opinions,
                                created_at, updated_at, shared_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO NOTHING",
                params![note.id.to_string(), id, note.author_id.map(|a| a.to_string()), note.kind.code(), note.category.code(),
                    note.visibility.code(), note.facts, note.opinions, note.created_at, note.updated_at, note.shared_at])?);
        }
        for a in &c.absence {
            count(tx.execute("INSERT INTO absence_snapshots (id, casus_id, moment, taken_on, weeks_json, created_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO NOTHING",
                params![a.id, id, a.moment.code(), a.taken_on, to_json(&a.weeks)?, now])?);
        }
        if let Some(f) = &c.attendance {
            tx.execute("INSERT INTO casus_attendance (casus_id, absent_since, reported_sick, duo_reported_on, exemption_5a_from, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(casus_id) DO NOTHING",
                params![id, f.absent_since, f.reported_sick, f.duo_reported_on, f.exemption_5a_from, now])?;
        }
        for a in &c.actions {
            // An action agreed in a meeting the file may not add keeps its content, not the link.
            let meeting = a
                .meeting_id
                .map(|m| m.to_string())
                .filter(|m| !held.meetings.contains(m));
            count(tx.execute("INSERT INTO actions (id, casus_id, meeting_id, description, owner_member_id, owner_organisation_id,
                                due_on, status, feedback, created_at, updated_at, urgent_logged_at)
                              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11) ON CONFLICT(id) DO NOTHING",
                params![a.id.to_string(), id, meeting, a.description,
                    a.owner_member_id.map(|m| m.to_string()), a.owner_organisation_id.map(|o| o.to_string()),
                    a.due_on, a.status.code(), a.feedback, a.created_at, a.urgent_logged_at])?);
        }
    }
    for c in casussen.iter().filter(|c| !existing.contains_key(&c.id)) {
        for l in &c.links {
            tx.execute("INSERT INTO casus_links (casus_id, linked_casus_id, family_note) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![c.id.to_string(), l.linked_casus_id.to_string(), l.family_note])?;
        }
    }
    Ok(n)
}
