//! The generator of the demo document: reads the shared acceptance scenarios
//! (`assets/demo/scenarios.json`, all names invented) and writes them through the store as a
//! kernteam would have, so the document in `assets/demo/` is what the app itself produces.
//! Run `cargo run -p kernteam-app --example gen_demo` after changing the scenarios.
//!
//! This file makes what the scenarios share (the partners, each school with its kernteam, the
//! meetings, the year schedule); `scenario_writer.rs` opens each scenario's casus and
//! `scenario_history.rs` writes what happened in it.

use std::collections::HashMap;

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};
use kernteam_domain::school_weeks::{SchoolWeekShift, SchoolWeeks};
use kernteam_domain::verzuim::HolidayCalendar;
use kernteam_domain::{
    HolidayRegion, MeetingId, MeetingStatus, MemberId, OrganisationId, OrganisationKind, Role,
    SchoolKind, TeamId,
};
use kernteam_store::{Actor, Store};

use super::REFERENCE_DAY;
use super::scenario_types::{ScenarioFile, ScenarioSchool};
use super::scenario_writer;
use crate::error::{AppError, AppResult, ErrorCode};

const SCENARIOS: &str = include_str!("../../../../../assets/demo/scenarios.json");

/// Fictitious partners; they serve every demo school, as real partners serve several.
const DEMO_PARTNERS: &[(&str, &str, OrganisationKind, Role)] = &[
    (
        "Mehmet Yilmaz",
        "Leerplicht gemeente (fictief)",
        OrganisationKind::Leerplicht,
        Role::Leerplicht,
    ),
    (
        "Sanne Kok",
        "GGD JGZ (fictief)",
        OrganisationKind::Jgz,
        Role::Jgz,
    ),
    (
        "Peter Visser",
        "CJG (fictief)",
        OrganisationKind::Cjg,
        Role::Cjg,
    ),
    (
        "Fatima El Amrani",
        "SMW (fictief)",
        OrganisationKind::Smw,
        Role::Smw,
    ),
    (
        "Joost Mulder",
        "Samenwerkingsverband (fictief)",
        OrganisationKind::Swv,
        Role::Swv,
    ),
];
/// One chair per school (the school's own care coordinator).
const DEMO_CHAIRS: &[&str] = &["Ingrid de Boer", "Karin Smits", "Bas Hendriks"];

/// Moves scenario dates onto the school calendar around `today`: the reference day lands in the
/// latest school week before today, and every other date keeps its place among the school
/// weeks of its school's holiday region (so a holiday never holds lessons, and absence counted
/// over consecutive school weeks stays what the scenario says).
pub(super) struct Shift {
    weeks: SchoolWeekShift,
}

impl Shift {
    pub(super) fn onto(calendar: &HolidayCalendar, region: &str, today: NaiveDate) -> Self {
        Self {
            weeks: SchoolWeekShift::onto(&SchoolWeeks::of(calendar, region), REFERENCE_DAY, today),
        }
    }

    /// The scenarios' "today" on the new calendar: what happened before it has happened.
    pub(super) fn now(&self) -> NaiveDate {
        self.weeks.moved_reference(REFERENCE_DAY)
    }

    pub(super) fn date(&self, iso: &str) -> Option<NaiveDate> {
        kernteam_domain::dates::parse_iso(iso).map(|d| self.weeks.date(d))
    }

    /// A day something happens at school (a meeting, a conversation): never in a holiday.
    pub(super) fn school_day(&self, iso: &str) -> Option<NaiveDate> {
        kernteam_domain::dates::parse_iso(iso).map(|d| self.weeks.school_day(d))
    }

    pub(super) fn text(&self, iso: Option<&str>) -> Option<String> {
        iso.and_then(|d| self.date(d)).map(|d| d.to_string())
    }

    /// A birthday is no school date: it moves by the days the reference week moved, so ages
    /// stay as the scenarios describe them.
    pub(super) fn birth(&self, iso: Option<&str>) -> Option<String> {
        iso.and_then(kernteam_domain::dates::parse_iso)
            .map(|d| (d + Duration::days(self.weeks.days())).to_string())
    }

    /// The demo's consent forms say "valid for one year": placed on a summer day, the demo's
    /// next meeting falls in a new school year, and the scenarios' running casussen are still
    /// to be discussed there. (The app's own default, the end of the school year, applies to
    /// consent recorded in the app.)
    pub(super) fn valid_until(given_on: NaiveDate) -> String {
        let next_year = given_on
            .with_year(given_on.year() + 1)
            .unwrap_or(given_on + Duration::days(365));
        (next_year - Duration::days(1)).to_string()
    }

    pub(super) fn school_weeks(&self) -> &SchoolWeeks {
        self.weeks.target()
    }
}

/// A school's kernteam as the demo made it, with the organisations its actions can be owned by.
#[derive(Clone)]
pub(super) struct DemoTeam {
    pub(super) school: kernteam_domain::SchoolId,
    pub(super) team: TeamId,
    pub(super) chair: MemberId,
    pub(super) region: &'static str,
    pub(super) orgs: HashMap<OrganisationKind, OrganisationId>,
}

/// The partner members with the role each has in every team, and the partners' organisations.
struct DemoPartners {
    members: Vec<(MemberId, Role)>,
    orgs: HashMap<OrganisationKind, OrganisationId>,
}

/// The store the demo is written into, by whom, and the meetings planned in it so far: a team
/// meets once on a day, however many scenarios name that day.
pub(super) struct DemoStore<'a> {
    pub(super) store: &'a mut Store,
    pub(super) actor: &'a Actor,
    meetings: HashMap<(TeamId, NaiveDate), MeetingId>,
}

impl DemoStore<'_> {
    /// The team's meeting on `date`, planned the first time it is asked for.
    pub(super) fn meeting_for(&mut self, team: TeamId, date: NaiveDate) -> AppResult<MeetingId> {
        if let Some(m) = self.meetings.get(&(team, date)) {
            return Ok(*m);
        }
        // Planned, also in the past: the past ones are held afterwards, through the same use
        // cases a chair uses (`held.rs`), so they have agendas and minutes.
        let status = MeetingStatus::Gepland;
        let m = self.store.create_meeting(
            self.actor,
            team,
            // Meetings start at 09:00 school time, summer or winter.
            &kernteam_domain::dates::amsterdam_to_utc(date, 9, 0),
            Some("Kamer zorgteam"),
            status,
        )?;
        self.meetings.insert((team, date), m);
        Ok(m)
    }
}

/// Writes the scenarios into `store` as they stand on `today`, placed on the school calendar
/// (`calendar`) around it. Each record is written with the one clock set to the day it
/// happened, so notes, the timeline and the audit log carry the scenario's days.
pub(crate) fn into_store(
    store: &mut Store,
    actor: &Actor,
    calendar: &HolidayCalendar,
    today: NaiveDate,
) -> AppResult<()> {
    if !store.casussen(None)?.is_empty() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Er staan al casussen in Kernteam. Demo-gegevens worden alleen in een lege omgeving geladen.",
        ));
    }
    let data: ScenarioFile = serde_json::from_str(SCENARIOS).map_err(|e| {
        AppError::new(ErrorCode::Internal, "De demo-gegevens zijn beschadigd.").caused_by(e)
    })?;
    let mut demo = DemoStore {
        store,
        actor,
        meetings: HashMap::new(),
    };
    let partners = add_partners(&mut demo)?;
    let mut teams: HashMap<String, DemoTeam> = HashMap::new();
    for scenario in &data.scenarios {
        let team = team_of(&mut demo, &mut teams, &partners, &scenario.school)?;
        scenario_writer::write(&mut demo, scenario, team, calendar, today)?;
    }
    plan_next_meetings(&mut demo, &teams, calendar, today)
}

/// The partners, made once: they sit in every school's team.
fn add_partners(demo: &mut DemoStore<'_>) -> AppResult<DemoPartners> {
    let mut partners = DemoPartners {
        members: Vec::new(),
        orgs: HashMap::new(),
    };
    for (name, org_name, kind, role) in DEMO_PARTNERS {
        let org = demo
            .store
            .ensure_organisation(demo.actor, org_name, *kind)?;
        partners.orgs.insert(*kind, org);
        let member = demo
            .store
            .create_member(demo.actor, name, None, Some(org))?;
        partners.members.push((member, *role));
    }
    Ok(partners)
}

/// The team of the scenario's school, made the first time the school comes up.
fn team_of(
    demo: &mut DemoStore<'_>,
    teams: &mut HashMap<String, DemoTeam>,
    partners: &DemoPartners,
    school: &ScenarioSchool,
) -> AppResult<DemoTeam> {
    let school_name = school
        .name
        .as_deref()
        .unwrap_or("Demoschool (fictief)")
        .to_owned();
    if !teams.contains_key(&school_name) {
        let made = create_team(demo, partners, school, &school_name, teams.len())?;
        teams.insert(school_name.clone(), made);
    }
    teams
        .get(&school_name)
        .cloned()
        .ok_or_else(|| AppError::new(ErrorCode::Internal, "demo"))
}

/// A school with its kernteam: a chair of its own (the `made_before`-th school gets the next
/// one) and every partner.
fn create_team(
    demo: &mut DemoStore<'_>,
    partners: &DemoPartners,
    school: &ScenarioSchool,
    school_name: &str,
    made_before: usize,
) -> AppResult<DemoTeam> {
    let kind =
        SchoolKind::from_code(school.kind.as_deref().unwrap_or("VO")).unwrap_or(SchoolKind::Vo);
    // De Linde (VO) lies in the north, De Vlinder (PO) in the middle region.
    let holiday_region = if kind == SchoolKind::Po {
        HolidayRegion::Midden
    } else {
        HolidayRegion::Noord
    };
    let (store, actor) = (&mut *demo.store, demo.actor);
    let school_id = store.create_school(
        actor,
        school_name,
        kind,
        Some("Regio Demo (fictief)"),
        holiday_region,
    )?;
    let team_name = school
        .team
        .clone()
        .unwrap_or_else(|| format!("Kernteam {school_name}"));
    let team = store.create_team(actor, school_id, &team_name, school.cadence.as_deref())?;
    let school_org = store.ensure_organisation(actor, school_name, OrganisationKind::School)?;
    let chair_name = DEMO_CHAIRS[made_before % DEMO_CHAIRS.len()];
    let chair = store.create_member(actor, chair_name, None, Some(school_org))?;
    store.add_team_role(actor, team, chair, Role::Voorzitter)?;
    for (member, role) in &partners.members {
        store.add_team_role(actor, team, *member, *role)?;
    }
    let mut orgs = partners.orgs.clone();
    orgs.insert(OrganisationKind::School, school_org);
    Ok(DemoTeam {
        school: school_id,
        team,
        chair,
        region: holiday_region.code(),
        orgs,
    })
}

/// The year schedule continues: the next three meetings of each team, on Tuesdays every
/// three school weeks.
fn plan_next_meetings(
    demo: &mut DemoStore<'_>,
    teams: &HashMap<String, DemoTeam>,
    calendar: &HolidayCalendar,
    today: NaiveDate,
) -> AppResult<()> {
    for t in teams.values() {
        let weeks = SchoolWeeks::of(calendar, t.region);
        let mut day = today + Duration::days(1);
        while day.weekday() != Weekday::Tue || weeks.in_holiday(day) {
            day += Duration::days(1);
        }
        for _ in 0..3 {
            demo.meeting_for(t.team, day)?;
            let Some(monday) = weeks.step(day, 3) else {
                break;
            };
            day = monday + Duration::days(1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernteam_domain::date;

    fn calendar() -> HolidayCalendar {
        serde_json::from_str(crate::casus::pupil::SHIPPED_HOLIDAYS).expect("shipped calendar")
    }

    #[test]
    fn the_reference_day_lands_in_the_last_school_week_before_today_on_its_weekday() {
        let calendar = calendar();
        for today in [
            date!(2026 - 11 - 22),
            date!(2026 - 12 - 01),
            date!(2027 - 03 - 02),
            date!(2026 - 07 - 30),
            date!(2026 - 10 - 14),
            date!(2028 - 02 - 29),
        ] {
            for region in ["noord", "midden", "zuid"] {
                let shift = Shift::onto(&calendar, region, today);
                let moved = shift.now();
                assert!(
                    moved <= today,
                    "{today} {region}: lands on {moved}, not after today"
                );
                assert_eq!(moved.weekday(), Weekday::Tue, "{today} {region}");
                assert!(
                    !kernteam_domain::schedule::in_holiday(&calendar, region, moved),
                    "{today} {region}: {moved} is a school day"
                );
            }
        }
    }
}
