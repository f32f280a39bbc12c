//! The parts of a casus beyond its row: gezag-holders, consent, notes, absence, links,
//! closure and conversion. Closed casussen are read-only: every write here checks first.

use kernteam_domain::consent::{ConsentRecord, GezagHolder, Giver};
use kernteam_domain::verzuim::{AbsenceWeek, AttendanceFacts};
use kernteam_domain::{
    AbsenceSnapshot, CasusId, ConsentId, ConsentView, DataCategory, LinkedCasus, MemberId,
    NoteDraft, NoteKind, NoteRow, NoteVisibility, SignalRow, SnapshotMoment,
};
use rusqlite::{Connection, OptionalExtension, params};

use super::{casus_label, opt, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

pub struct ConsentSeed<'a> {
    pub given_on: &'a str,
    pub givers: &'a [Giver],
    pub scope_organisations: &'a [String],
    pub scope_categories: &'a [String],
    pub method: &'a str,
    pub recorded_by: Option<&'a str>,
    pub valid_until: &'a str,
}

pub struct ClosureSeed<'a> {
    pub closed_on: &'a str,
    pub reason: &'a str,
    pub outcome: &'a str,
    pub left_school_on: Option<&'a str>,
    pub retention_until: &'a str,
}

/// What the consent rule needs about one casus.
pub struct ConsentFacts {
    pub birth_date: Option<String>,
    pub holders: Vec<GezagHolder>,
    pub records: Vec<ConsentRecord>,
    pub views: Vec<ConsentView>,
}

pub(crate) fn ensure_open(conn: &Connection, casus: CasusId) -> Result<()> {
    let status: Option<String> = opt(conn.query_row(
        "SELECT status FROM casussen WHERE id = ?1",
        [casus.to_string()],
        |r| r.get(0),
    ))?;
    match status.as_deref() {
        None => Err(StoreError::NotFound("casus")),
        Some("afgesloten") => Err(StoreError::ReadOnly),
        Some(_) => Ok(()),
    }
}

fn giver_from_legacy(text: &str, holders: &[GezagHolder]) -> Option<Giver> {
    if text.starts_with("leerling") {
        return Some(Giver::Pupil);
    }
    holders
        .iter()
        .find(|h| h.label.eq_ignore_ascii_case(text))
        .map(|h| Giver::Holder(h.id.clone()))
}

/// Givers as stored: the typed JSON form, or the plain labels of early demo stores.
fn parse_givers(json: &str, holders: &[GezagHolder]) -> Vec<Giver> {
    if let Ok(givers) = serde_json::from_str::<Vec<Giver>>(json) {
        return givers;
    }
    serde_json::from_str::<Vec<String>>(json)
        .unwrap_or_default()
        .iter()
        .filter_map(|t| giver_from_legacy(t, holders))
        .collect()
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Names as (given names, family name with particles).
pub struct PupilNamesAround {
    pub own: Option<(String, String)>,
    pub others: Vec<(String, String)>,
}

impl Store {
    pub fn add_gezag_holders(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        holders: &[GezagHolder],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        let pupil: Option<String> = tx.query_row(
            "SELECT pupil_id FROM casussen WHERE id = ?1",
            [casus.to_string()],
            |r| r.get(0),
        )?;
        let pupil = pupil.ok_or(StoreError::Invalid("anonymous casus has no pupil".into()))?;
        for h in holders {
            tx.execute(
                "INSERT INTO gezag_holders (id, pupil_id, relation, has_gezag) VALUES (?1, ?2, ?3, ?4)",
                params![h.id, pupil, h.label, h.has_gezag],
            )?;
            audit::append(&tx, &actor.0, AuditAction::Create, "gezag_holder", &h.id)?;
        }
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn gezag_holders(&self, casus: CasusId) -> Result<Vec<GezagHolder>> {
        let mut stmt = self.conn.prepare(
            "SELECT g.id, g.relation, g.has_gezag FROM gezag_holders g
             JOIN casussen c ON c.pupil_id = g.pupil_id WHERE c.id = ?1 ORDER BY g.rowid",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            Ok(GezagHolder {
                id: r.get(0)?,
                label: r.get(1)?,
                has_gezag: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_consent(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        consent: &ConsentSeed<'_>,
    ) -> Result<ConsentId> {
        let id = ConsentId::new();
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO consents (id, casus_id, given_on, givers_json, scope_orgs_json, scope_categories_json,
                                   method, recorded_by_name, valid_until, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![id.to_string(), casus.to_string(), consent.given_on, to_json(&consent.givers)?,
                to_json(&consent.scope_organisations)?, to_json(&consent.scope_categories)?,
                consent.method, consent.recorded_by, consent.valid_until, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "consent",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Withdrawal is recorded on the consent (the record itself stays, with the day and reason).
    pub fn withdraw_consent(
        &mut self,
        actor: &Actor,
        consent: ConsentId,
        on: &str,
        reason: &str,
    ) -> Result<CasusId> {
        let tx = self.conn.transaction()?;
        let casus: Option<String> = opt(tx.query_row(
            "SELECT casus_id FROM consents WHERE id = ?1 AND withdrawn_on IS NULL",
            [consent.to_string()],
            |r| r.get(0),
        ))?;
        let casus: CasusId = parse_id(casus.ok_or(StoreError::NotFound("consent"))?)?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "UPDATE consents SET withdrawn_on = ?2, withdrawn_reason = ?3 WHERE id = ?1",
            params![consent.to_string(), on, reason],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "consent",
            &consent.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(casus)
    }

    pub fn consent_facts(&self, casus: CasusId) -> Result<ConsentFacts> {
        let holders = self.gezag_holders(casus)?;
        let birth_date: Option<String> = opt(self.conn.query_row(
            "SELECT p.birth_date FROM casussen c JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
            [casus.to_string()],
            |r| r.get(0),
        ))?;
        let mut stmt = self.conn.prepare(
            "SELECT id, given_on, givers_json, scope_orgs_json, scope_categories_json, method,
                    recorded_by_name, valid_until, withdrawn_on, withdrawn_reason
             FROM consents WHERE casus_id = ?1 ORDER BY given_on DESC, created_at DESC",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?;
        let mut records = Vec::new();
        let mut views = Vec::new();
        for row in rows {
            let (id, given_on, givers, orgs, cats, method, by, until, withdrawn, why) = row?;
            let givers = parse_givers(&givers, &holders);
            let strings = |j: &str| serde_json::from_str::<Vec<String>>(j).unwrap_or_default();
            let parse = kernteam_domain::dates::parse_iso;
            if let (Some(g), Some(u)) = (parse(&given_on), parse(&until)) {
                records.push(ConsentRecord {
                    given_on: g,
                    givers: givers.clone(),
                    scope_organisations: strings(&orgs),
                    valid_until: u,
                    withdrawn_on: withdrawn.as_deref().and_then(parse),
                });
            }
            let giver_labels = givers
                .iter()
                .map(|g| match g {
                    Giver::Pupil => "de leerling".to_owned(),
                    Giver::Holder(h) => holders
                        .iter()
                        .find(|x| &x.id == h)
                        .map(|x| x.label.clone())
                        .unwrap_or_else(|| "gezagdrager".into()),
                })
                .collect();
            views.push(ConsentView {
                id: parse_id(id)?,
                given_on,
                givers,
                giver_labels,
                scope_organisations: strings(&orgs),
                scope_categories: strings(&cats),
                method,
                recorded_by: by,
                valid_until: until,
                withdrawn_on: withdrawn,
                withdrawn_reason: why,
            });
        }
        Ok(ConsentFacts {
            birth_date,
            holders,
            records,
            views,
        })
    }

    /// Saves a note as the editor autosaves it: the first save creates it (private while it is
    /// a preparation note), later saves replace its text. Only the author edits a note.
    pub fn save_note(&mut self, actor: &Actor, author: MemberId, draft: &NoteDraft) -> Result<()> {
        let now = now_from_clock();
        let tx = self.conn.transaction()?;
        let existing: Option<(Option<String>, String)> = opt(tx.query_row(
            "SELECT author_member_id, casus_id FROM notes WHERE id = ?1",
            [draft.id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        match existing {
            None => {
                ensure_open(&tx, draft.casus_id)?;
                let visibility = if draft.kind == NoteKind::Voorbereiding {
                    NoteVisibility::Private
                } else {
                    NoteVisibility::Team
                };
                tx.execute(
                    "INSERT INTO notes (id, casus_id, author_member_id, kind, category, visibility, facts, opinions, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                    params![draft.id.to_string(), draft.casus_id.to_string(), author.to_string(),
                        draft.kind.code(), draft.category.code(), visibility.code(), draft.facts, draft.opinions, now],
                )?;
                audit::append(
                    &tx,
                    &actor.0,
                    AuditAction::Create,
                    "note",
                    &draft.id.to_string(),
                )?;
            }
            Some((owner, casus)) => {
                if owner.as_deref() != Some(author.to_string().as_str()) {
                    return Err(StoreError::NotAuthor);
                }
                if casus != draft.casus_id.to_string() {
                    return Err(StoreError::Invalid(
                        "a note cannot move to another casus".into(),
                    ));
                }
                ensure_open(&tx, draft.casus_id)?;
                tx.execute(
                    "UPDATE notes SET category = ?2, facts = ?3, opinions = ?4, updated_at = ?5 WHERE id = ?1",
                    params![draft.id.to_string(), draft.category.code(), draft.facts, draft.opinions, now],
                )?;
                audit::append_change_once_per_session(
                    &tx,
                    &actor.0,
                    "note",
                    &draft.id.to_string(),
                )?;
            }
        }
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Shares a private preparation note with the team; only its author can.
    pub fn share_note(
        &mut self,
        actor: &Actor,
        author: MemberId,
        note: kernteam_domain::NoteId,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let row: Option<(Option<String>, String)> = opt(tx.query_row(
            "SELECT author_member_id, casus_id FROM notes WHERE id = ?1",
            [note.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        let (owner, casus) = row.ok_or(StoreError::NotFound("note"))?;
        if owner.as_deref() != Some(author.to_string().as_str()) {
            return Err(StoreError::NotAuthor);
        }
        ensure_open(&tx, parse_id(casus)?)?;
        tx.execute(
            "UPDATE notes SET visibility = 'team', shared_at = ?2 WHERE id = ?1 AND visibility = 'private'",
            params![note.to_string(), now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "note",
            &note.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The notes `viewer` may read on this casus and on the anonymous consultation it came
    /// from: every shared note, and the viewer's own private ones. Empty text is left out
    /// (an editor opened and closed without typing).
    pub fn notes(&self, casus: CasusId, viewer: Option<MemberId>) -> Result<Vec<NoteRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT n.id, n.casus_id, n.author_member_id, m.name, n.kind, n.category, n.visibility,
                    n.facts, n.opinions, n.created_at, n.updated_at, n.shared_at, n.casus_id <> ?1
             FROM notes n LEFT JOIN members m ON m.id = n.author_member_id
             WHERE (n.casus_id = ?1 OR n.casus_id = (SELECT converted_from_id FROM casussen WHERE id = ?1))
               AND (n.visibility = 'team' OR n.author_member_id = ?2)
               AND (n.facts <> '' OR n.opinions <> '' OR n.author_member_id = ?2)
             ORDER BY n.created_at DESC",
        )?;
        let viewer_text = viewer.map(|v| v.to_string());
        let rows = stmt.query_map(params![casus.to_string(), viewer_text], |r| {
            let author: Option<String> = r.get(2)?;
            Ok(NoteRow {
                id: parse_id(r.get(0)?)?,
                casus_id: parse_id(r.get(1)?)?,
                mine: author.is_some() && author == viewer_text,
                author_id: author.map(parse_id).transpose()?,
                author_name: r.get(3)?,
                kind: parse_code(r.get(4)?, NoteKind::from_code)?,
                category: parse_code(r.get(5)?, DataCategory::from_code)?,
                visibility: parse_code(r.get(6)?, NoteVisibility::from_code)?,
                facts: r.get(7)?,
                opinions: r.get(8)?,
                created_at: r.get(9)?,
                updated_at: r.get(10)?,
                shared_at: r.get(11)?,
                from_anonymous: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_absence_snapshot(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        moment: SnapshotMoment,
        taken_on: &str,
        weeks: &[AbsenceWeek],
    ) -> Result<()> {
        let id = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO absence_snapshots (id, casus_id, moment, taken_on, weeks_json, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                casus.to_string(),
                moment.code(),
                taken_on,
                to_json(&weeks)?,
                now_from_clock()
            ],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "absence_snapshot", &id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn absence_snapshots(&self, casus: CasusId) -> Result<Vec<AbsenceSnapshot>> {
        let mut stmt = self.conn.prepare(
            "SELECT moment, taken_on, weeks_json FROM absence_snapshots WHERE casus_id = ?1
             ORDER BY taken_on, created_at",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            let weeks: String = r.get(2)?;
            Ok(AbsenceSnapshot {
                moment: parse_code(r.get(0)?, SnapshotMoment::from_code)?,
                taken_on: r.get(1)?,
                weeks: serde_json::from_str(&weeks).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_attendance(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        facts: &AttendanceFacts,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO casus_attendance (casus_id, absent_since, reported_sick, duo_reported_on, exemption_5a_from, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(casus_id) DO UPDATE SET absent_since = excluded.absent_since,
                reported_sick = excluded.reported_sick, duo_reported_on = excluded.duo_reported_on,
                exemption_5a_from = excluded.exemption_5a_from, updated_at = excluded.updated_at",
            params![casus.to_string(), facts.absent_since, facts.reported_sick, facts.duo_reported_on,
                facts.exemption_5a_from, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "attendance",
            &casus.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn attendance(&self, casus: CasusId) -> Result<AttendanceFacts> {
        Ok(opt(self.conn.query_row(
            "SELECT absent_since, reported_sick, duo_reported_on, exemption_5a_from
             FROM casus_attendance WHERE casus_id = ?1",
            [casus.to_string()],
            |r| {
                Ok(AttendanceFacts {
                    absent_since: r.get(0)?,
                    reported_sick: r.get(1)?,
                    duo_reported_on: r.get(2)?,
                    exemption_5a_from: r.get(3)?,
                })
            },
        ))?
        .unwrap_or_default())
    }

    /// Links two casussen of siblings both ways, with one shared family note.
    pub fn link_siblings(
        &mut self,
        actor: &Actor,
        a: CasusId,
        b: CasusId,
        family_note: Option<&str>,
    ) -> Result<()> {
        if a == b {
            return Err(StoreError::Invalid("a casus is not its own sibling".into()));
        }
        let tx = self.conn.transaction()?;
        ensure_open(&tx, a)?;
        for (x, y) in [(a, b), (b, a)] {
            tx.execute(
                "INSERT INTO casus_links (casus_id, linked_casus_id, family_note) VALUES (?1, ?2, ?3)
                 ON CONFLICT(casus_id, linked_casus_id) DO UPDATE SET family_note = excluded.family_note",
                params![x.to_string(), y.to_string(), family_note],
            )?;
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "casus_link",
            &a.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn linked_casussen(&self, casus: CasusId) -> Result<Vec<LinkedCasus>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, p.given_name, p.family_name, c.pseudonym, l.family_note
             FROM casus_links l JOIN casussen c ON c.id = l.linked_casus_id
             LEFT JOIN pupils p ON p.id = c.pupil_id WHERE l.casus_id = ?1",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            let (label, initials) = casus_label(r, 1)?;
            Ok(LinkedCasus {
                id: parse_id(r.get(0)?)?,
                label,
                initials,
                family_note: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The pupil's own name and those of every other pupil of the same school: the names that
    /// must not appear in this casus's exports.
    pub fn pupil_names_around(&self, casus: CasusId) -> Result<PupilNamesAround> {
        let own: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT p.given_name, p.family_name FROM casussen c
                 JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
                [casus.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let mut stmt = self.conn.prepare(
            "SELECT p.given_name, p.family_name FROM pupils p
             WHERE p.school_id = (SELECT t.school_id FROM casussen c JOIN teams t ON t.id = c.team_id
                                  WHERE c.id = ?1)
               AND p.id IS NOT (SELECT pupil_id FROM casussen WHERE id = ?1)",
        )?;
        let others = stmt
            .query_map([casus.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(PupilNamesAround { own, others })
    }

    pub fn signals(&self, casus: CasusId) -> Result<Vec<SignalRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT observed_on, source, category, description, casus_id <> ?1 FROM signals
             WHERE casus_id = ?1 OR casus_id = (SELECT converted_from_id FROM casussen WHERE id = ?1)
             ORDER BY observed_on DESC",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            Ok(SignalRow {
                observed_on: r.get(0)?,
                source: r.get(1)?,
                category: r.get(2)?,
                description: r.get(3)?,
                from_anonymous: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_intake(&mut self, actor: &Actor, casus: CasusId, intake_json: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "UPDATE casussen SET intake_json = ?2, updated_at = ?3 WHERE id = ?1",
            params![casus.to_string(), intake_json, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "casus",
            &casus.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    pub fn open_action_count(&self, casus: CasusId) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM actions WHERE casus_id = ?1 AND status = 'open'",
            [casus.to_string()],
            |r| r.get(0),
        )?)
    }

    /// Closes a casus: refuses while actions are open; after this it is read-only.
    pub fn close_casus(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        closure: &ClosureSeed<'_>,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        let open: u32 = tx.query_row(
            "SELECT count(*) FROM actions WHERE casus_id = ?1 AND status = 'open'",
            [casus.to_string()],
            |r| r.get(0),
        )?;
        if open > 0 {
            return Err(StoreError::OpenActions(open));
        }
        tx.execute(
            "UPDATE casussen SET status = 'afgesloten', closed_on = ?2, closure_reason = ?3,
                closure_outcome = ?4, retention_until = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                casus.to_string(),
                closure.closed_on,
                closure.reason,
                closure.outcome,
                closure.retention_until,
                now_from_clock()
            ],
        )?;
        if let Some(left) = closure.left_school_on {
            tx.execute(
                "UPDATE pupils SET left_school_on = ?2 WHERE id = (SELECT pupil_id FROM casussen WHERE id = ?1)",
                params![casus.to_string(), left],
            )?;
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Close,
            "casus",
            &casus.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The pupil's left-school day, needed for the retention date.
    pub fn left_school_on(&self, casus: CasusId) -> Result<Option<String>> {
        Ok(opt(self.conn.query_row(
            "SELECT p.left_school_on FROM casussen c JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
            [casus.to_string()],
            |r| r.get::<_, Option<String>>(0),
        ))?
        .flatten())
    }

    /// Given and family names of every pupil, for the anonymity check of free text.
    pub fn known_pupil_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT given_name FROM pupils UNION SELECT family_name FROM pupils")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// What the reminders on Vandaag need about one casus.
pub struct ReminderFacts {
    pub casus: CasusId,
    pub initials: String,
    pub closed: bool,
    pub birth_date: Option<String>,
    pub attendance: AttendanceFacts,
    pub retention_until: Option<String>,
}

impl Store {
    pub fn reminder_facts(&self) -> Result<Vec<ReminderFacts>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, p.given_name, p.family_name, c.pseudonym, c.status = 'afgesloten', p.birth_date,
                    a.absent_since, coalesce(a.reported_sick, 0), a.duo_reported_on, a.exemption_5a_from,
                    c.retention_until
             FROM casussen c LEFT JOIN pupils p ON p.id = c.pupil_id
             LEFT JOIN casus_attendance a ON a.casus_id = c.id
             WHERE c.closure_reason IS NOT 'omgezet_naar_benoemd'",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ReminderFacts {
                casus: parse_id(r.get(0)?)?,
                initials: casus_label(r, 1)?.1,
                closed: r.get(4)?,
                birth_date: r.get(5)?,
                attendance: AttendanceFacts {
                    absent_since: r.get(6)?,
                    reported_sick: r.get(7)?,
                    duo_reported_on: r.get(8)?,
                    exemption_5a_from: r.get(9)?,
                },
                retention_until: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
