//! The preview exactly as it will leave, then the file written atomically (encrypted unless the
//! user confirmed otherwise) and logged with its SHA-256.

use std::path::Path;

use kernteam_domain::recipient::{Recipient, RecipientKind};
use kernteam_domain::validation::Invalid;
use kernteam_domain::{CasusId, MeetingId};
use kernteam_export::markdown;
use kernteam_store::ExportLogSeed;

use super::request::{ExcludedItem, ExportFormat, ExportPreview, ExportRequest};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

/// Lowercase letters and digits joined by "-": safe in any file system.
pub(crate) fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The recipient in a file name, from its kind only: the free name may hold a pupil's name
/// ("de ouders van Noor").
/// The export log's "for whom": the recipient's kind and name, and what it was.
pub(crate) fn log_line(recipient: &Recipient, what: &str) -> String {
    format!(
        "{}: {}{what}",
        recipient_slug(recipient),
        recipient.name.trim()
    )
}

pub(crate) fn recipient_slug(recipient: &Recipient) -> &'static str {
    match (recipient.kind, recipient.organisation_kind) {
        (RecipientKind::Partner, Some(kind)) => kind.code(),
        (kind, _) => match kind {
            RecipientKind::Ouders => "ouders",
            RecipientKind::School => "school",
            RecipientKind::SwvLoket => "swv-loket",
            RecipientKind::Partner => "partner",
        },
    }
}

/// What the preview shows: the document as text, what was left out and why, and the file name
/// `kernteam-<team>-<date>-<what>-<recipient kind>.<ext>` (never a pupil's name).
pub(crate) fn preview_of(
    doc: &kernteam_export::Document,
    excluded: Vec<kernteam_export::Excluded>,
    (recipient, recipient_slug): (&str, &str),
    (team, day, what): (&str, &str, &str),
    format: ExportFormat,
) -> ExportPreview {
    ExportPreview {
        recipient: recipient.to_owned(),
        file_name: format!(
            "kernteam-{}-{day}-{what}-{recipient_slug}.{}",
            slug(team.trim_start_matches("kernteam ")),
            format.extension()
        ),
        text: markdown::render(doc),
        excluded: excluded
            .into_iter()
            .map(|e| ExcludedItem {
                title: e.title,
                reason: e.reason,
            })
            .collect(),
    }
}

/// The password to use, refused when it cannot work: Markdown has none, a short one is
/// guessable, and none at all needs the recorded confirmation.
pub(crate) fn check_lock(
    format: ExportFormat,
    password: Option<&str>,
    unencrypted_confirmed: bool,
) -> AppResult<Option<&str>> {
    let password = password.map(str::trim).filter(|p| !p.is_empty());
    match (format, password) {
        (ExportFormat::Md, Some(_)) => Err(Invalid::new(
            "password",
            "Markdown kan niet versleuteld worden: kies PDF of DOCX voor een wachtwoord, of bevestig onversleuteld.",
        )
        .into()),
        (_, Some(p)) if p.chars().count() < 12 => Err(Invalid::new(
            "password",
            "Kies een wachtwoord van minstens 12 tekens (of neem het voorstel).",
        )
        .into()),
        (_, None) if !unencrypted_confirmed => Err(Invalid::new(
            "unencrypted",
            "Zonder wachtwoord gaat dit bestand onversleuteld weg: bevestig dat bewust, of kies een wachtwoord.",
        )
        .into()),
        _ => Ok(password),
    }
}

impl Session {
    /// The export log, newest first: per export when, by whom (a member's name where the actor is
    /// one), which meeting or casus, for whom, the format, whether encrypted, and the file's
    /// SHA-256.
    pub fn export_log(&mut self) -> AppResult<Vec<kernteam_domain::ExportLogRow>> {
        Ok(self.store()?.export_log()?)
    }

    /// Exactly what the recipient will get, and what was left out and why.
    pub fn preview_export<R: ExportRequest>(&mut self, request: &R) -> AppResult<ExportPreview> {
        let request = self.with_checked_recipient(request)?;
        Ok(request.build(self)?.1)
    }

    /// What kind of organisation a recipient is comes from the store, never from the page: an
    /// id of one organisation with the kind of another would otherwise get the other's share.
    pub(crate) fn with_checked_recipient<R: ExportRequest>(&mut self, request: &R) -> AppResult<R> {
        let mut request = request.clone();
        if let Some(recipient) = request.recipient_mut() {
            recipient.organisation_kind = match recipient.organisation_id {
                Some(id) => Some(
                    self.store()?
                        .organisations()?
                        .into_iter()
                        .find(|o| o.id == id)
                        .map(|o| o.kind)
                        .ok_or_else(|| {
                            AppError::new(
                                ErrorCode::NotFound,
                                "Deze organisatie bestaat niet (meer); kies de ontvanger opnieuw.",
                            )
                        })?,
                ),
                None => None,
            };
        }
        Ok(request)
    }

    /// Writes the previewed document to `target` and logs it (see [`Self::write_export`]);
    /// refused before anything is built when the password cannot work.
    pub fn save_export<R: ExportRequest>(
        &mut self,
        request: &R,
        target: &Path,
        password: Option<&str>,
        unencrypted_confirmed: bool,
    ) -> AppResult<ExportPreview> {
        let lock = check_lock(request.format(), password, unencrypted_confirmed)?;
        let request = self.with_checked_recipient(request)?;
        let built = request.build(self)?;
        let to = request.logged_for(&built.0);
        self.write_export(
            &built,
            request.format(),
            lock,
            target,
            request.subject(),
            &to,
        )?;
        Ok(built.1)
    }

    /// Writes a document (temp file, fsync, rename) and logs it: when, by whom, which meeting
    /// or casus, for whom (the recipient's kind and name, and `what` it was), the format,
    /// encrypted or not, and the file's SHA-256.
    pub(crate) fn write_export(
        &mut self,
        (doc, preview): &(kernteam_export::Document, ExportPreview),
        format: ExportFormat,
        password: Option<&str>,
        target: &Path,
        (meeting, casus): (Option<MeetingId>, Option<CasusId>),
        to: &str,
    ) -> AppResult<()> {
        let failed = |what: &str| {
            AppError::new(
                ErrorCode::Internal,
                format!("Het {what}-bestand kon niet worden gemaakt."),
            )
        };
        let bytes = match format {
            ExportFormat::Md => preview.text.clone().into_bytes(),
            ExportFormat::Docx => {
                let plain = kernteam_export::docx::render(doc).map_err(|_| failed("DOCX"))?;
                match password {
                    Some(p) => kernteam_export::docx::encrypt(&plain, p)
                        .map_err(|_| failed("versleutelde DOCX"))?,
                    None => plain,
                }
            }
            ExportFormat::Pdf => {
                let plain = kernteam_export::pdf::render(doc).map_err(|_| failed("PDF"))?;
                match password {
                    Some(p) => kernteam_export::pdf::encrypt(&plain, p)
                        .map_err(|_| failed("versleutelde PDF"))?,
                    None => plain,
                }
            }
        };
        kernteam_store::write_atomically(target, &bytes).map_err(|e| {
            AppError::new(
                ErrorCode::Validation,
                format!(
                    "Het bestand kon niet worden bewaard ({}); er is niets half achtergebleven. Kies een andere map.",
                    match e.kind() {
                        std::io::ErrorKind::PermissionDenied => "geen schrijfrechten".to_owned(),
                        std::io::ErrorKind::StorageFull => "de schijf is vol".to_owned(),
                        _ => "schrijffout".to_owned(),
                    }
                ),
            )
        })?;
        let actor = self.actor_now()?;
        let logged = self.store()?.log_export(
            &actor,
            &ExportLogSeed {
                meeting,
                casus,
                recipient: to,
                format: format.extension(),
                encrypted: password.is_some(),
            },
            &bytes,
        );
        if let Err(e) = logged {
            // An export that is not in the log does not leave.
            let _ = std::fs::remove_file(target);
            return Err(e.into());
        }
        Ok(())
    }
}
