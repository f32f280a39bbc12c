//! Year schedule and agenda on a real store: holidays skipped, exceptions, the consent gate
//! and open actions carried into every next meeting.

use chrono::{Datelike as _, Duration};
use kernteam_app::ErrorCode;
use kernteam_app::domain::agenda::{AgendaItemInput, AgendaKind};
use kernteam_app::domain::casus::{HulpvraagKind, Intake, SignalCategory};
use kernteam_app::domain::schedule::{Exception, Recurrence};
use kernteam_app::domain::{GezagHolderInput, MeetingStatus, NewNamedCasus, Urgency};

mod common;
use common::{day_of, demo, demo_team, planned, recurrence, today};

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
            !kernteam_app::domain::schedule::in_holiday(&calendar, region.code(), day),
            "{} is a holiday",
            p.date
        );
        assert_eq!(day.weekday(), chrono::Weekday::Tue);
    }
    assert!(
        planned(&mut s, team.id).len() >= view.planned.len(),
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
                && day_of(m).to_string() == first),
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
    let (_d, mut s, team) = demo_team("Linde");
    let upcoming = planned(&mut s, team.id);
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
    let mut items: Vec<AgendaItemInput> = draft.as_inputs();
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

#[test]
fn a_live_meeting_records_blocks_decisions_actions_and_closes_into_the_casussen() {
    use kernteam_app::domain::live::{MinuteBlock, NewAction};
    let (_d, mut s, team) = demo_team("Linde");
    let meeting = planned(&mut s, team.id)
        .into_iter()
        .next()
        .expect("next meeting");
    let err = s.start_meeting(meeting.id).expect_err("no agenda yet");
    assert_eq!(err.field.as_deref(), Some("agenda"));

    let jayden = s
        .casussen(None)
        .expect("list")
        .into_iter()
        .find(|c| c.label == "Jayden Smit")
        .expect("S-05");
    let items = vec![
        AgendaItemInput {
            kind: AgendaKind::Opening,
            casus_id: None,
            title: "Opening".into(),
            planned_minutes: 5,
            guest_name: None,
        },
        AgendaItemInput {
            kind: AgendaKind::Casus,
            casus_id: Some(jayden.id),
            title: "J.S. (klas 1 vmbo-b)".into(),
            planned_minutes: 10,
            guest_name: Some("mentor".into()),
        },
    ];
    s.save_agenda(meeting.id, &items).expect("agenda");
    let live = s.start_meeting(meeting.id).expect("start");
    assert_eq!(live.meeting.status, MeetingStatus::Bezig);
    assert!(
        !live.presence.is_empty(),
        "the team's members are listed for presence"
    );
    s.set_presence(meeting.id, live.presence[0].member_id, true)
        .expect("present");

    let item = live.items[1].id;
    let review = (day_of(&meeting) + Duration::weeks(6)).to_string();
    for facts in [
        "Geen",
        "Geen nieuw ongeoorloofd verzuim sinds de vorige keer",
    ] {
        s.save_block(
            item,
            &MinuteBlock {
                facts: facts.into(),
                analysis: "Dagelijks aanmelden werkt".into(),
                regie_organisation_id: None,
                next_review_on: Some(review.clone()),
                to_parents: "Het gaat beter; we evalueren over zes weken.".into(),
                ..MinuteBlock::default()
            },
        )
        .expect("autosave");
    }
    s.add_decision(
        meeting.id,
        Some(item),
        Some(jayden.id),
        "Leerplicht blijft regie houden",
        kernteam_app::domain::DataCategory::School,
    )
    .expect("decision");
    let leerplicht = s
        .members()
        .expect("members")
        .into_iter()
        .find_map(|m| m.organisation_id.filter(|_| m.name == "Mehmet Yilmaz"))
        .expect("LPA org");
    let vague = NewAction {
        meeting_id: meeting.id,
        agenda_item_id: Some(item),
        casus_id: Some(jayden.id),
        description: "Gesprek met ouders".into(),
        owner_member_id: None,
        owner_organisation_id: None,
        due_on: None,
        category: Default::default(),
    };
    assert_eq!(
        s.add_action(&vague).expect_err("vague").field.as_deref(),
        Some("owner")
    );
    s.add_action(&NewAction {
        owner_organisation_id: Some(leerplicht),
        due_on: Some((day_of(&meeting) + Duration::weeks(2)).to_string()),
        ..vague
    })
    .expect("action");
    s.add_spent(item, 540).expect("time");
    let live = s.live_meeting(meeting.id).expect("live");
    assert_eq!(
        live.items[1].block.as_ref().map(|b| b.facts.as_str()),
        Some("Geen nieuw ongeoorloofd verzuim sinds de vorige keer")
    );
    assert_eq!(live.items[1].spent_seconds, 540);
    assert_eq!(live.decisions.len(), 1);
    assert_eq!(live.actions.len(), 1);

    s.close_meeting(meeting.id).expect("close");
    let after = s
        .casussen(None)
        .expect("list")
        .into_iter()
        .find(|c| c.id == jayden.id)
        .expect("casus");
    assert_eq!(
        after.next_review_on.map(|d| d.to_string()),
        Some(review.clone()),
        "the block's review date goes to the casus"
    );
    assert_eq!(
        s.save_block(item, &MinuteBlock::default())
            .expect_err("closed")
            .code,
        ErrorCode::ReadOnly,
        "a closed meeting's blocks are not edited in place"
    );
}

#[test]
fn the_calendar_file_has_meetings_and_deadlines_and_no_pupil() {
    let (_d, mut s, team) = demo_team("Vlinder");
    let ics = s.schedule_ics(team.id).expect("ics");
    assert!(
        ics.matches("BEGIN:VEVENT").count() > 5,
        "meetings of the coming months"
    );
    assert!(
        ics.contains("DTSTART;VALUE=DATE:"),
        "an open action's deadline"
    );
    for pupil in [
        "Milan",
        "Bakker",
        "Daan",
        "Hoekstra",
        "Observatie",
        "Leerling A",
    ] {
        assert!(
            !ics.contains(pupil),
            "{pupil} must never be in a calendar entry"
        );
    }
}

#[test]
fn the_demo_team_meets_about_open_actions_a_new_aanmelding_and_a_closure() {
    let (_d, mut s, team) = demo_team("Linde");
    let next = planned(&mut s, team.id)[0].id;
    let draft = s.build_agenda(next, &[]).expect("agenda");
    let kinds: Vec<AgendaKind> = draft.items.iter().map(|i| i.kind).collect();
    let review = draft
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Actiereview)
        .expect("review");
    assert!(
        review.title.starts_with("2 openstaande acties"),
        "{}",
        review.title
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == AgendaKind::Nieuw).count(),
        1,
        "{kinds:?}"
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == AgendaKind::Afsluiting)
            .count(),
        1,
        "{kinds:?}"
    );
    assert!(draft.held_back.is_empty(), "{:?}", draft.held_back);
    let titles: Vec<&str> = draft.items.iter().map(|i| i.title.as_str()).collect();
    assert!(
        titles
            .iter()
            .all(|t| !t.contains("Sara") && !t.contains("Ravi")),
        "the agenda names no pupil: {titles:?}"
    );
}

#[test]
fn urgent_actions_reviews_a_closure_at_the_table_and_concept_minutes_edited_before_finalising() {
    use kernteam_app::domain::casus::{Closure, ClosureReason};
    use kernteam_app::domain::live::{MinuteBlock, NewAction, UrgentAction};
    use kernteam_app::domain::{ActionStatus, CasusStatus};
    let (_d, mut s, team) = demo_team("Linde");
    let next = planned(&mut s, team.id)[0].clone();
    let (meeting, meeting_day) = (next.id, day_of(&next));
    let casussen = s.casussen(Some(team.id)).expect("casussen");
    let by_label = |label: &str| {
        casussen
            .iter()
            .find(|c| c.label == label)
            .expect(label)
            .clone()
    };
    let (jayden, sara, ravi) = (
        by_label("Jayden Smit"),
        by_label("Sara Dekker"),
        by_label("Ravi Pinas"),
    );
    let members = s.members().expect("members");
    let sanne = members.iter().find(|m| m.name == "Sanne Kok").expect("JGZ");

    // Wednesday afternoon: the youth doctor acts at once and logs it with the real time.
    s.log_urgent_action(&UrgentAction {
        casus_id: jayden.id,
        description: "Huisbezoek afgelegd".into(),
        owner_member_id: Some(sanne.id),
        owner_organisation_id: None,
        due_on: None,
        category: kernteam_app::domain::DataCategory::Veiligheid,
    })
    .expect("urgent");
    let urgent = s
        .actions()
        .expect("actions")
        .into_iter()
        .find(|a| a.description == "Huisbezoek afgelegd")
        .expect("logged");
    assert!(urgent.urgent_logged_at.is_some(), "logged with its time");
    assert_eq!(
        urgent.category,
        kernteam_app::domain::DataCategory::Veiligheid,
        "marked as safety, it goes only where safety is released"
    );
    assert_eq!(urgent.agreed_on, None, "not agreed in a meeting");
    assert_eq!(
        urgent.owner_organisation_id, sanne.organisation_id,
        "the person's organisation owns it with them"
    );
    assert_eq!(
        urgent.owner.as_deref(),
        Some("Sanne Kok (GGD JGZ (fictief))")
    );
    let draft = s.build_agenda(meeting, &[]).expect("agenda");
    let review = draft
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Actiereview)
        .expect("review");
    assert!(
        review.title.starts_with("3 openstaande acties") && review.title.contains("1 urgent"),
        "flagged on the next agenda: {}",
        review.title
    );
    let inputs: Vec<AgendaItemInput> = draft.as_inputs();
    s.save_agenda(meeting, &inputs).expect("save");
    let live = s.start_meeting(meeting).expect("start");
    assert_eq!(live.review.len(), 3);
    let item_of = |kind: AgendaKind| live.items.iter().find(|i| i.kind == kind).expect("item").id;
    let review_item = item_of(AgendaKind::Actiereview);
    for a in &live.review {
        s.review_action(
            meeting,
            review_item,
            a.id,
            ActionStatus::Gedaan,
            Some("afgerond"),
        )
        .expect("review");
    }
    let live = s.live_meeting(meeting).expect("live");
    assert!(live.review.is_empty(), "all three resolved");
    assert_eq!(
        live.decisions
            .iter()
            .filter(|d| d.agenda_item_id == Some(review_item))
            .count(),
        3,
        "each review is a line in the minutes"
    );

    // The new aanmelding gets two actions, one owned by a person at the table.
    let new_item = item_of(AgendaKind::Nieuw);
    let due = (meeting_day + Duration::weeks(3)).to_string();
    for (what, member, org) in [
        ("Gesprek met Sara en ouders", Some(sanne.id), None),
        ("Observatie in de klas", None, sanne.organisation_id),
    ] {
        s.add_action(&NewAction {
            meeting_id: meeting,
            agenda_item_id: Some(new_item),
            casus_id: Some(sara.id),
            description: what.into(),
            owner_member_id: member,
            owner_organisation_id: org,
            due_on: Some(due.clone()),
            category: Default::default(),
        })
        .expect("action");
    }
    // The closure candidate is closed at the table; the decision is in its item.
    let closing_item = item_of(AgendaKind::Afsluiting);
    s.close_casus_in_meeting(
        meeting,
        closing_item,
        ravi.id,
        &Closure {
            closed_on: today().to_string(),
            reason: ClosureReason::DoelBereikt,
            outcome: "Ravi komt weer op tijd".into(),
            left_school_on: None,
        },
    )
    .expect("closure");
    let ravi_now = s
        .casussen(Some(team.id))
        .expect("list")
        .into_iter()
        .find(|c| c.id == ravi.id)
        .expect("ravi");
    assert_eq!(ravi_now.status, CasusStatus::Afgesloten);
    let err = s
        .close_casus_in_meeting(
            meeting,
            new_item,
            sara.id,
            &Closure {
                closed_on: today().to_string(),
                reason: ClosureReason::GeenRolKernteam,
                outcome: "Past beter bij de mentor".into(),
                left_school_on: None,
            },
        )
        .expect_err("two open actions");
    assert_eq!(err.code, ErrorCode::OpenActions);

    s.close_meeting(meeting).expect("close");
    let minutes = s.minutes(meeting).expect("minutes");
    let concept = &minutes[0].body;
    let index = concept
        .items
        .iter()
        .position(|i| i.casus_id == Some(sara.id))
        .expect("Sara's block");
    assert_eq!(concept.items[index].actions.len(), 2);
    assert!(
        concept.items.iter().any(|i| i
            .decisions
            .iter()
            .any(|d| d.starts_with("Casus afgesloten: doel bereikt"))),
        "{concept:?}"
    );
    // What the review said about Jayden's actions is in Jayden's item; the review item
    // itself names only initials and class.
    let jayden_item = concept
        .items
        .iter()
        .find(|i| i.casus_id == Some(jayden.id))
        .expect("Jayden's item");
    assert_eq!(
        jayden_item
            .decisions
            .iter()
            .filter(|d| d.starts_with("Actie besproken: ") && d.ends_with("afgerond"))
            .count(),
        3,
        "{jayden_item:?}"
    );
    let review_minutes = concept
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Actiereview.label())
        .expect("review item");
    assert_eq!(
        review_minutes.decisions,
        vec!["Acties besproken bij: J.S. (klas 1 vmbo-b) (3)".to_owned()]
    );
    // The chair corrects a typo in the concept, then finalises; then it is locked.
    let block = MinuteBlock {
        facts: "Sara eet weer mee in de pauze.".into(),
        ..MinuteBlock::default()
    };
    s.edit_concept_block(meeting, index as u32, &block)
        .expect("concept edit");
    assert_eq!(
        s.minutes(meeting).expect("minutes")[0].body.items[index]
            .block
            .as_ref()
            .map(|b| b.facts.as_str()),
        Some("Sara eet weer mee in de pauze.")
    );
    assert!(
        s.edit_concept_block(meeting, 0, &block).is_err(),
        "the opening has no casus block"
    );
    s.finalise_minutes(meeting).expect("finalise");
    assert_eq!(
        s.edit_concept_block(meeting, index as u32, &MinuteBlock::default())
            .expect_err("locked")
            .code,
        ErrorCode::ReadOnly
    );
}
