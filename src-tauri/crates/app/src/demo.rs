//! Fictitious demo data for a first look, from the shared acceptance scenarios (assets/demo).
//! All names in it are invented.

use std::collections::HashMap;

use kernteam_domain::{
    ActionStatus, CasusStatus, MeetingStatus, OrganisationKind, Role, SchoolKind, Signal, TeamId,
    Urgency,
};
use kernteam_store::{ActionSeed, Actor, CasusSeed, ConsentSeed, PupilSeed, Store};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Duration, OffsetDateTime, Weekday};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};

const SCENARIOS: &str = include_str!("../../../../assets/demo/scenarios.json");

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub schools: u32,
    pub casussen: u32,
    pub actions: u32,
    pub meetings: u32,
}

/// Fictitious partners for each demo team (DOMAIN.md §1 roles).
const DEMO_MEMBERS: &[(&str, &str, OrganisationKind, Role)] = &[
    (
        "Ingrid de Boer",
        "school",
        OrganisationKind::School,
        Role::Voorzitter,
    ),
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

pub(crate) fn load(store: &mut Store, actor: &Actor) -> AppResult<DemoSummary> {
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
    let mut summary = DemoSummary {
        schools: 0,
        casussen: 0,
        actions: 0,
        meetings: 0,
    };
    let mut teams: HashMap<
        String,
        (
            kernteam_domain::SchoolId,
            TeamId,
            HashMap<OrganisationKind, kernteam_domain::OrganisationId>,
        ),
    > = HashMap::new();
    let mut meetings: HashMap<(TeamId, String), kernteam_domain::MeetingId> = HashMap::new();

    for scenario in &scenarios {
        let school_v = scenario.get("school").cloned().unwrap_or(Value::Null);
        let school_name = text(&school_v, "name")
            .unwrap_or("Demoschool (fictief)")
            .to_owned();
        if !teams.contains_key(&school_name) {
            let kind = SchoolKind::from_code(text(&school_v, "type").unwrap_or("VO"))
                .unwrap_or(SchoolKind::Vo);
            let school =
                store.create_school(actor, &school_name, kind, Some("Regio Demo (fictief)"))?;
            let team_name = text(&school_v, "team")
                .map(str::to_owned)
                .unwrap_or_else(|| format!("Kernteam {school_name}"));
            let team = store.create_team(actor, school, &team_name, text(&school_v, "cadence"))?;
            let mut orgs = HashMap::new();
            for (name, org_name, kind, role) in DEMO_MEMBERS {
                let org_name = if *org_name == "school" {
                    school_name.clone()
                } else {
                    (*org_name).to_owned()
                };
                let org = store.ensure_organisation(actor, &org_name, *kind)?;
                orgs.insert(*kind, org);
                let member = store.create_member(actor, name, None, Some(org))?;
                store.add_team_role(actor, team, member, *role)?;
            }
            teams.insert(school_name.clone(), (school, team, orgs));
            summary.schools += 1;
        }
        let (school, team, orgs) = teams
            .get(&school_name)
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "demo"))?;

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
        let opened_on = signals
            .first()
            .and_then(|s| text(s, "date"))
            .or_else(|| events.first().and_then(|e| text(e, "date")))
            .unwrap_or("2025-09-01")
            .to_owned();
        let hulpvraag = scenario
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or("Hulpvraag");
        let status = if closure.is_object() {
            CasusStatus::Afgesloten
        } else {
            CasusStatus::Lopend
        };
        let seed = CasusSeed {
            team,
            hulpvraag,
            urgency: Urgency::Normaal,
            status,
            opened_on: &opened_on,
            next_review_on: None,
            closed_on: text(&closure, "date"),
            closure_reason: text(&closure, "reason"),
        };
        let mode = text(scenario, "mode").unwrap_or("named");
        if mode.starts_with("anonymous") {
            let pseudonym = text(&pupil, "pseudonym_anonymous").unwrap_or("Leerling A");
            let reason = events
                .iter()
                .find_map(|e| text(e, "reason"))
                .unwrap_or("toestemming geweigerd");
            let anon_seed = CasusSeed {
                status: CasusStatus::Afgesloten,
                closed_on: None,
                closure_reason: Some("omgezet_naar_benoemd"),
                ..seed
            };
            store.create_anonymous_casus(actor, pseudonym, reason, &anon_seed)?;
            summary.casussen += 1;
        }
        let name = text(&pupil, "pseudonym")
            .or_else(|| text(&pupil, "pseudonym_named"))
            .unwrap_or("Demo Leerling");
        let (given, family) = name.split_once(' ').unwrap_or((name, "Demo"));
        let casus = store.create_named_casus(
            actor,
            &PupilSeed {
                school,
                given_name: given,
                family_name: family,
                birth_date: text(&pupil, "dob").unwrap_or("2012-01-01"),
                class_name: text(&pupil, "grade").unwrap_or("onbekend"),
            },
            &seed,
        )?;
        summary.casussen += 1;
        for signal in &signals {
            store.add_signal(
                actor,
                casus,
                &Signal {
                    observed_on: text(signal, "date").unwrap_or(&opened_on).to_owned(),
                    source: text(signal, "source").unwrap_or("school").to_owned(),
                    category: "school".into(),
                    description: text(signal, "text").unwrap_or_default().to_owned(),
                },
            )?;
        }
        for consent in scenario
            .get("consent")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
        {
            if text(&consent, "status") == Some("refused") {
                continue;
            }
            let strings = |key: &str| -> Vec<String> {
                consent
                    .get(key)
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            store.add_consent(
                actor,
                casus,
                &ConsentSeed {
                    given_on: text(&consent, "date").unwrap_or(&opened_on),
                    givers: &strings("givers"),
                    scope_organisations: &strings("scope"),
                    method: "formulier",
                    valid_until: text(&consent, "validUntil").unwrap_or("2026-07-31"),
                },
            )?;
        }
        for event in &events {
            let Some(date) = text(event, "date") else {
                continue;
            };
            let meeting = match meetings.get(&(team, date.to_owned())) {
                Some(m) => *m,
                None => {
                    let m = store.create_meeting(
                        actor,
                        team,
                        &format!("{date}T08:00:00Z"),
                        Some("Kamer zorgteam"),
                        MeetingStatus::Gesloten,
                    )?;
                    meetings.insert((team, date.to_owned()), m);
                    summary.meetings += 1;
                    m
                }
            };
            for action in event
                .get("actions")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
            {
                store.create_action(
                    actor,
                    &ActionSeed {
                        casus: Some(casus),
                        meeting: Some(meeting),
                        description: text(&action, "what").unwrap_or("Actie"),
                        owner_organisation: orgs
                            .get(&owner_kind(text(&action, "owner").unwrap_or("school")))
                            .copied(),
                        due_on: text(&action, "due"),
                        status: action_status(text(&action, "status").unwrap_or("open")),
                    },
                )?;
                summary.actions += 1;
            }
        }
    }
    // Upcoming meetings so Vandaag shows what comes next: three, every three weeks on Tuesday.
    let today = OffsetDateTime::now_utc().date();
    let mut next_tuesday = today + Duration::days(1);
    while next_tuesday.weekday() != Weekday::Tuesday {
        next_tuesday += Duration::days(1);
    }
    for (_, team, _) in teams.values() {
        for i in 0..3 {
            let date = next_tuesday + Duration::weeks(3 * i);
            store.create_meeting(
                actor,
                *team,
                &format!("{date}T08:00:00Z"),
                Some("Kamer zorgteam"),
                MeetingStatus::Gepland,
            )?;
            summary.meetings += 1;
        }
    }
    Ok(summary)
}
