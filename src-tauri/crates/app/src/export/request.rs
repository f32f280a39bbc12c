//! What the UI asks for: the four documents (minutes, overdracht, action list, agenda) as one
//! `ExportRequest` each, in a format, for a recipient; and the preview it gets back.

use kernteam_domain::recipient::Recipient;
use kernteam_domain::{CasusId, DataCategory, MeetingId, TeamId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::save::log_line;
use crate::error::AppResult;
use crate::session::Session;

/// The file format of an exported document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// PDF, optionally encrypted with a password.
    Pdf,
    /// Word (DOCX), optionally encrypted with a password.
    Docx,
    /// Markdown text, which cannot be encrypted: saving it needs the confirmation that it leaves
    /// unencrypted.
    Md,
}

impl ExportFormat {
    /// The file name extension for this format, without the dot ("pdf", "docx", "md").
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Docx => "docx",
            ExportFormat::Md => "md",
        }
    }

    /// The save dialog's name for files of this kind.
    pub fn kind_of_file(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "PDF-document",
            ExportFormat::Docx => "Word-document",
            ExportFormat::Md => "Markdown",
        }
    }
}

/// What differs between the four documents (minutes, overdracht, action list, agenda); the
/// rest — preview, password check, writing, logging — is one path for all
/// ([`Session::preview_export`], [`Session::save_export`]).
pub trait ExportRequest: Clone + Send + 'static {
    /// The file format the user chose for the document.
    fn format(&self) -> ExportFormat;
    /// The document for its recipient and its preview (the same content, as text).
    fn build(&self, session: &mut Session)
    -> AppResult<(kernteam_export::Document, ExportPreview)>;
    /// The meeting and the casus the export log names.
    fn subject(&self) -> (Option<MeetingId>, Option<CasusId>);
    /// The export log's "for whom": the recipient's kind and name, and what it was.
    fn logged_for(&self, doc: &kernteam_export::Document) -> String;
    /// The recipient, for the backend to check (none for the agenda, which carries no pupil).
    fn recipient_mut(&mut self) -> Option<&mut Recipient>;
}

impl ExportRequest for MinutesExportRequest {
    fn format(&self) -> ExportFormat {
        self.format
    }

    fn recipient_mut(&mut self) -> Option<&mut Recipient> {
        Some(&mut self.recipient)
    }
    fn build(
        &self,
        session: &mut Session,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        session.minutes_document(self)
    }
    fn subject(&self) -> (Option<MeetingId>, Option<CasusId>) {
        (Some(self.meeting_id), self.only_casus)
    }
    fn logged_for(&self, _: &kernteam_export::Document) -> String {
        let released = if self.released.is_empty() {
            String::new()
        } else {
            format!(
                " · vrijgegeven: {}",
                self.released
                    .iter()
                    .map(|c| c.label().to_lowercase())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        log_line(&self.recipient, &released)
    }
}

impl ExportRequest for SummaryExportRequest {
    fn format(&self) -> ExportFormat {
        self.format
    }

    fn recipient_mut(&mut self) -> Option<&mut Recipient> {
        Some(&mut self.recipient)
    }
    fn build(
        &self,
        session: &mut Session,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        session.summary_document(self)
    }
    fn subject(&self) -> (Option<MeetingId>, Option<CasusId>) {
        (None, Some(self.casus_id))
    }
    fn logged_for(&self, _: &kernteam_export::Document) -> String {
        log_line(&self.recipient, " · overdracht")
    }
}

impl ExportRequest for ActionListExportRequest {
    fn format(&self) -> ExportFormat {
        self.format
    }

    fn recipient_mut(&mut self) -> Option<&mut Recipient> {
        Some(&mut self.recipient)
    }
    fn build(
        &self,
        session: &mut Session,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        session.action_list_document(self)
    }
    fn subject(&self) -> (Option<MeetingId>, Option<CasusId>) {
        (None, None)
    }
    fn logged_for(&self, _: &kernteam_export::Document) -> String {
        log_line(&self.recipient, " · actielijst")
    }
}

impl ExportRequest for AgendaExportRequest {
    fn format(&self) -> ExportFormat {
        self.format
    }

    fn recipient_mut(&mut self) -> Option<&mut Recipient> {
        None
    }
    fn build(
        &self,
        session: &mut Session,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        session.agenda_document(self)
    }
    fn subject(&self) -> (Option<MeetingId>, Option<CasusId>) {
        (Some(self.meeting_id), None)
    }
    fn logged_for(&self, doc: &kernteam_export::Document) -> String {
        format!("team: {} · agenda", doc.recipient)
    }
}

/// A password to read out over the phone, for a document that leaves under encryption.
pub fn propose_export_password() -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    let words: [u8; 5] = rng.r#gen();
    kernteam_domain::spoken_password::from_draw(words, rng.gen_range(0..100))
}

/// What the user asks for: whose minutes, for whom, in which format, and what they released.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MinutesExportRequest {
    /// The meeting whose minutes are exported; only its finalised (vastgesteld) minutes leave.
    pub meeting_id: MeetingId,
    /// Who receives the document; the domain's rule per kind of recipient decides what of each
    /// casus it may contain. The name is required, and parents (ouders) need `only_casus`.
    pub recipient: Recipient,
    /// The file format to write: PDF, DOCX or Markdown.
    pub format: ExportFormat,
    /// Parents get the part about one pupil.
    pub only_casus: Option<CasusId>,
    /// Health or safety released for this recipient (recorded with the export).
    pub released: Vec<DataCategory>,
    /// A pupil of 16 or older agreed that the parents receive their part.
    pub pupil_shares_with_parents: bool,
}

/// A casus summary (overdracht) for one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SummaryExportRequest {
    /// The casus the overdracht (handover summary) is about.
    pub casus_id: CasusId,
    /// Who receives the summary (the name is required); the domain's rule per kind of recipient
    /// decides what of the casus it may contain.
    pub recipient: Recipient,
    /// The file format to write: PDF, DOCX or Markdown.
    pub format: ExportFormat,
    /// Health or safety data released for this recipient by the one who exports; empty: none.
    pub released: Vec<DataCategory>,
    /// A pupil of 16 or older agreed that the parents receive their part; without it, parents of
    /// such a pupil get nothing.
    pub pupil_shares_with_parents: bool,
}

/// A meeting's agenda for the team's members (pupils by initials and class only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgendaExportRequest {
    /// The meeting whose agenda is exported; refused while the agenda is empty.
    pub meeting_id: MeetingId,
    /// The file format to write: PDF, DOCX or Markdown.
    pub format: ExportFormat,
}

/// One organisation's open actions of a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionListExportRequest {
    /// The team whose actions are listed.
    pub team_id: TeamId,
    /// The partner organisation the list is for; any other kind of recipient is refused.
    pub recipient: Recipient,
    /// The file format to write: PDF, DOCX or Markdown.
    pub format: ExportFormat,
}

/// A part the recipient will not get, shown in the preview with why it was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExcludedItem {
    /// What was left out, for instance a casus item by the pupil's initials and class.
    pub title: String,
    /// Why it was left out for this recipient (in Dutch), for instance missing consent.
    pub reason: String,
}

/// Exactly what the recipient will get, before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPreview {
    /// Whom the document is for, as it names them (for an agenda: the team's members).
    pub recipient: String,
    /// Never a pupil's name: `kernteam-<team>-<date>-verslag-<recipient>.md`.
    pub file_name: String,
    /// The whole document as Markdown text: the content the file will hold (for Markdown, the
    /// file itself).
    pub text: String,
    /// What was left out for this recipient and why; empty when nothing was.
    pub excluded: Vec<ExcludedItem>,
}
