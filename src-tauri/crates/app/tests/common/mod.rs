//! The demo store the meeting and export tests start from (each test file uses part of it).
#![allow(
    dead_code,
    reason = "each test crate uses a different part of these helpers"
)]

use chrono::Duration;
use kernteam_app::domain::MeetingStatus;
use kernteam_app::domain::schedule::Recurrence;
use kernteam_app::{DataDir, Session, SetupRequest};

/// The passphrase of every store the tests set up.
pub const PASSPHRASE: &str = "fiets regen koffie tafel";

/// A new store set up at `dir/name` with the test passphrase (no keyring), unlocked.
pub fn set_up(dir: &tempfile::TempDir, name: &str) -> Session {
    let mut s = Session::new(DataDir::new(dir.path().join(name)));
    s.setup(&SetupRequest {
        passphrase: PASSPHRASE.into(),
        use_keyring: false,
    })
    .expect("setup");
    s
}

/// A new, empty store in a temp dir of its own.
pub fn empty() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = set_up(&dir, "data");
    (dir, s)
}

pub fn demo() -> (tempfile::TempDir, Session) {
    let (dir, mut s) = empty();
    s.load_demo().expect("demo");
    (dir, s)
}

/// The demo with one team's year schedule set (the team whose name has `name` as its last
/// word): every three weeks on Tuesday from today.
pub fn demo_team(name: &str) -> (tempfile::TempDir, Session, kernteam_app::domain::Team) {
    let (d, mut s) = demo();
    let team = s
        .teams()
        .expect("teams")
        .into_iter()
        .find(|t| t.name.ends_with(name))
        .expect("demo team");
    s.set_schedule(team.id, &recurrence(3), &[])
        .expect("schedule");
    (d, s, team)
}

pub fn today() -> chrono::NaiveDate {
    kernteam_app::domain::clock::today()
}

/// The team's planned meetings, soonest first.
pub fn planned(
    s: &mut Session,
    team: kernteam_app::domain::TeamId,
) -> Vec<kernteam_app::domain::MeetingRow> {
    let mut list: Vec<_> = s
        .meetings()
        .expect("meetings")
        .into_iter()
        .filter(|m| m.team_id == team && m.status == MeetingStatus::Gepland)
        .collect();
    list.sort_by_key(|m| m.starts_at);
    list
}

/// The day a meeting is held (Amsterdam): due dates are agreed relative to it, not to today
/// (on a summer day the next meeting is weeks away).
pub fn day_of(meeting: &kernteam_app::domain::MeetingRow) -> chrono::NaiveDate {
    kernteam_app::domain::dates::amsterdam_date(meeting.starts_at)
}

pub fn recurrence(weeks: u32) -> Recurrence {
    Recurrence {
        every_weeks: weeks,
        weekday: 2,
        time: "09:00".into(),
        first_date: today().to_string(),
        last_date: (today() + Duration::days(300)).to_string(),
        location: Some("Kamer zorgteam".into()),
    }
}

/// Everything a person would miss, as one text: casussen, meetings, every minutes version.
pub fn content(s: &mut Session) -> String {
    let casussen = s.casussen(None).expect("casussen");
    let meetings = s.meetings().expect("meetings");
    let mut minutes = Vec::new();
    for meeting in &meetings {
        minutes.push(s.minutes(meeting.id).expect("minutes"));
    }
    serde_json::to_string(&(casussen, meetings, minutes)).expect("json")
}
