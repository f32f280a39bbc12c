//! Who uses this laptop: the member profile, the actor of every audit event.

use kernteam_domain::MemberId;
use kernteam_store::{Actor, StoreError};

use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

pub(crate) const PROFILE_KEY: &str = "profile.member_id";

impl Session {
    /// The member this laptop belongs to: author of notes and actor in the audit log.
    pub fn profile(&mut self) -> AppResult<Option<MemberId>> {
        let store = self.store()?;
        Ok(store
            .setting(PROFILE_KEY)?
            .and_then(|v| v.parse::<MemberId>().ok())
            .filter(|id| {
                store
                    .members()
                    .is_ok_and(|ms| ms.iter().any(|m| m.id == *id))
            }))
    }

    /// The member this laptop belongs to, with name and roles, if chosen.
    pub fn profile_member(&mut self) -> AppResult<Option<kernteam_domain::Member>> {
        let id = self.profile()?;
        Ok(self.members()?.into_iter().find(|m| Some(m.id) == id))
    }

    /// Chooses which member this laptop belongs to ("Dit ben ik"): from then on the author of notes
    /// and the actor in the audit log. `NotFound` for an unknown member; recorded in the audit log
    /// as a changed setting.
    pub fn set_profile(&mut self, member: MemberId) -> AppResult<()> {
        let actor = self.actor.clone();
        let store = self.store()?;
        if !store.members()?.iter().any(|m| m.id == member) {
            return Err(StoreError::NotFound("member").into());
        }
        store.set_setting(&actor, PROFILE_KEY, &member.to_string())?;
        Ok(())
    }

    /// The audit actor: the user's member id once chosen, "lokaal" before.
    pub(crate) fn actor_now(&mut self) -> AppResult<Actor> {
        Ok(match self.profile()? {
            Some(m) => Actor(m.to_string()),
            None => self.actor.clone(),
        })
    }

    pub(crate) fn require_profile(&mut self) -> AppResult<MemberId> {
        self.profile()?.ok_or_else(|| {
            AppError::new(
                ErrorCode::ProfileRequired,
                "Kies eerst in Instellingen wie u bent (\"Dit ben ik\"): notities krijgen een auteur.",
            )
        })
    }
}
