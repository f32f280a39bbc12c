//! The demo holds on every day of the year (issue 12): loaded with the one clock set to each day
//! of a whole school year and to a leap day, every scenario still states what it says — S-05's
//! 16 hours in 4 consecutive school weeks with the DUO report inside its window, S-06 at home
//! for more than three months, a next meeting still to come for every team, no lessons,
//! absence or meeting in a school holiday, and held meetings with finalised minutes.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use kernteam_app::domain::clock;
use kernteam_app::domain::dates::{amsterdam_date, parse_iso};
use kernteam_app::domain::live::MinutesStatus;
use kernteam_app::domain::schedule::in_holiday;
use kernteam_app::domain::verzuim::ThuiszitterBand;
use kernteam_app::domain::{CasusMode, MeetingStatus};
use kernteam_app::{DataDir, Session, SetupRequest, UnlockRequest};
use kernteam_domain::date;

const PASSPHRASE: &str = "fiets regen koffie tafel";

/// A freshly set-up store, made once: each day copies its two files and unlocks the copy with
/// the recovery key (no Argon2), so a year of days costs no key derivation at all.
fn template() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::new(DataDir::new(dir.path().join("data")));
    let outcome = s
        .setup(&SetupRequest {
            passphrase: PASSPHRASE.into(),
            use_keyring: false,
        })
        .expect("setup");
    s.lock();
    (dir, outcome.recovery_key)
}

/// Memory-backed where the system has it (/dev/shm): a year of stores is hundreds of
/// thousands of fsyncs, and what is tested is the demo, not the disk. Still an encrypted file.
fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("tempdir")
}

fn session_from(template: &Path, recovery_key: &str) -> (tempfile::TempDir, Session) {
    let dir = scratch_dir();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    for file in ["kernteam.db", "keys.json"] {
        std::fs::copy(template.join("data").join(file), data.join(file)).expect("copy");
    }
    let mut s = Session::new(DataDir::new(data));
    s.unlock(&UnlockRequest::RecoveryKey {
        recovery_key: recovery_key.into(),
    })
    .expect("unlock");
    (dir, s)
}

fn casus_named(s: &mut Session, name: &str) -> kernteam_app::domain::CasusId {
    s.casussen(None)
        .expect("casussen")
        .into_iter()
        .find(|c| c.mode == CasusMode::Named && c.label.contains(name))
        .unwrap_or_else(|| panic!("{name} is in the demo"))
        .id
}

/// What is wrong with the demo loaded on `day`, one line per broken fact.
fn broken_facts(template: &Path, recovery_key: &str, day: NaiveDate) -> Vec<String> {
    let _today = clock::fixed_on(day);
    let (_dir, mut s) = session_from(template, recovery_key);
    s.load_demo().expect("demo loads");
    let mut broken = Vec::new();
    let calendar = s.holiday_calendar().expect("calendar");

    // S-05: meldplicht reached, and the school's DUO report inside its window.
    let jayden = casus_named(&mut s, "Jayden Smit");
    let verzuim = s.dossier(jayden).expect("dossier").verzuim;
    match (
        verzuim.meldplicht_week,
        verzuim.duo_deadline,
        verzuim.facts.duo_reported_on.as_deref().and_then(parse_iso),
    ) {
        (Some(week), Some(deadline), Some(reported)) => {
            if !(week <= reported && reported <= deadline) {
                broken.push(format!(
                    "S-05: reported to DUO on {reported}, outside {week}..{deadline}"
                ));
            }
            if week > day {
                broken.push(format!("S-05: meldplicht reached in the future ({week})"));
            }
        }
        other => broken.push(format!(
            "S-05: meldplicht not reached or not reported: {other:?}"
        )),
    }

    // S-06: at home for more than three months.
    let lotte = casus_named(&mut s, "Lotte Jansen");
    let band = s.dossier(lotte).expect("dossier").verzuim.band;
    if !matches!(band, ThuiszitterBand::LangerDanDrieMaanden { .. }) {
        broken.push(format!("S-06: thuiszitter band is {band:?}"));
    }

    // No absence in a holiday week, in any casus.
    for casus in s.casussen(None).expect("casussen") {
        let dossier = s.dossier(casus.id).expect("dossier");
        for week in &dossier.verzuim.weeks {
            if week.holiday && week.unauthorised_hours + week.authorised_hours > 0 {
                broken.push(format!(
                    "{}: {} hours absent in the holiday week of {}",
                    casus.initials,
                    week.unauthorised_hours + week.authorised_hours,
                    week.week_start
                ));
            }
        }
    }

    // Every team has a meeting still to come; no meeting falls in a holiday; what lies
    // behind is held and what lies ahead is planned.
    let regions: Vec<(String, String)> = s
        .teams()
        .expect("teams")
        .into_iter()
        .map(|t| {
            let school = s
                .schools()
                .expect("schools")
                .into_iter()
                .find(|sc| sc.id == t.school_id)
                .expect("the team's school");
            (t.name, school.holiday_region.code().to_owned())
        })
        .collect();
    let meetings = s.meetings().expect("meetings");
    for (team, region) in &regions {
        let ahead = meetings
            .iter()
            .filter(|m| &m.team_name == team)
            .map(|m| amsterdam_date(m.starts_at))
            .filter(|d| *d > day)
            .count();
        if ahead == 0 {
            broken.push(format!("{team}: no meeting after {day}"));
        }
        for m in meetings.iter().filter(|m| &m.team_name == team) {
            let on = amsterdam_date(m.starts_at);
            if in_holiday(&calendar, region, on) {
                broken.push(format!("{team}: a meeting in the holidays on {on}"));
            }
            if on < day && m.status == MeetingStatus::Gepland {
                broken.push(format!("{team}: the meeting of {on} is still planned"));
            }
            if on > day && m.status != MeetingStatus::Gepland {
                broken.push(format!("{team}: the meeting of {on} is not planned"));
            }
        }
    }
    // What the demo is for (issue 12 §2): held meetings with finalised minutes, one corrected.
    let mut corrected = 0;
    for (team, _) in &regions {
        let held: Vec<_> = meetings
            .iter()
            .filter(|m| &m.team_name == team && m.status == MeetingStatus::Gesloten)
            .collect();
        if held.is_empty() {
            broken.push(format!("{team}: no held meeting"));
        }
        for m in held {
            let versions = s.minutes(m.id).expect("minutes");
            if versions.first().map(|v| v.status) != Some(MinutesStatus::Vastgesteld) {
                broken.push(format!(
                    "{team}: the meeting of {} has no finalised minutes",
                    m.starts_at
                ));
            }
            if versions.len() > 1 {
                corrected += 1;
            }
        }
    }
    if corrected != 1 {
        broken.push(format!("{corrected} corrected minutes, not one"));
    }
    let next = s.overview().expect("overview").next_meeting;
    if next.is_none() {
        broken.push("Vandaag shows no next meeting".into());
    }
    broken
}

#[test]
fn the_demo_holds_on_every_day_of_a_school_year_and_a_leap_day() {
    let (template, recovery_key) = template();
    let first = date!(2026 - 08 - 01);
    let mut days: Vec<NaiveDate> = (0..365).map(|i| first + Duration::days(i)).collect();
    days.push(date!(2028 - 02 - 29));
    // Two halves side by side (each thread sets its own clock).
    let even: Vec<NaiveDate> = days.iter().copied().step_by(2).collect();
    let odd: Vec<NaiveDate> = days.iter().copied().skip(1).step_by(2).collect();
    let check = |days: Vec<NaiveDate>| {
        let mut broken = Vec::new();
        for day in days {
            for line in broken_facts(template.path(), &recovery_key, day) {
                broken.push(format!("{day}: {line}"));
            }
        }
        broken
    };
    let mut broken = std::thread::scope(|scope| {
        let other = scope.spawn(|| check(odd));
        let mut mine = check(even);
        mine.extend(other.join().expect("the other half ran"));
        mine
    });
    broken.sort();
    assert!(
        broken.is_empty(),
        "the demo must hold on every day; {} facts broke, the first: {:#?}",
        broken.len(),
        &broken[..broken.len().min(15)]
    );
}
