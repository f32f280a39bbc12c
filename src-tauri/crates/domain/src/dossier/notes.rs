use super::*;
use chrono::{DateTime, Utc};

/// What the note editor autosaves. The editor chooses the id so each save is the same upsert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NoteDraft {
    /// Chosen by the editor for a new note and sent again with every autosave of it.
    pub id: NoteId,
    /// The casus the note is about; a saved note never moves to another casus.
    pub casus_id: CasusId,
    /// Preparation, discussion or feedback; fixed at the first save. A preparation note starts
    /// private to its author.
    pub kind: NoteKind,
    /// What the note is about (school, verzuim, health, family, safety); exports go by it.
    pub category: DataCategory,
    /// What was observed, kept apart from opinions; at most 20,000 characters.
    pub facts: String,
    /// Opinions and interpretations, kept apart from the facts; at most 20,000 characters.
    pub opinions: String,
}

/// A note as the casus screen lists it, for a viewer allowed to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteRow {
    /// Identifies the note, e.g. to share it or to save it again.
    pub id: NoteId,
    /// The casus it was written in: this one, or the anonymous consultation this casus came from.
    pub casus_id: CasusId,
    /// The member who wrote it; `None` where no author is recorded.
    pub author_id: Option<MemberId>,
    /// The author's name; `None` when the author is not a known member.
    pub author_name: Option<String>,
    /// Written by the member this laptop belongs to: editable and shareable.
    pub mine: bool,
    /// Preparation, discussion or feedback note.
    pub kind: NoteKind,
    /// What the note is about (school, verzuim, health, family, safety); exports go by it.
    pub category: DataCategory,
    /// Private to its author (a preparation note not yet shared) or shared with the kernteam.
    pub visibility: NoteVisibility,
    /// What was observed, kept apart from opinions.
    pub facts: String,
    /// Opinions and interpretations, kept apart from the facts.
    pub opinions: String,
    /// When it was first saved, RFC 3339 in UTC.
    pub created_at: DateTime<Utc>,
    /// When it was last saved, RFC 3339 in UTC.
    pub updated_at: DateTime<Utc>,
    /// When a private preparation note was shared with the team (UTC); `None` if it was not (yet).
    pub shared_at: Option<DateTime<Utc>>,
    /// Written in the anonymous consultation this casus was converted from.
    pub from_anonymous: bool,
}
