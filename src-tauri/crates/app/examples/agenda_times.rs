//! Agenda build and live-mode item switch for a team with 200 running casussen (each with
//! complete consent) and 500 open actions, for `cargo xtask bench`. The data go in through
//! the interchange import; times are measured through the same use cases the app calls.
//! Prints `name value unit` lines.

use kernteam_app::domain::agenda::AgendaItemInput;
use kernteam_app::domain::casus::Intake;
use kernteam_app::domain::consent::{GezagHolder, Giver};
use kernteam_app::domain::interchange::*;
use kernteam_app::domain::*;
use kernteam_app::{DataDir, Session, SetupRequest};

#[path = "../../../bench/timing.rs"]
mod timing;

const CASUSSEN: usize = 200;
const ACTIONS: usize = 500;
const ROUNDS: usize = 30;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = kernteam_app::domain::clock::today();
    let scratch = tempfile::tempdir()?;
    let mut session = Session::new(DataDir::new(scratch.path().join("data")));
    session.setup(&SetupRequest {
        passphrase: "een wachtwoord voor de bench".into(),
        use_keyring: false,
    })?;

    let mut doc = Interchange::empty();
    let (school, team, org, earlier, next) = (
        SchoolId::new(),
        TeamId::new(),
        OrganisationId::new(),
        MeetingId::new(),
        MeetingId::new(),
    );
    doc.organisations.push(XOrganisation {
        id: org,
        name: "JGZ (bench)".into(),
        kind: OrganisationKind::Jgz,
    });
    doc.schools.push(XSchool {
        id: school,
        name: "Bench".into(),
        kind: SchoolKind::Vo,
        region: None,
        holiday_region: "midden".into(),
        retention_years: 2,
    });
    doc.teams.push(XTeam {
        id: team,
        school_id: school,
        name: "Bench".into(),
        cadence: None,
    });
    let at = |days: i64| {
        kernteam_app::domain::dates::amsterdam_to_utc(today + chrono::Duration::days(days), 9, 0)
    };
    doc.meetings.push(XMeeting {
        id: earlier,
        team_id: team,
        starts_at: at(-21),
        location: None,
        status: MeetingStatus::Gesloten,
    });
    doc.meetings.push(XMeeting {
        id: next,
        team_id: team,
        starts_at: at(7),
        location: None,
        status: MeetingStatus::Gepland,
    });
    for i in 0..CASUSSEN {
        let holder = GezagHolder {
            id: uuid::Uuid::now_v7().to_string(),
            label: "moeder".into(),
            has_gezag: true,
        };
        let actions = (0..ACTIONS / CASUSSEN + usize::from(i < ACTIONS % CASUSSEN))
            .map(|n| XAction {
                id: ActionId::new(),
                meeting_id: Some(earlier),
                description: format!("Actie {n} voor casus {i}"),
                owner_member_id: None,
                owner_organisation_id: Some(org),
                due_on: Some((today + chrono::Duration::days(3)).to_string()),
                status: ActionStatus::Open,
                feedback: None,
                created_at: at(-21),
                urgent_logged_at: None,
            })
            .collect();
        doc.casussen.push(XCasus {
            id: CasusId::new(),
            team_id: team,
            mode: CasusMode::Named,
            pupil: Some(XPupil {
                id: PupilId::new(),
                given_name: format!("Leerling{i}"),
                family_name: format!("Bench{i}"),
                birth_date: "2010-01-01".into(),
                class_name: "3b".into(),
                left_school_on: None,
                gezag_holders: vec![holder.clone()],
            }),
            pseudonym: None,
            anonymous_reason: None,
            status: CasusStatus::Lopend,
            hulpvraag: "bench".into(),
            hulpvraag_category: None,
            urgency: Urgency::Normaal,
            intake: Intake::default(),
            opened_on: (today - chrono::Duration::days(60)).to_string(),
            next_review_on: Some(today.to_string()),
            closed_on: None,
            closure_reason: None,
            closure_outcome: None,
            retention_until: None,
            converted_from_id: None,
            signals: vec![],
            consents: vec![XConsent {
                id: ConsentId::new(),
                given_on: (today - chrono::Duration::days(50)).to_string(),
                givers: vec![Giver::Holder(holder.id.clone()), Giver::Pupil],
                scope_organisations: vec!["school".into(), "jgz".into()],
                scope_categories: vec![],
                method: "formulier".into(),
                recorded_by: None,
                valid_until: (today + chrono::Duration::days(200)).to_string(),
                withdrawn_on: None,
                withdrawn_reason: None,
            }],
            notes: vec![],
            absence: vec![],
            attendance: None,
            links: vec![],
            actions,
        });
    }
    session.import_file(&serde_json::to_vec(&doc)?, None)?;

    let (p50, p95) = timing::p50_p95(ROUNDS, || {
        let draft = session.build_agenda(next, &[]).expect("agenda");
        assert_eq!(
            draft.items.iter().filter(|i| i.casus_id.is_some()).count(),
            CASUSSEN
        );
    });
    println!("agenda_build_200_casussen_500_actions_p50 {p50:.2} ms");
    println!("agenda_build_200_casussen_500_actions_p95 {p95:.2} ms");

    let draft = session.build_agenda(next, &[])?;
    let items: Vec<AgendaItemInput> = draft.as_inputs();
    session.save_agenda(next, &items)?;
    session.start_meeting(next)?;
    let first = session.live_meeting(next)?.items[2].id;
    // Switching items: the spent time is written and the live view read again.
    let (p50, p95) = timing::p50_p95(ROUNDS, || {
        session.add_spent(first, 1).expect("time");
        std::hint::black_box(session.live_meeting(next).expect("live"));
    });
    println!("live_item_switch_p50 {p50:.2} ms");
    println!("live_item_switch_p95 {p95:.2} ms");
    switches_during_backups(&mut session, scratch.path(), first, next)?;
    Ok(())
}

/// Issue 14: the same item switch while a backup runs on a thread of its own (as the shell
/// runs it), in turns with switches while none runs.
fn switches_during_backups(
    session: &mut Session,
    scratch: &std::path::Path,
    item: AgendaItemId,
    meeting: MeetingId,
) -> Result<(), Box<dyn std::error::Error>> {
    let folder = scratch.join("backups");
    std::fs::create_dir_all(&folder)?;
    session.set_backup_folder(&folder)?;
    let start = kernteam_app::domain::clock::now();
    let (mut quiet, mut busy, mut backups) = (Vec::new(), Vec::new(), Vec::new());
    let switch = |session: &mut Session| {
        let t = std::time::Instant::now();
        // As the shell runs every command: marked as serving the user, so a backup gives way.
        let _serving = kernteam_app::serving();
        session.add_spent(item, 1).expect("time");
        std::hint::black_box(session.live_meeting(meeting).expect("live"));
        t.elapsed().as_secs_f64() * 1000.0
    };
    for turn in 0..6i64 {
        for _ in 0..10 {
            quiet.push(switch(session));
        }
        // Each backup its own minute, so the file names never meet.
        let job = {
            let _at =
                kernteam_app::domain::clock::fixed_at(start + chrono::Duration::minutes(turn));
            session.backup_job(false)?.ok_or("a folder is set")?
        };
        let began = std::time::Instant::now();
        let running = std::thread::spawn(move || job.run_gently().map(|r| r.file_bytes));
        while !running.is_finished() {
            busy.push(switch(session));
        }
        backups.push(began.elapsed().as_secs_f64() * 1000.0);
        running.join().map_err(|_| "backup thread")??;
    }
    let sorted = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v
    };
    let (quiet, busy) = (sorted(quiet), sorted(busy));
    let (quiet_p95, busy_p95) = (
        timing::percentile(&quiet, 0.95),
        timing::percentile(&busy, 0.95),
    );
    let switches = busy.len();
    println!(
        "live_item_switch_during_backup_p50 {:.2} ms",
        timing::percentile(&busy, 0.5)
    );
    println!(
        "live_item_switch_during_backup_p50_plain {:.2} ms",
        timing::percentile(&quiet, 0.5)
    );
    println!("live_item_switch_during_backup_count {switches} count");
    // The price of giving way: a backup during constant switching takes this long.
    println!(
        "backup_during_constant_switching_mean {:.0} ms",
        backups.iter().sum::<f64>() / backups.len().max(1) as f64
    );
    println!("live_item_switch_during_backup_p95 {busy_p95:.2} ms");
    println!("live_item_switch_during_backup_p95_plain {quiet_p95:.2} ms");
    println!(
        "live_item_switch_during_backup_p95_ratio {:.2} x",
        busy_p95 / quiet_p95
    );
    Ok(())
}
