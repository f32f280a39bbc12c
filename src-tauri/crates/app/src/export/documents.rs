//! Each document assembled from the store and minimised per recipient by the domain's rule
//! (`recipient::Allowed`): what may leave, and what was left out and why.

use chrono::NaiveDate;
use kernteam_domain::consent::{self, ConsentStatus};
use kernteam_domain::dates::{amsterdam_date, dutch_date};
use kernteam_domain::live::{MinutesBody, MinutesStatus, MinutesVersion};
use kernteam_domain::recipient::{CasusForExport, PupilName, RecipientKind};
use kernteam_domain::validation::{Invalid, age_on};
use kernteam_domain::{
    CasusId, CasusMode, DataCategory, MeetingId, OrganisationId, OrganisationKind, TeamId,
};
use kernteam_export::{CasusContext, MinutesRequest, minutes_for};

use super::request::{
    ActionListExportRequest, AgendaExportRequest, ExportPreview, MinutesExportRequest,
    SummaryExportRequest,
};
use super::save::{preview_of, recipient_slug};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

impl Session {
    pub(crate) fn export_context(
        &mut self,
        casus: CasusId,
        on: NaiveDate,
        released: &[DataCategory],
        pupil_shares_with_parents: bool,
    ) -> AppResult<CasusContext> {
        let dossier = self.dossier(casus)?;
        let store = self.store()?;
        let facts = store.consent_facts(casus)?;
        let birth = facts.birth_date;
        let complete = birth.is_some_and(|b| {
            consent::status(b, &facts.holders, &facts.records, on) == ConsentStatus::Volledig
        });
        let latest = facts
            .views
            .iter()
            .filter(|v| v.given_on <= on)
            .max_by(|a, b| a.given_on.cmp(&b.given_on));
        let consent_scope = latest
            .filter(|_| complete)
            .map(|v| v.scope_organisations.clone());
        let consent_categories = latest
            .map(|v| v.scope_categories.clone())
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
    pub(crate) fn minutes_document(
        &mut self,
        request: &MinutesExportRequest,
    ) -> AppResult<(kernteam_export::Document, ExportPreview)> {
        check_minutes_recipient(request)?;
        let minutes = self.finalised_minutes(request.meeting_id)?;
        let row = self.store()?.meeting(request.meeting_id)?;
        let on = today();
        let casussen = self.minutes_contexts(&minutes.body, request, on)?;
        let organisations = self.organisation_names()?;
        let school = self.school_name_of_team(row.team_id)?;
        let (doc, excluded) = minutes_for(&MinutesRequest {
            body: &minutes.body,
            status: finalised_status(&minutes),
            school: &school,
            recipient: &request.recipient,
            casussen: &casussen,
            organisations: &organisations,
            only_casus: request.only_casus,
            made_on: on,
        });
        let day = amsterdam_date(row.starts_at).to_string();
        let preview = preview_of(
            &doc,
            excluded,
            (&request.recipient.name, recipient_slug(&request.recipient)),
            (&row.team_name, &day, "verslag"),
            request.format,
        );
        Ok((doc, preview))
    }

    /// The newest finalised version: concept minutes never go to partners.
    fn finalised_minutes(&mut self, meeting: MeetingId) -> AppResult<MinutesVersion> {
        self.minutes(meeting)?
            .into_iter()
            .find(|m| m.status == MinutesStatus::Vastgesteld)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Validation,
                    "Alleen vastgestelde notulen gaan naar partners: stel de notulen eerst vast.",
                )
            })
    }

    /// The export context of every casus in the minutes the request asks for.
    fn minutes_contexts(
        &mut self,
        body: &MinutesBody,
        request: &MinutesExportRequest,
        on: NaiveDate,
    ) -> AppResult<Vec<CasusContext>> {
        let casus_ids: Vec<CasusId> = body
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
        Ok(casussen)
    }

    /// Every organisation as the export rules name it: id, kind and name.
    fn organisation_names(&mut self) -> AppResult<Vec<(OrganisationId, OrganisationKind, String)>> {
        Ok(self
            .organisations()?
            .into_iter()
            .map(|o| (o.id, o.kind, o.name))
            .collect())
    }

    /// The name of the team's school (empty when the school is gone).
    fn school_name_of_team(&mut self, team: TeamId) -> AppResult<String> {
        let store = self.store()?;
        let school_id = store.school_of_team(team)?;
        Ok(store
            .schools()?
            .into_iter()
            .find(|s| s.id == school_id)
            .map(|s| s.name)
            .unwrap_or_default())
    }

    pub(crate) fn agenda_document(
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
            starts_at: row.starts_at,
            location: row.location.as_deref(),
            items: &items,
            pupils: &pupils,
            made_on: today(),
        });
        let day = amsterdam_date(row.starts_at).to_string();
        let preview = preview_of(
            &doc,
            Vec::new(),
            (&doc.recipient, "team"),
            (&team.name, &day, "agenda"),
            request.format,
        );
        Ok((doc, preview))
    }

    pub(crate) fn action_list_document(
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

    pub(crate) fn summary_document(
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
        let organisations = self.organisation_names()?;
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

/// Parents only get the part about their own child, and every document names its recipient.
fn check_minutes_recipient(request: &MinutesExportRequest) -> AppResult<()> {
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
    Ok(())
}

/// The version and the day it was finalised, as the document states its status.
fn finalised_status(minutes: &MinutesVersion) -> String {
    format!(
        "versie {}, vastgesteld {}",
        minutes.version,
        minutes
            .finalised_at
            .map(|at| dutch_date(amsterdam_date(at)))
            .unwrap_or_default()
    )
}
