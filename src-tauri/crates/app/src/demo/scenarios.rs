//! The generator of the demo document: reads the shared acceptance scenarios
//! (`assets/demo/scenarios.json`, all names invented) and writes them through the store as a
//! kernteam would have, so the document in `assets/demo/` is what the app itself produces.
//! Run `cargo run -p kernteam-app --example gen_demo` after changing the scenarios.

use std::collections::HashMap;

use kernteam_domain::casus::{self, SignalCategory};
use kernteam_domain::clock;
use kernteam_domain::consent::{GezagHolder, Giver};
use kernteam_domain::school_weeks::{SchoolWeekShift, SchoolWeeks};
use kernteam_domain::verzuim::{AbsenceWeek, AttendanceFacts, HolidayCalendar};
use kernteam_domain::{
    ActionStatus, CasusId, CasusStatus, ConsentMethod, DataCategory, MeetingId, MeetingStatus,
    MemberId, NewSignal, NoteDraft, NoteId, NoteKind, OrganisationId, OrganisationKind, Role,
    SchoolKind, SnapshotMoment, TeamId, Urgency,
};
use kernteam_store::{ActionSeed, Actor, CasusSeed, ClosureSeed, ConsentSeed, PupilSeed, Store};
use serde_json::Value;
use time::{Date, Duration, Weekday};

use super::REFERENCE_DAY;
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

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn owner_kind(code: &str) -> OrganisationKind {
    match code {
        "jgz" => OrganisationKind::Jgz,
        "cjg" => OrganisationKind::Cjg,
        "smw" => OrganisationKind::Smw,
        "swv" => OrganisationKind::Swv,
        "leerplicht" => OrganisationKind::Leerplicht,
        _ => OrganisationKind::School,
    }
}

fn action_status(code: &str) -> ActionStatus {
    match code {
        "done" => ActionStatus::Gedaan,
        "partial" => ActionStatus::Deels,
        "not_done" => ActionStatus::NietGedaan,
        "cancelled" => ActionStatus::Vervallen,
        _ => ActionStatus::Open,
    }
}

/// Moves scenario dates onto the school calendar around `today`: the reference day lands in the
/// latest school week before today, and every other date keeps its place among the school
/// weeks of its school's holiday region (so a holiday never holds lessons, and absence counted
/// over consecutive school weeks stays what the scenario says).
struct Shift {
    weeks: SchoolWeekShift,
}

impl Shift {
    fn onto(calendar: &HolidayCalendar, region: &str, today: Date) -> Self {
        Self {
            weeks: SchoolWeekShift::onto(&SchoolWeeks::of(calendar, region), REFERENCE_DAY, today),
        }
    }

    /// The scenarios' "today" on the new calendar: what happened before it has happened.
    fn now(&self) -> Date {
        self.weeks.moved_reference(REFERENCE_DAY)
    }

    fn date(&self, iso: &str) -> Option<Date> {
        kernteam_domain::dates::parse_iso(iso).map(|d| self.weeks.date(d))
    }

    /// A day something happens at school (a meeting, a conversation): never in a holiday.
    fn school_day(&self, iso: &str) -> Option<Date> {
        kernteam_domain::dates::parse_iso(iso).map(|d| self.weeks.school_day(d))
    }

    fn text(&self, iso: Option<&str>) -> Option<String> {
        iso.and_then(|d| self.date(d)).map(|d| d.to_string())
    }

    /// A birthday is no school date: it moves by the days the reference week moved, so ages
    /// stay as the scenarios describe them.
    fn birth(&self, iso: Option<&str>) -> Option<String> {
        iso.and_then(kernteam_domain::dates::parse_iso)
            .map(|d| (d + Duration::days(self.weeks.days())).to_string())
    }

    /// The demo's consent forms say "valid for one year": placed on a summer day, the demo's
    /// next meeting falls in a new school year, and the scenarios' running casussen are still
    /// to be discussed there. (The app's own default, the end of the school year, applies to
    /// consent recorded in the app.)
    fn valid_until(given_on: Date) -> String {
        let next_year = given_on
            .replace_year(given_on.year() + 1)
            .unwrap_or(given_on + Duration::days(365));
        (next_year - Duration::days(1)).to_string()
    }

    fn school_weeks(&self) -> &SchoolWeeks {
        self.weeks.target()
    }
}

struct DemoTeam {
    school: kernteam_domain::SchoolId,
    team: TeamId,
    chair: MemberId,
    region: &'static str,
    orgs: HashMap<OrganisationKind, OrganisationId>,
}

/// Writes the scenarios into `store` as they stand on `today`, placed on the school calendar
/// (`calendar`) around it. Each record is written with the one clock set to the day it
/// happened, so notes, the timeline and the audit log carry the scenario's days.
pub(crate) fn into_store(
    store: &mut Store,
    actor: &Actor,
    calendar: &HolidayCalendar,
    today: Date,
) -> AppResult<()> {
    if !store.casussen(None)?.is_empty() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Er staan al casussen in Kernteam. Demo-gegevens worden alleen in een lege omgeving geladen.",
        ));
    }
    let data: Value = serde_json::from_str(SCENARIOS)
        .map_err(|_| AppError::new(ErrorCode::Internal, "De demo-gegevens zijn beschadigd."))?;
    let scenarios = data
        .get("scenarios")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();

    let mut partners = Vec::new();
    let mut partner_orgs = HashMap::new();
    for (name, org_name, kind, role) in DEMO_PARTNERS {
        let org = store.ensure_organisation(actor, org_name, *kind)?;
        partner_orgs.insert(*kind, org);
        partners.push((store.create_member(actor, name, None, Some(org))?, *role));
    }

    let mut teams: HashMap<String, DemoTeam> = HashMap::new();
    let mut meetings: HashMap<(TeamId, Date), MeetingId> = HashMap::new();
    let mut meeting_for = |store: &mut Store, team: TeamId, date: Date| -> AppResult<MeetingId> {
        if let Some(m) = meetings.get(&(team, date)) {
            return Ok(*m);
        }
        // Planned, also in the past: the past ones are held afterwards, through the same use
        // cases a chair uses (`held.rs`), so they have agendas and minutes.
        let status = MeetingStatus::Gepland;
        let m = store.create_meeting(
            actor,
            team,
            // Meetings start at 09:00 school time, summer or winter.
            &kernteam_domain::dates::amsterdam_to_utc(date, 9, 0),
            Some("Kamer zorgteam"),
            status,
        )?;
        meetings.insert((team, date), m);
        Ok(m)
    };

    for scenario in &scenarios {
        let school_v = scenario.get("school").cloned().unwrap_or(Value::Null);
        let school_name = text(&school_v, "name")
            .unwrap_or("Demoschool (fictief)")
            .to_owned();
        if !teams.contains_key(&school_name) {
            let kind = SchoolKind::from_code(text(&school_v, "type").unwrap_or("VO"))
                .unwrap_or(SchoolKind::Vo);
            // De Linde (VO) lies in the north, De Vlinder (PO) in the middle region.
            let holiday_region = if kind == SchoolKind::Po {
                "midden"
            } else {
                "noord"
            };
            let school = store.create_school(
                actor,
                &school_name,
                kind,
                Some("Regio Demo (fictief)"),
                holiday_region,
            )?;
            let team_name = text(&school_v, "team")
                .map(str::to_owned)
                .unwrap_or_else(|| format!("Kernteam {school_name}"));
            let team = store.create_team(actor, school, &team_name, text(&school_v, "cadence"))?;
            let school_org =
                store.ensure_organisation(actor, &school_name, OrganisationKind::School)?;
            let chair_name = DEMO_CHAIRS[teams.len() % DEMO_CHAIRS.len()];
            let chair = store.create_member(actor, chair_name, None, Some(school_org))?;
            store.add_team_role(actor, team, chair, Role::Voorzitter)?;
            for (member, role) in &partners {
                store.add_team_role(actor, team, *member, *role)?;
            }
            let mut orgs = partner_orgs.clone();
            orgs.insert(OrganisationKind::School, school_org);
            teams.insert(
                school_name.clone(),
                DemoTeam {
                    school,
                    team,
                    chair,
                    region: holiday_region,
                    orgs,
                },
            );
        }
        let DemoTeam {
            school,
            team,
            chair,
            region,
            orgs,
        } = teams
            .get(&school_name)
            .map(|t| DemoTeam {
                school: t.school,
                team: t.team,
                chair: t.chair,
                region: t.region,
                orgs: t.orgs.clone(),
            })
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "demo"))?;
        let shift = Shift::onto(calendar, region, today);
        // The scenarios' own "today" on this school's calendar: what came before it happened.
        let now = shift.now();

        let pupil = scenario.get("pupil").cloned().unwrap_or(Value::Null);
        let signals = scenario
            .get("signals")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let events = scenario
            .get("events")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let closure = scenario.get("closure").cloned().unwrap_or(Value::Null);
        // Meetings, conversations and consent happen on school days, never in a holiday.
        let event_date = |e: &Value| text(e, "date").and_then(|d| shift.school_day(d));
        let Some(opened) = signals
            .iter()
            .chain(events.iter())
            .filter_map(event_date)
            .min()
        else {
            continue;
        };
        if opened > now {
            continue;
        }
        let closed = text(&closure, "date")
            .and_then(|d| shift.date(d))
            .filter(|d| *d <= now);
        // An evaluation that has come ("nextReview" in the past) puts a casus on the next agenda.
        let next_review = text(scenario, "nextReview")
            .and_then(|d| shift.date(d))
            .or_else(|| {
                events
                    .iter()
                    .filter_map(event_date)
                    .filter(|d| *d > now)
                    .min()
            });
        let discussed = events.iter().filter_map(event_date).any(|d| d <= now);
        let status = match (closed, discussed) {
            (Some(_), _) => CasusStatus::Afgesloten,
            (None, true) => CasusStatus::Lopend,
            (None, false) => CasusStatus::Aangemeld,
        };
        let (opened_text, review_text) = (opened.to_string(), next_review.map(|d| d.to_string()));
        let hulpvraag = text(scenario, "hulpvraag")
            .or_else(|| text(scenario, "title"))
            .unwrap_or("Hulpvraag");
        let intake_json = scenario
            .get("intake")
            .map(Value::to_string)
            .unwrap_or_else(|| "{}".into());
        let category = scenario
            .get("intake")
            .and_then(|i| text(i, "hulpvraagDomain"))
            .map(str::to_owned);
        let closure_outcome = closed
            .and(text(&closure, "detail").or(Some("Doel bereikt; afgesproken met het kernteam")));
        let retention = closed.map(|c| casus::retention_until(c, None, 2).to_string());
        // Created open; a closed scenario is closed at the end, after its history is in.
        let seed = CasusSeed {
            urgency: Urgency::Normaal,
            status: if status == CasusStatus::Afgesloten {
                CasusStatus::Lopend
            } else {
                status
            },
            next_review_on: review_text.as_deref(),
            intake_json: &intake_json,
            hulpvraag_category: category.as_deref(),
            ..CasusSeed::aangemeld(team, hulpvraag, &opened_text)
        };
        let add_signals = |store: &mut Store, casus: CasusId| -> AppResult<()> {
            for signal in &signals {
                let Some(on) = event_date(signal).filter(|d| *d <= now) else {
                    continue;
                };
                store.add_signal(
                    actor,
                    casus,
                    &NewSignal {
                        observed_on: on.to_string(),
                        source: text(signal, "source").unwrap_or("school").to_owned(),
                        category: text(signal, "category")
                            .and_then(SignalCategory::from_code)
                            .unwrap_or(SignalCategory::Ontwikkeling),
                        description: text(signal, "text").unwrap_or_default().to_owned(),
                    },
                )?;
            }
            Ok(())
        };

        // Who has gezag: as the scenario lists it, or else the parents who gave consent.
        let consents = scenario
            .get("consent")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut labels: Vec<String> = pupil
            .get("gezag")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|g| g.split(" (").next().unwrap_or(g).to_owned())
                    .collect()
            })
            .unwrap_or_default();
        if labels.is_empty() {
            for c in &consents {
                for g in c
                    .get("givers")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(g) = g.as_str().filter(|g| !g.starts_with("leerling"))
                        && !labels.iter().any(|l| l == g)
                    {
                        labels.push(g.to_owned());
                    }
                }
            }
        }
        let holders: Vec<GezagHolder> = labels
            .iter()
            .map(|label| GezagHolder {
                id: uuid::Uuid::now_v7().to_string(),
                label: label.clone(),
                has_gezag: true,
            })
            .collect();
        let consent_of = |c: &Value| -> Option<(Date, Vec<Giver>, Vec<String>, String)> {
            let given_on = event_date(c).filter(|d| *d <= now)?;
            if text(c, "status") == Some("refused") {
                return None;
            }
            let givers = c
                .get("givers")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter_map(|g| {
                    if g.starts_with("leerling") {
                        Some(Giver::Pupil)
                    } else {
                        holders
                            .iter()
                            .find(|h| h.label == g)
                            .map(|h| Giver::Holder(h.id.clone()))
                    }
                })
                .collect();
            let scope = c
                .get("scope")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            let valid_until = Shift::valid_until(given_on);
            Some((given_on, givers, scope, valid_until))
        };

        let mode = text(scenario, "mode").unwrap_or("named");
        let conversion = events
            .iter()
            .find(|e| text(e, "kind") == Some("conversie_naar_benoemd"))
            .and_then(event_date)
            .filter(|d| *d <= now);
        let name = text(&pupil, "pseudonym")
            .or_else(|| text(&pupil, "pseudonym_named"))
            .unwrap_or("Demo Leerling");
        let (given, family) = name.split_once(' ').unwrap_or((name, "Demo"));
        let birth = shift
            .birth(text(&pupil, "dob"))
            .unwrap_or_else(|| "2012-01-01".into());
        let pupil_seed = PupilSeed {
            school,
            given_name: given,
            family_name: family,
            birth_date: &birth,
            class_name: text(&pupil, "grade").unwrap_or("groep 8"),
        };
        let mut used_consent = None;
        let (casus, named_from) = if mode.starts_with("anonymous") {
            let pseudonym = text(&pupil, "pseudonym_anonymous").unwrap_or("Leerling A");
            let reason = events
                .iter()
                .find_map(|e| text(e, "reason"))
                .unwrap_or("toestemming geweigerd");
            let anonymous = {
                let _at = clock::fixed_on(opened);
                store.create_anonymous_casus(actor, pseudonym, reason, &seed)?
            };
            add_signals(store, anonymous)?;
            for event in events
                .iter()
                .filter(|e| text(e, "kind") == Some("anonieme_consultatie"))
            {
                if let (Some(advice), Some(on)) = (text(event, "advice"), event_date(event)) {
                    meeting_for(store, team, on)?;
                    if on <= now {
                        let _at = clock::fixed_on(on);
                        demo_note(store, actor, chair, anonymous, NoteKind::Bespreking, advice)?;
                    }
                }
            }
            // Not converted yet on this (shifted) day: only the anonymous consultation exists.
            let Some(converted) = conversion else {
                continue;
            };
            let (given_on, givers, scope, valid_until) = consents
                .iter()
                .filter_map(consent_of)
                .find(|c| c.0 <= converted)
                .ok_or_else(|| {
                    AppError::new(ErrorCode::Internal, "demo: conversion without consent")
                })?;
            used_consent = Some(given_on);
            let _at = clock::fixed_on(converted);
            let named = store.convert_to_named(
                actor,
                anonymous,
                &pupil_seed,
                &holders,
                &ConsentSeed {
                    given_on: &given_on.to_string(),
                    givers: &givers,
                    scope_organisations: &scope,
                    scope_categories: &[],
                    method: ConsentMethod::Formulier.code(),
                    recorded_by: None,
                    valid_until: &valid_until,
                },
                &converted.to_string(),
            )?;
            (named, converted)
        } else {
            let named = {
                let _at = clock::fixed_on(opened);
                store.create_named_casus(actor, &pupil_seed, &holders, &seed)?
            };
            add_signals(store, named)?;
            (named, opened)
        };
        for c in &consents {
            let Some((given_on, givers, scope, valid_until)) = consent_of(c) else {
                continue;
            };
            if Some(given_on) == used_consent {
                continue;
            }
            let _at = clock::fixed_on(given_on);
            store.add_consent(
                actor,
                casus,
                &ConsentSeed {
                    given_on: &given_on.to_string(),
                    givers: &givers,
                    scope_organisations: &scope,
                    scope_categories: &[],
                    method: ConsentMethod::Formulier.code(),
                    recorded_by: None,
                    valid_until: &valid_until,
                },
            )?;
        }
        add_verzuim(store, actor, casus, scenario, &shift, opened)?;
        for event in &events {
            if let (Some(feedback), Some(on)) = (text(event, "feedback"), event_date(event))
                && on <= now
            {
                let _at = clock::fixed_on(on);
                demo_note(
                    store,
                    actor,
                    chair,
                    casus,
                    NoteKind::Terugkoppeling,
                    feedback,
                )?;
            }
        }
        for event in &events {
            let Some(date) = event_date(event) else {
                continue;
            };
            let meeting = meeting_for(store, team, date)?;
            if date > now || date < named_from {
                continue;
            }
            let _at = clock::fixed_on(date);
            for action in event
                .get("actions")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
            {
                let due = shift.text(text(&action, "due"));
                // What the scenario reports as done only counts once its due date has passed, or
                // once the casus is closed (closure needs every action resolved).
                let finished = closed.is_some()
                    || due.as_deref().is_some_and(|d| d < now.to_string().as_str());
                let status = if finished {
                    action_status(text(&action, "status").unwrap_or("open"))
                } else {
                    ActionStatus::Open
                };
                store.create_action(
                    actor,
                    &ActionSeed {
                        casus: Some(casus),
                        meeting: Some(meeting),
                        description: text(&action, "what").unwrap_or("Actie"),
                        owner_member: None,
                        owner_organisation: orgs
                            .get(&owner_kind(text(&action, "owner").unwrap_or("school")))
                            .copied(),
                        due_on: due.as_deref(),
                        status,
                        urgent: false,
                        category: DataCategory::School,
                    },
                )?;
            }
        }
        if let Some(closed_on) = closed {
            let closed_on_text = closed_on.to_string();
            let _at = clock::fixed_on(closed_on);
            store.close_casus(
                actor,
                casus,
                &ClosureSeed {
                    closed_on: &closed_on_text,
                    reason: text(&closure, "reason").unwrap_or("doel_bereikt"),
                    outcome: closure_outcome.unwrap_or_default(),
                    left_school_on: None,
                    retention_until: retention.as_deref().unwrap_or(&closed_on_text),
                },
            )?;
        }
    }
    // The year schedule continues: the next three meetings of each team, on Tuesdays every
    // three school weeks.
    for t in teams.values() {
        let weeks = SchoolWeeks::of(calendar, t.region);
        let mut day = today + Duration::days(1);
        while day.weekday() != Weekday::Tuesday || weeks.in_holiday(day) {
            day += Duration::days(1);
        }
        for _ in 0..3 {
            meeting_for(store, t.team, day)?;
            let Some(monday) = weeks.step(day, 3) else {
                break;
            };
            day = monday + Duration::days(1);
        }
    }
    Ok(())
}

/// A note in the demo, written and shared by the team's chair.
fn demo_note(
    store: &mut Store,
    actor: &Actor,
    author: MemberId,
    casus: CasusId,
    kind: NoteKind,
    text: &str,
) -> AppResult<()> {
    store.save_note(
        actor,
        author,
        &NoteDraft {
            id: NoteId::new(),
            casus_id: casus,
            kind,
            category: DataCategory::School,
            facts: text.to_owned(),
            opinions: String::new(),
        },
    )?;
    Ok(())
}

/// The scenario's absence: an intake snapshot of weekly hours, and the facts (first day at
/// home, DUO report date) the school entered.
fn add_verzuim(
    store: &mut Store,
    actor: &Actor,
    casus: CasusId,
    scenario: &Value,
    shift: &Shift,
    opened: Date,
) -> AppResult<()> {
    let Some(v) = scenario.get("verzuim") else {
        return Ok(());
    };
    let _at = clock::fixed_on(opened);
    let mut weeks: Vec<AbsenceWeek> = v
        .get("weeks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        // A holiday week has no lessons, so the school enters no hours for it.
        .filter(|w| w.get("holiday").and_then(Value::as_bool) != Some(true))
        .filter_map(|w| {
            Some(AbsenceWeek {
                week_start: shift.text(text(w, "week"))?,
                authorised_hours: 0,
                unauthorised_hours: w
                    .get("unauthorisedLessonHours")
                    .and_then(Value::as_u64)
                    .and_then(|h| u32::try_from(h).ok())
                    .unwrap_or(0),
            })
        })
        .collect();
    if let Some(intake) = v.get("intake") {
        // The four school weeks before the aanmelding, the hours spread as they were reported.
        let hours = |key: &str| {
            intake
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|h| u32::try_from(h).ok())
                .unwrap_or(0)
        };
        let (authorised, unauthorised) = (hours("authorisedHours4w"), hours("unauthorisedHours4w"));
        for (i, monday) in (1..=4u32).zip(shift.school_weeks().weeks_before(opened, 4)) {
            weeks.push(AbsenceWeek {
                week_start: monday.to_string(),
                authorised_hours: authorised / 4 + u32::from(i <= authorised % 4),
                unauthorised_hours: unauthorised / 4 + u32::from(i <= unauthorised % 4),
            });
        }
    }
    if !weeks.is_empty() {
        store.add_absence_snapshot(
            actor,
            casus,
            SnapshotMoment::Intake,
            &opened.to_string(),
            &weeks,
        )?;
    }
    let facts = AttendanceFacts {
        absent_since: shift.text(text(v, "absentSince")),
        reported_sick: false,
        duo_reported_on: shift.text(text(v, "duoMeldingBySchool")),
        exemption_5a_from: shift.text(text(v, "exemption5a")),
    };
    if facts != AttendanceFacts::default() {
        store.set_attendance(actor, casus, &facts)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

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
                assert_eq!(moved.weekday(), Weekday::Tuesday, "{today} {region}");
                assert!(
                    !kernteam_domain::schedule::in_holiday(&calendar, region, moved),
                    "{today} {region}: {moved} is a school day"
                );
            }
        }
    }
}
