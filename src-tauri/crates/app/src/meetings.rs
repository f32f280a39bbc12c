//! The year schedule and the agenda of a meeting (issue 4): the builder's rules are in
//! `kernteam_domain::agenda`, the schedule's in `kernteam_domain::schedule`.

use kernteam_domain::agenda::{
    self, ActionForAgenda, AgendaDraft, AgendaItem, AgendaItemInput, AgendaKind, CasusForAgenda,
};
use kernteam_domain::casus::Closure;
use kernteam_domain::consent::{self, ConsentStatus};
use kernteam_domain::dates::{amsterdam_to_utc, parse_iso};
use kernteam_domain::ics::CalendarEntry;
use kernteam_domain::live::{
    LiveMeeting, MinuteBlock, MinutesAction, MinutesBody, MinutesItem, MinutesStatus,
    MinutesVersion, NewAction, UrgentAction,
};
use kernteam_domain::schedule::{self, Exception, PlannedDate, Recurrence};
use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{
    ActionId, ActionStatus, AgendaItemId, CasusId, CasusMode, DataCategory, MeetingId, MemberId,
    OrganisationId, TeamId,
};
use kernteam_store::ActionSeed;
use serde::{Deserialize, Serialize};
use time::Date;
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleView {
    pub recurrence: Option<Recurrence>,
    pub exceptions: Vec<Exception>,
    pub planned: Vec<PlannedDate>,
}

fn json_error(_: serde_json::Error) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        "Het jaarrooster kon niet worden gelezen of bewaard.",
    )
}

impl Session {
    fn planned_dates(
        &mut self,
        team: TeamId,
        recurrence: &Recurrence,
        exceptions: &[Exception],
    ) -> AppResult<Vec<PlannedDate>> {
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        let school = store.school_of_team(team)?;
        let region = store
            .schools()?
            .into_iter()
            .find(|s| s.id == school)
            .map(|s| s.holiday_region)
            .unwrap_or_else(|| "midden".into());
        Ok(recurrence.dates(|d| schedule::in_holiday(&calendar, &region, d), exceptions)?)
    }

    pub fn schedule(&mut self, team: TeamId) -> AppResult<ScheduleView> {
        let Some((recurrence, exceptions)) = self.store()?.schedule(team)? else {
            return Ok(ScheduleView {
                recurrence: None,
                exceptions: vec![],
                planned: vec![],
            });
        };
        let recurrence: Recurrence = serde_json::from_str(&recurrence).map_err(json_error)?;
        let exceptions: Vec<Exception> = serde_json::from_str(&exceptions).map_err(json_error)?;
        let planned = self.planned_dates(team, &recurrence, &exceptions)?;
        Ok(ScheduleView {
            recurrence: Some(recurrence),
            exceptions,
            planned,
        })
    }

    /// Saves the schedule and makes the planned meetings from today on match it.
    pub fn set_schedule(
        &mut self,
        team: TeamId,
        recurrence: &Recurrence,
        exceptions: &[Exception],
    ) -> AppResult<ScheduleView> {
        recurrence.validate()?;
        for e in exceptions {
            if let Exception::Moved { to, time, .. } = e {
                if parse_iso(to).is_none() {
                    return Err(Invalid::new(
                        "exceptions",
                        "Kies de nieuwe datum van het verplaatste overleg.",
                    )
                    .into());
                }
                if time
                    .as_deref()
                    .is_some_and(|t| schedule::parse_time(t).is_none())
                {
                    return Err(Invalid::new("exceptions", "Vul de tijd in als uu:mm.").into());
                }
            }
        }
        let planned = self.planned_dates(team, recurrence, exceptions)?;
        let starts: Vec<String> = planned
            .iter()
            .filter_map(|p| {
                let day = parse_iso(&p.date)?;
                let (h, m) = schedule::parse_time(&p.time)?;
                Some(amsterdam_to_utc(day, h, m))
            })
            .collect();
        let from = amsterdam_to_utc(today(), 0, 0);
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.set_schedule(
            &actor,
            team,
            &serde_json::to_string(recurrence).map_err(json_error)?,
            &serde_json::to_string(exceptions).map_err(json_error)?,
        )?;
        store.sync_planned_meetings(
            &actor,
            team,
            &from,
            &starts,
            recurrence.location.as_deref(),
        )?;
        self.schedule(team)
    }

    /// The team's coming meetings and the deadlines of its open actions as iCalendar text:
    /// team, time and organisation only, never a pupil or an action's wording.
    pub fn schedule_ics(&mut self, team: TeamId) -> AppResult<String> {
        let from = amsterdam_to_utc(today(), 0, 0);
        let actor = self.actor_now()?;
        let store = self.store()?;
        let team_name = store
            .teams()?
            .into_iter()
            .find(|t| t.id == team)
            .map(|t| t.name)
            .ok_or(kernteam_store::StoreError::NotFound("team"))?;
        let meetings: Vec<_> = store
            .meetings()?
            .into_iter()
            .filter(|m| {
                m.team_id == team
                    && m.starts_at >= from
                    && m.status != kernteam_domain::MeetingStatus::Geannuleerd
            })
            .collect();
        let casussen: Vec<CasusId> = store
            .agenda_casussen(team)?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let actions: Vec<_> = store
            .actions(None)?
            .into_iter()
            .filter(|a| {
                a.status == kernteam_domain::ActionStatus::Open
                    && a.casus_id.is_some_and(|c| casussen.contains(&c))
            })
            .filter(|a| {
                a.due_on
                    .as_deref()
                    .is_some_and(|d| d >= today().to_string().as_str())
            })
            .collect();
        let mut entries: Vec<CalendarEntry<'_>> = meetings
            .iter()
            .map(|m| CalendarEntry::Meeting {
                uid: m.id.to_string(),
                starts_at_utc: &m.starts_at,
                minutes: 90,
                team: &team_name,
                location: m.location.as_deref(),
            })
            .collect();
        for a in &actions {
            if let Some(on) = a.due_on.as_deref() {
                entries.push(CalendarEntry::Deadline {
                    uid: a.id.to_string(),
                    on,
                    owner: a.owner.as_deref().unwrap_or("kernteam"),
                    team: &team_name,
                });
            }
        }
        let text = kernteam_domain::ics::calendar(&entries, &amsterdam_to_utc(today(), 12, 0));
        store.record_export(&actor, "schedule", &team.to_string())?;
        Ok(text)
    }

    fn consent_valid(&mut self, casus: CasusId, on: Date) -> AppResult<bool> {
        let facts = self.store()?.consent_facts(casus)?;
        Ok(facts
            .birth_date
            .as_deref()
            .and_then(parse_iso)
            .is_some_and(|b| {
                consent::status(b, &facts.holders, &facts.records, on) == ConsentStatus::Volledig
            }))
    }

    fn agenda_inputs(
        &mut self,
        meeting: MeetingId,
    ) -> AppResult<(Date, Vec<CasusForAgenda>, Vec<ActionForAgenda>)> {
        let row = self.store()?.meeting(meeting)?;
        let day = parse_iso(row.starts_at.get(..10).unwrap_or_default()).ok_or_else(|| {
            AppError::new(
                ErrorCode::Internal,
                "De datum van het overleg is onleesbaar.",
            )
        })?;
        let rows = self.store()?.agenda_casussen(row.team_id)?;
        let mut casussen = Vec::with_capacity(rows.len());
        for r in rows {
            let consent_valid = r.mode == CasusMode::Anonymous || self.consent_valid(r.id, day)?;
            casussen.push(CasusForAgenda {
                id: r.id,
                mode: r.mode,
                status: r.status,
                initials: r.initials,
                class_name: r.class_name,
                next_review_on: r.next_review_on.as_deref().and_then(parse_iso),
                open_actions: r.open_actions,
                consent_valid,
            });
        }
        let actions = self
            .store()?
            .open_actions_before(row.team_id, &row.starts_at)?
            .into_iter()
            .map(|a| ActionForAgenda {
                id: a.id,
                due_on: a.due_on.as_deref().and_then(parse_iso),
                urgent_between_meetings: a.urgent,
            })
            .collect();
        Ok((day, casussen, actions))
    }

    /// The agenda as it builds itself for this meeting (not saved yet).
    pub fn build_agenda(
        &mut self,
        meeting: MeetingId,
        themes: &[String],
    ) -> AppResult<AgendaDraft> {
        let (day, casussen, actions) = self.agenda_inputs(meeting)?;
        Ok(agenda::build(day, &casussen, &actions, themes))
    }

    /// Saves the agenda in the given order. A named casus without consent valid on the
    /// meeting day is refused with `ConsentRequired`; nothing is saved then.
    pub fn save_agenda(
        &mut self,
        meeting: MeetingId,
        items: &[AgendaItemInput],
    ) -> AppResult<Vec<AgendaItem>> {
        let (_, casussen, _) = self.agenda_inputs(meeting)?;
        for item in items {
            required_text("title", "de titel van het agendapunt", &item.title, 200)?;
            if item.planned_minutes > 120 {
                return Err(Invalid::new(
                    "plannedMinutes",
                    "Plan hooguit 120 minuten voor één agendapunt.",
                )
                .into());
            }
            if let Some(id) = item.casus_id {
                let casus = casussen.iter().find(|c| c.id == id).ok_or_else(|| {
                    Invalid::new(
                        "casusId",
                        "Deze casus hoort niet bij dit kernteam of is afgesloten.",
                    )
                })?;
                agenda::may_discuss(casus).map_err(|why| {
                    AppError::new(
                        ErrorCode::ConsentRequired,
                        format!("{}: {why}", casus.initials),
                    )
                })?;
            }
        }
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.replace_agenda(&actor, meeting, items)?;
        Ok(store.agenda(meeting)?)
    }

    pub fn agenda(&mut self, meeting: MeetingId) -> AppResult<Vec<AgendaItem>> {
        Ok(self.store()?.agenda(meeting)?)
    }
}

impl Session {
    pub fn live_meeting(&mut self, meeting: MeetingId) -> AppResult<LiveMeeting> {
        let store = self.store()?;
        let row = store.meeting(meeting)?;
        let open: Vec<_> = store
            .open_actions_before(row.team_id, &row.starts_at)?
            .into_iter()
            .map(|a| a.id)
            .collect();
        let review = store
            .actions(None)?
            .into_iter()
            .filter(|a| open.contains(&a.id))
            .collect();
        Ok(LiveMeeting {
            review,
            meeting: row,
            items: store.live_items(meeting)?,
            decisions: store.decisions(meeting)?,
            actions: store.meeting_actions(meeting)?,
            presence: store.presence(meeting)?,
        })
    }

    /// Starts the meeting (its agenda must be saved first) and returns the live view.
    pub fn start_meeting(&mut self, meeting: MeetingId) -> AppResult<LiveMeeting> {
        if self.store()?.agenda(meeting)?.is_empty() {
            return Err(Invalid::new("agenda", "Stel eerst de agenda op en sla hem op.").into());
        }
        let actor = self.actor_now()?;
        self.store()?.start_meeting(&actor, meeting)?;
        self.live_meeting(meeting)
    }

    pub fn set_presence(
        &mut self,
        meeting: MeetingId,
        member: MemberId,
        present: bool,
    ) -> AppResult<()> {
        let actor = self.actor_now()?;
        self.store()?
            .set_presence(&actor, meeting, member, present)?;
        Ok(())
    }

    pub fn save_block(&mut self, item: AgendaItemId, block: &MinuteBlock) -> AppResult<()> {
        let block = checked_block(block)?;
        let casus = self.store()?.agenda_item_casus(item)?;
        self.refuse_identifying_in(casus, &block_texts(&block))?;
        let actor = self.actor_now()?;
        self.store()?.save_block(&actor, item, &block)?;
        Ok(())
    }

    pub fn add_decision(
        &mut self,
        meeting: MeetingId,
        item: Option<AgendaItemId>,
        casus: Option<CasusId>,
        text: &str,
        category: DataCategory,
    ) -> AppResult<()> {
        let text = required_text("text", "het besluit", text, 2000)?;
        self.refuse_identifying_in(casus, &[("text", &text)])?;
        if casus.is_none() {
            self.refuse_pupil_names("text", &text)?;
        }
        let actor = self.actor_now()?;
        self.store()?
            .add_decision(&actor, meeting, item, casus, &text, category)?;
        Ok(())
    }

    /// Meeting-level items (themes, rondvraag) carry no pupil data: a known pupil's name
    /// there is refused with the same message the anonymous intake gives.
    fn refuse_pupil_names(&mut self, field: &'static str, text: &str) -> AppResult<()> {
        let known = self.store()?.known_pupil_names()?;
        let found: Vec<_> = kernteam_domain::anonymity::find_identifying(text, &known)
            .into_iter()
            .filter(|f| f.kind == kernteam_domain::anonymity::IdentifyingKind::BekendeLeerling)
            .collect();
        if let Some(first) = found.first() {
            return Err(Invalid::new(
                field,
                format!(
                    "'{}' is de naam van een bekende leerling. Een thema of rondvraag gaat niet over één leerling: zet dit bij de casus.",
                    first.found
                ),
            )
            .into());
        }
        Ok(())
    }

    /// "Wie doet wat wanneer": refused without an owner or a date.
    pub fn add_action(&mut self, input: &NewAction) -> AppResult<()> {
        let row = self.store()?.meeting(input.meeting_id)?;
        let day = parse_iso(row.starts_at.get(..10).unwrap_or_default()).unwrap_or_else(today);
        let due = input.validate(day)?.to_string();
        let organisation =
            self.owning_organisation(input.owner_member_id, input.owner_organisation_id)?;
        self.refuse_identifying_in(input.casus_id, &[("description", &input.description)])?;
        let actor = self.actor_now()?;
        self.store()?.create_action(
            &actor,
            &ActionSeed {
                casus: input.casus_id,
                meeting: Some(input.meeting_id),
                description: input.description.trim(),
                owner_member: input.owner_member_id,
                owner_organisation: organisation,
                due_on: Some(&due),
                status: ActionStatus::Open,
                urgent: false,
                category: input.category,
            },
        )?;
        Ok(())
    }

    /// An urgent action between meetings: stored with the time it is logged, reviewed (and
    /// flagged) on the next agenda until it is resolved.
    pub fn log_urgent_action(&mut self, input: &UrgentAction) -> AppResult<()> {
        let due = input.validate(today())?.to_string();
        let organisation =
            self.owning_organisation(input.owner_member_id, input.owner_organisation_id)?;
        self.refuse_identifying_in(Some(input.casus_id), &[("description", &input.description)])?;
        let actor = self.actor_now()?;
        self.store()?.create_action(
            &actor,
            &ActionSeed {
                casus: Some(input.casus_id),
                meeting: None,
                description: input.description.trim(),
                owner_member: input.owner_member_id,
                owner_organisation: organisation,
                due_on: Some(&due),
                status: ActionStatus::Open,
                urgent: true,
                category: input.category,
            },
        )?;
        Ok(())
    }

    /// A person owns an action together with their organisation (the lists per organisation
    /// keep it when the person moves on).
    fn owning_organisation(
        &mut self,
        member: Option<MemberId>,
        organisation: Option<OrganisationId>,
    ) -> AppResult<Option<OrganisationId>> {
        let Some(member) = member.filter(|_| organisation.is_none()) else {
            return Ok(organisation);
        };
        self.members()?
            .into_iter()
            .find(|m| m.id == member)
            .map(|m| m.organisation_id)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, "Deze persoon bestaat niet (meer)."))
    }

    /// The review of an earlier action in a meeting: its status and feedback, and a line in
    /// this meeting's minutes (with the casus, so exports keep it with that pupil).
    pub fn review_action(
        &mut self,
        meeting: MeetingId,
        item: AgendaItemId,
        action: ActionId,
        status: ActionStatus,
        feedback: Option<&str>,
    ) -> AppResult<()> {
        let row = self
            .store()?
            .actions(None)?
            .into_iter()
            .find(|a| a.id == action)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, "Deze actie bestaat niet (meer)."))?;
        self.refuse_identifying_in(row.casus_id, &[("feedback", feedback.unwrap_or_default())])?;
        self.resolve_action(action, status, feedback)?;
        let feedback = feedback.map(str::trim).filter(|f| !f.is_empty());
        let line = format!(
            "{}{} ({}): {}{}",
            row.casus_initials
                .as_deref()
                .map(|i| format!("{i}: "))
                .unwrap_or_default(),
            row.description,
            row.owner.as_deref().unwrap_or("—"),
            status.label().to_lowercase(),
            feedback.map(|f| format!(" — {f}")).unwrap_or_default(),
        );
        let actor = self.actor_now()?;
        self.store()?.add_decision(
            &actor,
            meeting,
            Some(item),
            row.casus_id,
            &line,
            row.category,
        )?;
        Ok(())
    }

    /// Closing a casus at the table: the closure of the casus screen, and the decision in the
    /// minutes of this item.
    pub fn close_casus_in_meeting(
        &mut self,
        meeting: MeetingId,
        item: AgendaItemId,
        casus: CasusId,
        closure: &Closure,
    ) -> AppResult<()> {
        self.close_casus(casus, closure)?;
        let line = format!(
            "Casus afgesloten: {}. {}",
            closure.reason.label().to_lowercase(),
            closure.outcome.trim()
        );
        let actor = self.actor_now()?;
        self.store()?.add_decision(
            &actor,
            meeting,
            Some(item),
            Some(casus),
            line.trim(),
            DataCategory::School,
        )?;
        Ok(())
    }

    pub fn add_spent(&mut self, item: AgendaItemId, seconds: u32) -> AppResult<()> {
        self.store()?.add_spent(item, seconds.min(4 * 3600))?;
        Ok(())
    }

    /// Closes the meeting; its concept minutes are made from what was recorded.
    pub fn close_meeting(&mut self, meeting: MeetingId) -> AppResult<()> {
        let live = self.live_meeting(meeting)?;
        // Initials and class, as the agenda titles show a casus.
        let labels: Vec<(CasusId, String)> = self
            .casussen(Some(live.meeting.team_id))?
            .into_iter()
            .map(|c| {
                let label = match &c.class_name {
                    Some(class) => format!("{} ({class})", c.initials),
                    None => c.initials,
                };
                (c.id, label)
            })
            .collect();
        let body = minutes_body(&live, &labels);
        let json = serde_json::to_string(&body).map_err(json_error)?;
        let actor = self.actor_now()?;
        self.store()?.close_meeting(&actor, meeting, &json)?;
        Ok(())
    }

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

/// The minutes as recorded: meeting-level parts carry initials only (the titles are initials
/// and class), casus content lives in the casus items. What the review of open actions said
/// about a casus goes to that casus's item (or an item of its own when it was not on the
/// agenda); the review item itself keeps the count per casus.
fn minutes_body(live: &LiveMeeting, labels: &[(CasusId, String)]) -> MinutesBody {
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
    let mut items: Vec<MinutesItem> = live
        .items
        .iter()
        .map(|i| MinutesItem {
            title: i.title.clone(),
            kind: i.kind.label().to_owned(),
            casus_id: i.casus_id,
            guest_name: i.guest_name.clone(),
            planned_minutes: i.planned_minutes,
            spent_seconds: i.spent_seconds,
            block: i.block.clone(),
            decisions: item_decisions(live, i).map(|d| d.text.clone()).collect(),
            decision_categories: item_decisions(live, i).map(|d| d.category).collect(),
            actions: live
                .actions
                .iter()
                .filter(|a| i.casus_id.is_some() && a.casus_id == i.casus_id)
                .map(action_line)
                .collect(),
            action_items: live
                .actions
                .iter()
                .filter(|a| i.casus_id.is_some() && a.casus_id == i.casus_id)
                .map(|a| MinutesAction {
                    description: a.description.clone(),
                    owner: a.owner.clone(),
                    owner_organisation_id: a.owner_organisation_id,
                    due_on: a.due_on.clone(),
                    category: a.category,
                })
                .collect(),
        })
        .collect();
    let reviews = live
        .items
        .iter()
        .filter(|i| i.kind == AgendaKind::Actiereview);
    for review in reviews {
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
    MinutesBody {
        team_name: live.meeting.team_name.clone(),
        starts_at: live.meeting.starts_at.clone(),
        location: live.meeting.location.clone(),
        present,
        absent,
        items,
    }
}

/// The decisions recorded under one item (the review's per-casus lines go to their casus).
fn item_decisions<'a>(
    live: &'a LiveMeeting,
    item: &'a kernteam_domain::live::LiveItem,
) -> impl Iterator<Item = &'a kernteam_domain::live::DecisionRow> {
    live.decisions.iter().filter(move |d| {
        d.agenda_item_id == Some(item.id)
            && (item.kind != AgendaKind::Actiereview || d.casus_id.is_none())
    })
}

/// "What — who — by when" as the minutes list an action.
fn action_line(a: &kernteam_domain::ActionRow) -> String {
    format!(
        "{} — {} — uiterlijk {}",
        a.description,
        a.owner.as_deref().unwrap_or("—"),
        a.due_on
            .as_deref()
            .and_then(parse_iso)
            .map(kernteam_domain::dates::dutch_date)
            .unwrap_or_else(|| "—".into())
    )
}

/// A minute block as stored: a valid review date or none, texts within bounds.
fn checked_block(block: &MinuteBlock) -> AppResult<MinuteBlock> {
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
fn block_texts(block: &MinuteBlock) -> [(&'static str, &str); 3] {
    [
        ("facts", block.facts.as_str()),
        ("analysis", block.analysis.as_str()),
        ("toParents", block.to_parents.as_str()),
    ]
}
