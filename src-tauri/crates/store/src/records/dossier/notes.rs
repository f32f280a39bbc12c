//! Notes on a casus: autosaved by their author, private while a preparation, then shared.

use kernteam_domain::{
    CasusId, DataCategory, MemberId, NoteDraft, NoteKind, NoteRow, NoteVisibility,
};
use rusqlite::params;

use super::ensure_open;
use crate::audit::{self, AuditAction};
use crate::records::{opt, parse_code, parse_id};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

impl Store {
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
}
