//! Notes: private preparation until shared, facts apart from opinions.

use kernteam_domain::validation::Invalid;
use kernteam_domain::{NoteDraft, NoteId};

use crate::error::AppResult;
use crate::session::Session;

impl Session {
    /// Autosave of a note: called while the user types; the same id is one note.
    pub fn save_note(&mut self, draft: &NoteDraft) -> AppResult<()> {
        for (field, label, text) in [
            ("facts", "feiten", &draft.facts),
            ("opinions", "meningen", &draft.opinions),
        ] {
            if text.chars().count() > 20_000 {
                return Err(Invalid::new(
                    field,
                    format!("De {label} zijn te lang (maximaal 20.000 tekens); splits de notitie."),
                )
                .into());
            }
        }
        // An anonymous casus holds no name, date of birth or contact data, in notes too: the
        // editor keeps what was typed and shows the message (nothing is lost).
        self.refuse_identifying_in(
            Some(draft.casus_id),
            &[("facts", &draft.facts), ("opinions", &draft.opinions)],
        )?;
        let author = self.require_profile()?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.save_note(&actor, author, draft)?;
        Ok(())
    }

    /// Shares a private preparation note with the team; only its author can (`NotAuthor`), and only
    /// with a chosen own member profile (`ProfileRequired`). Sharing a note that is already shared
    /// changes nothing; `ReadOnly` when its casus is closed. Recorded in the audit log.
    pub fn share_note(&mut self, note: NoteId) -> AppResult<()> {
        let author = self.require_profile()?;
        let actor = self.actor_now()?;
        self.store()?.share_note(&actor, author, note)?;
        Ok(())
    }
}
