//! Minutes: the concept built from the live meeting, edited, finalised, and corrected as new
//! versions (finalised minutes never change in place).

use kernteam_domain::agenda::AgendaKind;
use kernteam_domain::dates::parse_iso;
use kernteam_domain::live::{
    DecisionRow, LiveItem, LiveMeeting, MinuteBlock, MinutesAction, MinutesBody, MinutesItem,
    MinutesStatus, MinutesVersion,
};
use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{CasusId, DataCategory, MeetingId};

use super::schedule::json_error;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

/// The minutes as recorded: meeting-level parts carry initials only (the titles are initials
/// and class), casus content lives in the casus items. What the review of open actions said
/// about a casus goes to that casus's item (or an item of its own when it was not on the
/// agenda); the review item itself keeps the count per casus.
pub(crate) fn minutes_body(live: &LiveMeeting, labels: &[(CasusId, String)]) -> MinutesBody {
    let present = live
        .presence
        .iter()
        .filter(|p| p.present == Some(true))
        .map(|p| p.name.clone())
        .collect();
    let absent = live
        .presence
        .iter()
        .filter(|p| p.present != Some(true))
        .map(|p| p.name.clone())
        .collect();
    let mut items: Vec<MinutesItem> = live.items.iter().map(|i| minutes_item(live, i)).collect();
    let reviews = live
        .items
        .iter()
        .filter(|i| i.kind == AgendaKind::Actiereview);
    for review in reviews {
        file_review(live, labels, review, &mut items);
    }
    MinutesBody {
        team_name: live.meeting.team_name.clone(),
        starts_at: live.meeting.starts_at,
        location: live.meeting.location.clone(),
        present,
        absent,
        items,
    }
}

/// One agenda item as the minutes record it: its own decisions and its casus's actions.
fn minutes_item(live: &LiveMeeting, i: &LiveItem) -> MinutesItem {
    MinutesItem {
        title: i.title.clone(),
        kind: i.kind.label().to_owned(),
        casus_id: i.casus_id,
        guest_name: i.guest_name.clone(),
        planned_minutes: i.planned_minutes,
        spent_seconds: i.spent_seconds,
        block: i.block.clone(),
        decisions: item_decisions(live, i).map(|d| d.text.clone()).collect(),
        decision_categories: item_decisions(live, i).map(|d| d.category).collect(),
        actions: casus_actions(live, i).map(action_line).collect(),
        action_items: casus_actions(live, i)
            .map(|a| MinutesAction {
                description: a.description.clone(),
                owner: a.owner.clone(),
                owner_organisation_id: a.owner_organisation_id,
                due_on: a.due_on,
                category: a.category,
            })
            .collect(),
    }
}

/// The actions of the item's casus (none for an item without a casus).
fn casus_actions<'a>(
    live: &'a LiveMeeting,
    item: &'a LiveItem,
) -> impl Iterator<Item = &'a kernteam_domain::ActionRow> {
    live.actions
        .iter()
        .filter(move |a| item.casus_id.is_some() && a.casus_id == item.casus_id)
}

/// What one review of open actions said: each line goes to its casus's item, the count per
/// casus to the review item.
fn file_review(
    live: &LiveMeeting,
    labels: &[(CasusId, String)],
    review: &LiveItem,
    items: &mut Vec<MinutesItem>,
) {
    let mut per_casus: Vec<(String, u32)> = Vec::new();
    for d in live
        .decisions
        .iter()
        .filter(|d| d.agenda_item_id == Some(review.id))
    {
        let Some(casus) = d.casus_id else { continue };
        let initials = labels
            .iter()
            .find(|(c, _)| *c == casus)
            .map_or_else(|| "casus".to_owned(), |(_, i)| i.clone());
        match per_casus.iter_mut().find(|(i, _)| *i == initials) {
            Some((_, n)) => *n += 1,
            None => per_casus.push((initials.clone(), 1)),
        }
        file_under_casus(items, casus, initials, d);
    }
    if let Some(item) = items
        .iter_mut()
        .find(|i| i.casus_id.is_none() && i.title == review.title)
        && !per_casus.is_empty()
    {
        let counts: Vec<String> = per_casus
            .iter()
            .map(|(i, n)| format!("{i} ({n})"))
            .collect();
        item.decisions
            .push(format!("Acties besproken bij: {}", counts.join(", ")));
        item.decision_categories.push(DataCategory::School);
    }
}

/// A review line under the casus's own item, or under an item of its own when the casus was not
/// on the agenda.
fn file_under_casus(
    items: &mut Vec<MinutesItem>,
    casus: CasusId,
    initials: String,
    d: &DecisionRow,
) {
    let line = format!("Actie besproken: {}", d.text);
    match items.iter_mut().find(|i| i.casus_id == Some(casus)) {
        Some(item) => {
            item.decisions.push(line);
            item.decision_categories.push(d.category);
        }
        None => items.push(MinutesItem {
            title: initials,
            kind: AgendaKind::Actiereview.label().to_owned(),
            casus_id: Some(casus),
            decisions: vec![line],
            decision_categories: vec![d.category],
            ..MinutesItem::default()
        }),
    }
}

/// The decisions recorded under one item (the review's per-casus lines go to their casus).
pub(crate) fn item_decisions<'a>(
    live: &'a LiveMeeting,
    item: &'a kernteam_domain::live::LiveItem,
) -> impl Iterator<Item = &'a kernteam_domain::live::DecisionRow> {
    live.decisions.iter().filter(move |d| {
        d.agenda_item_id == Some(item.id)
            && (item.kind != AgendaKind::Actiereview || d.casus_id.is_none())
    })
}

/// "What — who — by when" as the minutes list an action.
pub(crate) fn action_line(a: &kernteam_domain::ActionRow) -> String {
    format!(
        "{} — {} — uiterlijk {}",
        a.description,
        a.owner.as_deref().unwrap_or("—"),
        a.due_on
            .map(kernteam_domain::dates::dutch_date)
            .unwrap_or_else(|| "—".into())
    )
}

/// A minute block as stored: a valid review date or none, texts within bounds.
pub(crate) fn checked_block(block: &MinuteBlock) -> AppResult<MinuteBlock> {
    if let Some(d) = block
        .next_review_on
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        && parse_iso(d).is_none()
    {
        return Err(Invalid::new(
            "nextReviewOn",
            "Kies een geldige datum voor de volgende evaluatie.",
        )
        .into());
    }
    for (field, text) in [
        ("facts", &block.facts),
        ("analysis", &block.analysis),
        ("toParents", &block.to_parents),
    ] {
        if text.chars().count() > 20_000 {
            return Err(
                Invalid::new(field, "Deze tekst is te lang (maximaal 20.000 tekens).").into(),
            );
        }
    }
    let mut block = block.clone();
    if block
        .next_review_on
        .as_deref()
        .is_some_and(|d| d.trim().is_empty())
    {
        block.next_review_on = None;
    }
    Ok(block)
}

/// The free texts of a minute block, by field, for the checks that read them.
pub(crate) fn block_texts(block: &MinuteBlock) -> [(&'static str, &str); 3] {
    [
        ("facts", block.facts.as_str()),
        ("analysis", block.analysis.as_str()),
        ("toParents", block.to_parents.as_str()),
    ]
}

impl Session {
    /// Every version of a meeting's minutes (notulen), newest first: concept or finalised
    /// (vastgesteld), with a correction's reason and the minutes themselves; empty before the
    /// meeting is closed. A corrected version never replaces the one before it.
    pub fn minutes(&mut self, meeting: MeetingId) -> AppResult<Vec<MinutesVersion>> {
        self.store()?
            .minutes(meeting)?
            .into_iter()
            .map(|row| {
                Ok(MinutesVersion {
                    version: row.version,
                    status: MinutesStatus::from_code(&row.status).unwrap_or(MinutesStatus::Concept),
                    correction_reason: row.correction_reason,
                    created_at: row.created_at,
                    finalised_at: row.finalised_at,
                    body: serde_json::from_str(&row.body_json).map_err(json_error)?,
                })
            })
            .collect()
    }

    /// Finalises (vaststellen) the newest version of a meeting's minutes, which must be a concept;
    /// from then on that version never changes. `NotFound` without minutes, `ReadOnly` when the
    /// newest version is already finalised. Recorded in the audit log.
    pub fn finalise_minutes(&mut self, meeting: MeetingId) -> AppResult<()> {
        let actor = self.actor_now()?;
        self.store()?.finalise_minutes(&actor, meeting)?;
        Ok(())
    }

    /// Edits one casus block of the concept minutes (finalised minutes are never changed).
    pub fn edit_concept_block(
        &mut self,
        meeting: MeetingId,
        index: u32,
        block: &MinuteBlock,
    ) -> AppResult<()> {
        let block = checked_block(block)?;
        let latest = self.minutes(meeting)?.into_iter().next().ok_or_else(|| {
            AppError::new(ErrorCode::NotFound, "Dit overleg heeft nog geen notulen.")
        })?;
        if latest.status != MinutesStatus::Concept {
            return Err(AppError::new(
                ErrorCode::ReadOnly,
                "Vastgestelde notulen worden niet gewijzigd: maak een correctie (nieuwe versie).",
            ));
        }
        let mut body = latest.body;
        let item = body
            .items
            .get_mut(index as usize)
            .filter(|i| i.casus_id.is_some())
            .ok_or_else(|| Invalid::new("index", "Dit agendapunt heeft geen casusblok."))?;
        let casus = item.casus_id;
        self.refuse_identifying_in(casus, &block_texts(&block))?;
        item.block = Some(block);
        let json = serde_json::to_string(&body).map_err(json_error)?;
        let actor = self.actor_now()?;
        self.store()?.edit_concept_minutes(&actor, meeting, &json)?;
        Ok(())
    }

    /// A correction starts a new version from the finalised one, with the reason on record.
    pub fn correct_minutes(
        &mut self,
        meeting: MeetingId,
        reason: &str,
        body: Option<&MinutesBody>,
    ) -> AppResult<u32> {
        let reason = required_text("reason", "de reden van de correctie", reason, 1000)?;
        let latest = self
            .minutes(meeting)?
            .into_iter()
            .next()
            .map(|m| m.body)
            .ok_or_else(|| {
                AppError::new(ErrorCode::NotFound, "Dit overleg heeft nog geen notulen.")
            })?;
        let base = match body {
            Some(b) => {
                // A correction mends what was written about each pupil; it never moves a block
                // to another pupil or another agenda item.
                let same_items = b.items.len() == latest.items.len()
                    && b.items
                        .iter()
                        .zip(&latest.items)
                        .all(|(new, old)| new.casus_id == old.casus_id);
                if !same_items {
                    return Err(Invalid::new(
                        "body",
                        "Een correctie verandert de tekst, niet de agendapunten of bij welke leerling een blok hoort.",
                    )
                    .into());
                }
                for item in &b.items {
                    if let Some(block) = &item.block {
                        self.refuse_identifying_in(item.casus_id, &block_texts(block))?;
                    }
                    let lines = item.decisions.iter().map(|d| ("decisions", d.as_str()));
                    let lines: Vec<(&'static str, &str)> = lines
                        .chain(item.actions.iter().map(|a| ("actions", a.as_str())))
                        .collect();
                    self.refuse_identifying_in(item.casus_id, &lines)?;
                }
                b.clone()
            }
            None => latest,
        };
        let json = serde_json::to_string(&base).map_err(json_error)?;
        let actor = self.actor_now()?;
        let version = self
            .store()?
            .correct_minutes(&actor, meeting, &reason, &json)
            .map_err(|e| match e {
                kernteam_store::StoreError::Invalid(_) => AppError::new(
                    ErrorCode::Validation,
                    "Alleen vastgestelde notulen worden gecorrigeerd; stel het concept eerst vast.",
                ),
                other => other.into(),
            })?;
        Ok(version)
    }
}
