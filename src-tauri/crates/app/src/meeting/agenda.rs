//! The agenda of a meeting: built from the team's casussen and open actions with the consent gate
//! (rules in `kernteam_domain::agenda`), edited and saved.

use chrono::NaiveDate;
use kernteam_domain::agenda::{
    self, ActionForAgenda, AgendaDraft, AgendaItem, AgendaItemInput, CasusForAgenda,
};
use kernteam_domain::consent::{self, ConsentStatus};
use kernteam_domain::dates::amsterdam_date;
use kernteam_domain::validation::{Invalid, required_text};
use kernteam_domain::{CasusId, CasusMode, MeetingId};

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

impl Session {
    pub(crate) fn consent_valid(&mut self, casus: CasusId, on: NaiveDate) -> AppResult<bool> {
        let facts = self.store()?.consent_facts(casus)?;
        Ok(facts.birth_date.is_some_and(|b| {
            consent::status(b, &facts.holders, &facts.records, on) == ConsentStatus::Volledig
        }))
    }

    pub(crate) fn agenda_inputs(
        &mut self,
        meeting: MeetingId,
    ) -> AppResult<(NaiveDate, Vec<CasusForAgenda>, Vec<ActionForAgenda>)> {
        let row = self.store()?.meeting(meeting)?;
        let day = amsterdam_date(row.starts_at);
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
                next_review_on: r.next_review_on,
                open_actions: r.open_actions,
                consent_valid,
            });
        }
        let actions = self
            .store()?
            .open_actions_before(row.team_id, row.starts_at)?
            .into_iter()
            .map(|a| ActionForAgenda {
                id: a.id,
                due_on: a.due_on,
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

    /// The saved agenda of a meeting, in its order: each item with its kind, casus, title, planned
    /// minutes and guest; empty while no agenda was saved.
    pub fn agenda(&mut self, meeting: MeetingId) -> AppResult<Vec<AgendaItem>> {
        Ok(self.store()?.agenda(meeting)?)
    }
}
