//! Organisations, schools, kernteams and the people in them.

use kernteam_domain::{
    HolidayRegion, Member, MemberId, Organisation, OrganisationId, OrganisationKind, Role, School,
    SchoolId, SchoolKind, Team, TeamId, TeamRole,
};
use rusqlite::params;

use super::{opt, parse_code, parse_id};
use crate::audit::{self, AuditAction};
use crate::{Actor, Result, Store, StoreError, now_from_clock};

impl Store {
    /// Finds an organisation by name and kind, or creates it.
    pub fn ensure_organisation(
        &mut self,
        actor: &Actor,
        name: &str,
        kind: OrganisationKind,
    ) -> Result<OrganisationId> {
        let existing: Option<String> = opt(self.conn.query_row(
            "SELECT id FROM organisations WHERE name = ?1 AND kind = ?2",
            params![name, kind.code()],
            |r| r.get(0),
        ))?;
        if let Some(id) = existing {
            return Ok(parse_id(id)?);
        }
        let id = OrganisationId::new();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO organisations (id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![id.to_string(), name, kind.code(), now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "organisation",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Every organisation, by name.
    pub fn organisations(&self) -> Result<Vec<Organisation>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind FROM organisations ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Organisation {
                id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                kind: parse_code(r.get(2)?, OrganisationKind::from_code)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a school and returns its id; its retention term starts at the default of 2 years.
    /// `holiday_region` is `noord`, `midden` or `zuid` (anything else is refused by SQLite).
    pub fn create_school(
        &mut self,
        actor: &Actor,
        name: &str,
        kind: SchoolKind,
        region: Option<&str>,
        holiday_region: HolidayRegion,
    ) -> Result<SchoolId> {
        let id = SchoolId::new();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO schools (id, name, kind, region, holiday_region, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id.to_string(), name, kind.code(), region, holiday_region.code(), now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "school",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Every school, by name, with its region, holiday region and retention term.
    pub fn schools(&self) -> Result<Vec<School>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind, region, holiday_region, retention_years FROM schools ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(School {
                id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                kind: parse_code(r.get(2)?, SchoolKind::from_code)?,
                region: r.get(3)?,
                holiday_region: parse_code(r.get(4)?, HolidayRegion::from_code)?,
                retention_years: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The school's region (routekaart), holiday region and retention term.
    pub fn update_school(
        &mut self,
        actor: &Actor,
        school: SchoolId,
        region: Option<&str>,
        holiday_region: HolidayRegion,
        retention_years: u32,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE schools SET region = ?2, holiday_region = ?3, retention_years = ?4 WHERE id = ?1",
            params![school.to_string(), region, holiday_region.code(), retention_years],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound("school"));
        }
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "school",
            &school.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Adds a kernteam to a school and returns its id; `cadence` is how often it meets, as
    /// free text. `NotFound` for an unknown school.
    pub fn create_team(
        &mut self,
        actor: &Actor,
        school: SchoolId,
        name: &str,
        cadence: Option<&str>,
    ) -> Result<TeamId> {
        let id = TeamId::new();
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "INSERT INTO teams (id, school_id, name, cadence, created_at)
             SELECT ?1, id, ?3, ?4, ?5 FROM schools WHERE id = ?2",
            params![
                id.to_string(),
                school.to_string(),
                name,
                cadence,
                now_from_clock()
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound("school"));
        }
        audit::append(&tx, &actor.0, AuditAction::Create, "team", &id.to_string())?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Every kernteam, by school name and team name, with how many members it has.
    pub fn teams(&self) -> Result<Vec<Team>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.school_id, s.name, t.name, t.cadence,
                    (SELECT count(DISTINCT member_id) FROM team_members tm WHERE tm.team_id = t.id)
             FROM teams t JOIN schools s ON s.id = t.school_id ORDER BY s.name, t.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Team {
                id: parse_id(r.get(0)?)?,
                school_id: parse_id(r.get(1)?)?,
                school_name: r.get(2)?,
                name: r.get(3)?,
                cadence: r.get(4)?,
                member_count: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a person (who may sit in several teams) and returns the member id; roles in a team
    /// are added with `add_team_role`.
    pub fn create_member(
        &mut self,
        actor: &Actor,
        name: &str,
        email: Option<&str>,
        organisation: Option<OrganisationId>,
    ) -> Result<MemberId> {
        let id = MemberId::new();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO members (id, name, email, organisation_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.to_string(), name, email, organisation.map(|o| o.to_string()), now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Create,
            "member",
            &id.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(id)
    }

    /// Gives a member a role in a team; a role the member already has there changes nothing
    /// (the change is still audited).
    pub fn add_team_role(
        &mut self,
        actor: &Actor,
        team: TeamId,
        member: MemberId,
        role: Role,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO team_members (team_id, member_id, role) VALUES (?1, ?2, ?3)",
            params![team.to_string(), member.to_string(), role.code()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "team",
            &team.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// Every member, by name, with their organisation and their roles in every team.
    pub fn members(&self) -> Result<Vec<Member>> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id, m.name, m.email, m.organisation_id, o.name, m.is_aandachtsfunctionaris
             FROM members m LEFT JOIN organisations o ON o.id = m.organisation_id ORDER BY m.name",
        )?;
        let mut members = stmt
            .query_map([], |r| {
                Ok(Member {
                    id: parse_id(r.get(0)?)?,
                    name: r.get(1)?,
                    email: r.get(2)?,
                    organisation_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                    organisation_name: r.get(4)?,
                    is_aandachtsfunctionaris: r.get(5)?,
                    roles: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut roles = self.conn.prepare(
            "SELECT tm.member_id, tm.team_id, t.name, tm.role FROM team_members tm
             JOIN teams t ON t.id = tm.team_id ORDER BY t.name",
        )?;
        let all: Vec<(MemberId, TeamRole)> = roles
            .query_map([], |r| {
                Ok((
                    parse_id(r.get(0)?)?,
                    TeamRole {
                        team_id: parse_id(r.get(1)?)?,
                        team_name: r.get(2)?,
                        role: parse_code(r.get(3)?, Role::from_code)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for member in &mut members {
            member.roles = all
                .iter()
                .filter(|(id, _)| *id == member.id)
                .map(|(_, r)| r.clone())
                .collect();
        }
        Ok(members)
    }
}
