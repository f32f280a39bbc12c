//! Schools, their kernteams and the members with their roles: one person may serve several
//! teams.

use kernteam_domain::validation::{optional_text, required_text};
use kernteam_domain::{Member, NewMember, NewSchoolWithTeam, School, Team, TeamId};
use kernteam_store::StoreError;

use crate::error::AppResult;
use crate::session::Session;

impl Session {
    /// Adds a school together with its first kernteam and returns the team. Names are required (at
    /// most 120 characters) and the holiday region must be noord, midden or zuid (`Validation`).
    /// The school starts with a retention term of 2 years. Both are recorded in the audit log.
    pub fn create_school_with_team(&mut self, input: &NewSchoolWithTeam) -> AppResult<Team> {
        let school_name = required_text(
            "schoolName",
            "de naam van de school",
            &input.school_name,
            120,
        )?;
        let team_name = required_text(
            "teamName",
            "de naam van het kernteam",
            &input.team_name,
            120,
        )?;
        let region = optional_text("region", "de regio", input.region.as_deref(), 120)?;
        let cadence = optional_text("cadence", "het ritme", input.cadence.as_deref(), 120)?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let Some(holiday_region) = kernteam_domain::HolidayRegion::from_code(&input.holiday_region)
        else {
            return Err(kernteam_domain::validation::Invalid::new(
                "holidayRegion",
                "Kies de vakantieregio van de school: noord, midden of zuid.",
            )
            .into());
        };
        let school = store.create_school(
            &actor,
            &school_name,
            input.school_kind,
            region.as_deref(),
            holiday_region,
        )?;
        let team = store.create_team(&actor, school, &team_name, cadence.as_deref())?;
        store
            .teams()?
            .into_iter()
            .find(|t| t.id == team)
            .ok_or_else(|| StoreError::NotFound("team").into())
    }

    /// Adds a person to a kernteam with a role and returns them as a member; their organisation,
    /// when named, is found by name and kind or created. A missing name or an e-mail address
    /// without @ gives `Validation`. The member, a new organisation and the role are recorded in
    /// the audit log.
    pub fn add_member(&mut self, input: &NewMember) -> AppResult<Member> {
        let name = required_text("name", "de naam", &input.name, 120)?;
        let email = optional_text("email", "het e-mailadres", input.email.as_deref(), 200)?;
        if let Some(e) = &email
            && !e.contains('@')
        {
            return Err(kernteam_domain::validation::Invalid::new(
                "email",
                "Dit e-mailadres klopt niet: er ontbreekt een @.",
            )
            .into());
        }
        let organisation = optional_text(
            "organisationName",
            "de organisatie",
            input.organisation_name.as_deref(),
            120,
        )?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let org = match organisation {
            Some(name) => {
                Some(store.ensure_organisation(&actor, &name, input.organisation_kind)?)
            }
            None => None,
        };
        let member = store.create_member(&actor, &name, email.as_deref(), org)?;
        store.add_team_role(&actor, input.team_id, member, input.role)?;
        store
            .members()?
            .into_iter()
            .find(|m| m.id == member)
            .ok_or_else(|| StoreError::NotFound("member").into())
    }

    /// Gives an existing member a role in (another) team: one LPA or consultant serves several
    /// schools.
    pub fn assign_member(
        &mut self,
        team: TeamId,
        member: kernteam_domain::MemberId,
        role: kernteam_domain::Role,
    ) -> AppResult<Member> {
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.add_team_role(&actor, team, member, role)?;
        store
            .members()?
            .into_iter()
            .find(|m| m.id == member)
            .ok_or_else(|| StoreError::NotFound("member").into())
    }

    /// Every organisation the members work for (a school or a partner such as JGZ), by name.
    pub fn organisations(&mut self) -> AppResult<Vec<kernteam_domain::Organisation>> {
        Ok(self.store()?.organisations()?)
    }

    /// Every school on this laptop, by name, with its region, holiday region and retention term.
    pub fn schools(&mut self) -> AppResult<Vec<School>> {
        Ok(self.store()?.schools()?)
    }

    /// Every kernteam on this laptop, by school name and team name, with its number of members.
    pub fn teams(&mut self) -> AppResult<Vec<Team>> {
        Ok(self.store()?.teams()?)
    }

    /// Every member, by name, with their organisation and their roles in every team.
    pub fn members(&mut self) -> AppResult<Vec<Member>> {
        Ok(self.store()?.members()?)
    }
}
