//! Year schedule and agenda on a real store: holidays skipped, exceptions, the consent gate
//! and open actions carried into every next meeting.

use kernteam_app::domain::agenda::{AgendaItemInput, AgendaKind};
use kernteam_app::domain::casus::{HulpvraagKind, Intake, SignalCategory};
use kernteam_app::domain::schedule::{Exception, Recurrence};
use kernteam_app::domain::{GezagHolderInput, MeetingStatus, NewNamedCasus, Urgency};
use kernteam_app::{DataDir, ErrorCode, Session, SetupRequest};
use time::Duration;

fn demo() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::new(DataDir::new(dir.path().join("data")));
    s.setup(&SetupRequest {
        passphrase: "fiets regen koffie tafel".into(),
        use_keyring: false,
    })
    .expect("setup");
    s.load_demo().expect("demo");
    (dir, s)
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn recurrence(weeks: u32) -> Recurrence {
    Recurrence {
        every_weeks: weeks,
        weekday: 2,
        time: "09:00".into(),
        first_date: today().to_string(),
        last_date: (today() + Duration::days(300)).to_string(),
        location: Some("Kamer zorgteam".into()),
    }
}

#[test]
fn the_schedule_skips_holidays_and_makes_the_meetings() {
    let (_d, mut s) = demo();
    let team = s.teams().expect("teams")[0].clone();
    let view = s
        .set_schedule(team.id, &recurrence(1), &[])
        .expect("schedule");
    let calendar = s.holiday_calendar().expect("holidays");
    let region = s
        .schools()
        .expect("schools")
        .into_iter()
        .find(|x| x.id == team.school_id)
        .expect("school")
        .holiday_region;
    assert!(view.planned.len() > 20, "weekly for ten months");
    for p in &view.planned {
        let day = kernteam_app::domain::dates::parse_iso(&p.date).expect("date");
        assert!(
            !kernteam_app::domain::schedule::in_holiday(&calendar, &region, day),
            "{} is a holiday",
            p.date
        );
        assert_eq!(day.weekday(), time::Weekday::Tuesday);
    }
    let planned_meetings = |s: &mut Session| {
        s.meetings()
            .expect("meetings")
            .into_iter()
            .filter(|m| m.team_id == team.id && m.status == MeetingStatus::Gepland)
            .count()
    };
    assert!(
        planned_meetings(&mut s) >= view.planned.len(),
        "a meeting per planned date"
    );
    let first = view.planned[0].date.clone();
    let cancelled = s
        .set_schedule(
            team.id,
            &recurrence(1),
            &[Exception::Cancelled {
                original: first.clone(),
            }],
        )
        .expect("cancel one");
    assert!(cancelled.planned.iter().all(|p| p.date != first));
    assert!(
        s.meetings()
            .expect("meetings")
            .iter()
            .any(|m| m.team_id == team.id
                && m.status == MeetingStatus::Geannuleerd
                && m.starts_at.starts_with(&first)),
        "the cancelled date is kept as cancelled, never deleted"
    );
    let err = s
        .set_schedule(
            team.id,
            &Recurrence {
                weekday: 7,
                ..recurrence(1)
            },
            &[],
        )
        .expect_err("sunday");
    assert_eq!(err.field.as_deref(), Some("weekday"));
}

#[test]
fn the_consent_gate_and_open_actions_in_the_next_two_meetings() {
    let (_d, mut s) = demo();
    let team = s
        .teams()
        .expect("teams")
        .into_iter()
        .find(|t| t.name.contains("Linde"))
        .expect("De Linde");
    s.set_schedule(team.id, &recurrence(3), &[])
        .expect("schedule");
    let mut upcoming: Vec<_> = s
        .meetings()
        .expect("meetings")
        .into_iter()
        .filter(|m| m.team_id == team.id && m.status == MeetingStatus::Gepland)
        .collect();
    upcoming.sort_by(|a, b| a.starts_at.cmp(&b.starts_at));
    let (next, after) = (upcoming[0].id, upcoming[1].id);

    // An open action of an earlier meeting is reviewed in the next meeting and the one after.
    for meeting in [next, after] {
        let draft = s.build_agenda(meeting, &[]).expect("agenda");
        let review = draft
            .items
            .iter()
            .find(|i| i.kind == AgendaKind::Actiereview)
            .expect("review section");
        assert!(
            review.title.contains("openstaande acties"),
            "{}",
            review.title
        );
    }

    // A new casus without consent cannot go on the agenda.
    let casus = s
        .create_casus(&NewNamedCasus {
            team_id: team.id,
            given_name: "Sem".into(),
            family_name: "de Wit".into(),
            birth_date: "2012-03-01".into(),
            class_name: "1B".into(),
            gezag_holders: vec![GezagHolderInput {
                id: uuid::Uuid::now_v7().to_string(),
                label: "moeder".into(),
                has_gezag: true,
            }],
            hulpvraag: "Stagnerende ontwikkeling".into(),
            urgency: Urgency::Normaal,
            intake: Intake {
                inbrenger: "mentor".into(),
                hulpvraag_kind: Some(HulpvraagKind::Leervraag),
                hulpvraag_domain: Some(SignalCategory::Ontwikkeling),
                pupil_view: "Ik snap het niet meer.".into(),
                ..Intake::default()
            },
            signals: vec![],
            sibling_of: None,
            family_note: None,
        })
        .expect("intake");
    let draft = s
        .build_agenda(next, &["Samenwerking met de huisartsen".into()])
        .expect("agenda");
    assert!(
        draft.held_back.iter().any(|h| h.casus_id == casus.id),
        "held back for consent"
    );
    assert!(draft.items.iter().all(|i| i.casus_id != Some(casus.id)));
    assert!(draft.items.iter().any(|i| i.kind == AgendaKind::Thema));
    let mut items: Vec<AgendaItemInput> = draft
        .items
        .iter()
        .map(|i| AgendaItemInput {
            kind: i.kind,
            casus_id: i.casus_id,
            title: i.title.clone(),
            planned_minutes: i.planned_minutes,
            guest_name: None,
        })
        .collect();
    let saved = s.save_agenda(next, &items).expect("save");
    assert_eq!(saved.len(), items.len());
    items.push(AgendaItemInput {
        kind: AgendaKind::Nieuw,
        casus_id: Some(casus.id),
        title: "S.W. (1B)".into(),
        planned_minutes: 15,
        guest_name: Some("mentor".into()),
    });
    let err = s.save_agenda(next, &items).expect_err("no consent");
    assert_eq!(err.code, ErrorCode::ConsentRequired);
    assert_eq!(
        s.agenda(next).expect("agenda").len(),
        saved.len(),
        "nothing changed"
    );
}
