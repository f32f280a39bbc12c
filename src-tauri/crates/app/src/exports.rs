//! Minutes for a partner (issue 5): the finalised minutes, minimised per recipient by the
//! domain's rules, previewed exactly as they will leave, written atomically and logged.
//! PDF (AES-256) and DOCX (ECMA-376 agile) leave under a password unless the user confirms otherwise; Markdown
//! cannot be encrypted, so it always needs that recorded confirmation.

use std::path::Path;

use kernteam_domain::consent::{self, ConsentStatus};
use kernteam_domain::dates::{dutch_date, parse_iso};
use kernteam_domain::live::MinutesStatus;
use kernteam_domain::recipient::{CasusForExport, PupilName, Recipient, RecipientKind};
use kernteam_domain::validation::{Invalid, age_on};
use kernteam_domain::{CasusId, CasusMode, DataCategory, MeetingId, OrganisationKind, TeamId};
use kernteam_export::{CasusContext, MinutesRequest, markdown, minutes_for};
use kernteam_store::ExportLogSeed;
use serde::{Deserialize, Serialize};
use time::Date;
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Pdf,
    Docx,
    Md,
}

impl ExportFormat {
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
    pub meeting_id: MeetingId,
    pub recipient: Recipient,
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
    pub casus_id: CasusId,
    pub recipient: Recipient,
    pub format: ExportFormat,
    pub released: Vec<DataCategory>,
    pub pupil_shares_with_parents: bool,
}

/// A meeting's agenda for the team's members (pupils by initials and class only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgendaExportRequest {
    pub meeting_id: MeetingId,
    pub format: ExportFormat,
}

/// One organisation's open actions of a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionListExportRequest {
    pub team_id: TeamId,
    pub recipient: Recipient,
    pub format: ExportFormat,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExcludedItem {
    pub title: String,
    pub reason: String,
}

/// Exactly what the recipient will get, before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPreview {
    pub recipient: String,
    /// Never a pupil's name: `kernteam-<team>-<date>-verslag-<recipient>.md`.
    pub file_name: String,
    pub text: String,
    pub excluded: Vec<ExcludedItem>,
}

/// Lowercase letters and digits joined by "-": safe in any file system.
fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The recipient in a file name, from its kind only: the free name may hold a pupil's name
/// ("de ouders van Noor").
/// The export log's "for whom": the recipient's kind and name, and what it was.
fn log_line(recipient: &Recipient, what: &str) -> String {
    format!(
        "{}: {}{what}",
        recipient_slug(recipient),
        recipient.name.trim()
    )
}

fn recipient_slug(recipient: &Recipient) -> &'static str {
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

impl Session {
    pub fn export_log(&mut self) -> AppResult<Vec<kernteam_domain::ExportLogRow>> {
        Ok(self.store()?.export_log()?)
    }

    fn export_context(
        &mut self,
        casus: CasusId,
        on: Date,
        released: &[DataCategory],
        pupil_shares_with_parents: bool,
    ) -> AppResult<CasusContext> {
        let dossier = self.dossier(casus)?;
        let store = self.store()?;
        let facts = store.consent_facts(casus)?;
        let birth = facts.birth_date.as_deref().and_then(parse_iso);
        let complete = birth.is_some_and(|b| {
            consent::status(b, &facts.holders, &facts.records, on) == ConsentStatus::Volledig
        });
        let latest = facts
            .views
            .iter()
            .filter(|v| parse_iso(&v.given_on).is_some_and(|d| d <= on))
            .max_by(|a, b| a.given_on.cmp(&b.given_on));
        let consent_scope = latest.filter(|_| complete).map(|v| {
            v.scope_organisations
                .iter()
                .filter_map(|o| OrganisationKind::from_code(o))
                .collect()
        });
        let consent_categories = latest
            .map(|v| {
                v.scope_categories
                    .iter()
                    .filter_map(|c| DataCategory::from_code(c))
                    .collect()
            })
            .unwrap_or_default();
        // Not only linked siblings: every pupil of the school may be named in a note.
        let names = store.pupil_names_around(casus)?;
        let own_name = names
            .own
            .map(|(given, family)| PupilName::new(given, family));
        let other_pupils = names
            .others
            .into_iter()
            .map(|(given, family)| PupilName::new(given, family))
            .collect();
        Ok(CasusContext {
            casus_id: casus,
            name: dossier.summary.label.clone(),
            facts: CasusForExport {
                anonymous: dossier.summary.mode == CasusMode::Anonymous,
                pupil_age: birth.map(|b| u8::try_from(age_on(b, on).max(0)).unwrap_or(u8::MAX)),
                consent_scope,
                consent_categories,
                released: released.to_vec(),
                pupil_shares_with_parents,
            },
            own_name,
            other_pupils,
        })
    }

    /// The document for the recipient and its preview (the same content, as text).
    fn minutes_document(
        &mut self,
        request: &MinutesExportRequest,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        if request.recipient.kind == RecipientKind::Ouders && request.only_casus.is_none() {
            return Err(Invalid::new(
                "onlyCasus",
                "Kies de leerling: ouders krijgen alleen het deel over hun eigen kind.",
            )
            .into());
        }
        if request.recipient.name.trim().is_empty() {
            return Err(Invalid::new("recipient", "Vul in voor wie het verslag is.").into());
        }
        let minutes = self
            .minutes(request.meeting_id)?
            .into_iter()
            .find(|m| m.status == MinutesStatus::Vastgesteld)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Validation,
                    "Alleen vastgestelde notulen gaan naar partners: stel de notulen eerst vast.",
                )
            })?;
        let row = self.store()?.meeting(request.meeting_id)?;
        let on = today();
        let casus_ids: Vec<CasusId> = minutes
            .body
            .items
            .iter()
            .filter_map(|i| i.casus_id)
            .filter(|c| request.only_casus.is_none_or(|only| only == *c))
            .collect();
        let mut casussen = Vec::new();
        for casus in casus_ids {
            casussen.push(self.export_context(
                casus,
                on,
                &request.released,
                request.pupil_shares_with_parents,
            )?);
        }
        let organisations: Vec<_> = self
            .organisations()?
            .into_iter()
            .map(|o| (o.id, o.kind, o.name))
            .collect();
        let store = self.store()?;
        let school_id = store.school_of_team(row.team_id)?;
        let school = store
            .schools()?
            .into_iter()
            .find(|s| s.id == school_id)
            .map(|s| s.name)
            .unwrap_or_default();
        let status = format!(
            "versie {}, vastgesteld {}",
            minutes.version,
            minutes
                .finalised_at
                .as_deref()
                .and_then(|f| f.get(..10))
                .and_then(parse_iso)
                .map(dutch_date)
                .unwrap_or_default()
        );
        let (doc, excluded) = minutes_for(&MinutesRequest {
            body: &minutes.body,
            status,
            school: &school,
            recipient: &request.recipient,
            casussen: &casussen,
            organisations: &organisations,
            only_casus: request.only_casus,
            made_on: on,
        });
        let day = row.starts_at.get(..10).unwrap_or_default();
        let preview = preview_of(
            &doc,
            excluded,
            (&request.recipient.name, recipient_slug(&request.recipient)),
            (&row.team_name, day, "verslag"),
            request.format,
        );
        Ok((doc, preview))
    }

    /// Exactly what the recipient will get, and what was left out and why.
    pub fn preview_export<R: ExportRequest>(&mut self, request: &R) -> AppResult<ExportPreview> {
        let request = self.with_checked_recipient(request)?;
        Ok(request.build(self)?.1)
    }

    /// What kind of organisation a recipient is comes from the store, never from the page: an
    /// id of one organisation with the kind of another would otherwise get the other's share.
    fn with_checked_recipient<R: ExportRequest>(&mut self, request: &R) -> AppResult<R> {
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
    fn write_export(
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

    fn agenda_document(
        &mut self,
        request: &AgendaExportRequest,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        let row = self.store()?.meeting(request.meeting_id)?;
        let items = self.agenda(request.meeting_id)?;
        if items.is_empty() {
            return Err(AppError::new(
                ErrorCode::Validation,
                "Deze agenda is nog leeg: stel hem eerst samen.",
            ));
        }
        let team = self
            .teams()?
            .into_iter()
            .find(|t| t.id == row.team_id)
            .ok_or_else(|| {
                AppError::new(ErrorCode::NotFound, "Dit kernteam bestaat niet (meer).")
            })?;
        let pupils: Vec<(CasusId, String)> = self
            .casussen(Some(team.id))?
            .into_iter()
            .map(|c| {
                let label = kernteam_domain::agenda::pupil_on_agenda(
                    c.mode,
                    &c.initials,
                    c.class_name.as_deref(),
                );
                (c.id, label)
            })
            .collect();
        let doc = kernteam_export::agenda_for(&kernteam_export::AgendaRequest {
            team: &team.name,
            school: &team.school_name,
            starts_at: &row.starts_at,
            location: row.location.as_deref(),
            items: &items,
            pupils: &pupils,
            made_on: today(),
        });
        let day = row.starts_at.get(..10).unwrap_or_default();
        let preview = preview_of(
            &doc,
            Vec::new(),
            (&doc.recipient, "team"),
            (&team.name, day, "agenda"),
            request.format,
        );
        Ok((doc, preview))
    }

    fn action_list_document(
        &mut self,
        request: &ActionListExportRequest,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        if request.recipient.kind != RecipientKind::Partner
            || request.recipient.organisation_id.is_none()
        {
            return Err(Invalid::new(
                "recipient",
                "Een actielijst is voor één organisatie: kies de partnerorganisatie.",
            )
            .into());
        }
        let on = today();
        let team = self
            .teams()?
            .into_iter()
            .find(|t| t.id == request.team_id)
            .ok_or_else(|| {
                AppError::new(ErrorCode::NotFound, "Dit kernteam bestaat niet (meer).")
            })?;
        let casus_ids: Vec<CasusId> = self
            .casussen(Some(team.id))?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let actions: Vec<_> = self
            .actions()?
            .into_iter()
            .filter(|a| match a.casus_id {
                Some(c) => casus_ids.contains(&c),
                None => a.team_name.as_deref() == Some(team.name.as_str()),
            })
            .collect();
        let mut wanted: Vec<CasusId> = actions
            .iter()
            .filter(|a| a.owner_organisation_id == request.recipient.organisation_id)
            .filter_map(|a| a.casus_id)
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut casussen = Vec::new();
        for casus in wanted {
            casussen.push(self.export_context(casus, on, &[], false)?);
        }
        let (doc, excluded) =
            kernteam_export::action_list_for(&kernteam_export::ActionListRequest {
                recipient: &request.recipient,
                school: &team.school_name,
                team: &team.name,
                actions: &actions,
                casussen: &casussen,
                today: on,
            });
        let preview = preview_of(
            &doc,
            excluded,
            (&request.recipient.name, recipient_slug(&request.recipient)),
            (&team.name, &on.to_string(), "acties"),
            request.format,
        );
        Ok((doc, preview))
    }

    fn summary_document(
        &mut self,
        request: &SummaryExportRequest,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        if request.recipient.name.trim().is_empty() {
            return Err(Invalid::new("recipient", "Vul in voor wie de overdracht is.").into());
        }
        let on = today();
        let dossier = self.dossier(request.casus_id)?;
        let context = self.export_context(
            request.casus_id,
            on,
            &request.released,
            request.pupil_shares_with_parents,
        )?;
        let organisations: Vec<_> = self
            .organisations()?
            .into_iter()
            .map(|o| (o.id, o.kind, o.name))
            .collect();
        let (doc, excluded) = kernteam_export::summary_for(&kernteam_export::SummaryRequest {
            dossier: &dossier,
            context: &context,
            recipient: &request.recipient,
            organisations: &organisations,
            today: on,
        })
        .map_err(|reason| AppError::new(ErrorCode::Validation, reason))?;
        let preview = preview_of(
            &doc,
            excluded,
            (&request.recipient.name, recipient_slug(&request.recipient)),
            (&dossier.summary.team_name, &on.to_string(), "overdracht"),
            request.format,
        );
        Ok((doc, preview))
    }
}

/// What the preview shows: the document as text, what was left out and why, and the file name
/// `kernteam-<team>-<date>-<what>-<recipient kind>.<ext>` (never a pupil's name).
fn preview_of(
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
fn check_lock(
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
