//! The live meeting: presence, one minute block per casus, decisions, actions, urgent actions,
//! the review of open actions, closing a casus at the table, ending the meeting.

use kernteam_domain::casus::Closure;
use kernteam_domain::dates::amsterdam_date;
use kernteam_domain::live::{LiveMeeting, MinuteBlock, NewAction, UrgentAction};
use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{
    ActionId, ActionStatus, AgendaItemId, CasusId, DataCategory, MeetingId, MemberId,
    OrganisationId,
};
use kernteam_store::ActionSeed;

use super::minutes::{block_texts, checked_block, minutes_body};
use super::schedule::json_error;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::{Session, today};

impl Session {
    /// Everything the live meeting screen shows: the meeting, its agenda items with their minute
    /// blocks and time spent, the decisions, the actions agreed in it, the open actions of earlier
    /// meetings to review, and who is present. `NotFound` for an unknown meeting.
    pub fn live_meeting(&mut self, meeting: MeetingId) -> AppResult<LiveMeeting> {
        let store = self.store()?;
        let row = store.meeting(meeting)?;
        let open: Vec<_> = store
            .open_actions_before(row.team_id, row.starts_at)?
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

    /// Records whether a team member is present at a running meeting; `ReadOnly` unless the
    /// meeting is running. Recorded in the audit log.
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

    /// Autosaves the minute block of an agenda item while the meeting runs: facts, analysis, regie
    /// (the partner leading the casus), next review date, what may be told to the parents, health,
    /// safety. A text over 20,000 characters, an invalid review date or, in an anonymous casus,
    /// identifying text gives `Validation`; `ReadOnly` unless the meeting is running. The audit log
    /// records the block's creation, and its changes at most once per 10 minutes of editing.
    pub fn save_block(&mut self, item: AgendaItemId, block: &MinuteBlock) -> AppResult<()> {
        let block = checked_block(block)?;
        let casus = self.store()?.agenda_item_casus(item)?;
        self.refuse_identifying_in(casus, &block_texts(&block))?;
        let actor = self.actor_now()?;
        self.store()?.save_block(&actor, item, &block)?;
        Ok(())
    }

    /// Records a decision (at most 2,000 characters) in a running meeting, on an agenda item and/or
    /// casus when given. Identifying text in an anonymous casus, or a known pupil's name in a
    /// decision without casus, is refused (`Validation`); `ReadOnly` unless the meeting is running.
    /// Recorded in the audit log.
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
    pub(crate) fn refuse_pupil_names(&mut self, field: &'static str, text: &str) -> AppResult<()> {
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
        let day = amsterdam_date(row.starts_at);
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
    pub(crate) fn owning_organisation(
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

    /// Adds the seconds spent on an agenda item (at most 4 hours at a time) while its meeting runs;
    /// for a meeting that is not running nothing changes. Not in the audit log.
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
}
