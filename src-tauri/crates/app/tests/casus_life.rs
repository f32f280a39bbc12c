//! The shared scenarios as the casus screen shows them, and the casus use cases with bad
//! input, on a real encrypted store in a TempDir.

use kernteam_app::domain::casus::{Closure, ClosureReason, HulpvraagKind, Intake, SignalCategory};
use kernteam_app::domain::clock;
use kernteam_app::domain::consent::{ConsentStatus, Giver};
use kernteam_app::domain::verzuim::ThuiszitterBand;
use kernteam_app::domain::{
    ActionStatus, CasusDossier, CasusSummary, ConsentMethod, DataCategory, GezagHolderInput,
    NewAnonymousCasus, NewConsent, NewNamedCasus, NewSignal, NoteDraft, NoteId, NoteKind,
    OrganisationKind, TimelineKind, Urgency,
};
use kernteam_app::{ErrorCode, Session};

mod common;
use chrono::{Datelike as _, Duration};
use kernteam_domain::date;

/// The day these tests live on (the one clock is fixed at it), and the demo with it. Where
/// the scenarios' dates land on that day's school calendar is the demo's business: the tests
/// check what each scenario states, not the dates it lands on.
const DAY: chrono::NaiveDate = date!(2026 - 11 - 22);

fn day(iso: Option<&str>) -> chrono::NaiveDate {
    iso.and_then(kernteam_app::domain::dates::parse_iso)
        .unwrap_or_else(|| panic!("a date, not {iso:?}"))
}

fn session() -> (tempfile::TempDir, Session) {
    common::empty()
}

fn demo() -> (clock::FixedClock, tempfile::TempDir, Session) {
    let today = clock::fixed_on(DAY);
    let (dir, mut s) = session();
    s.load_demo().expect("demo");
    (today, dir, s)
}

fn find(session: &mut Session, label: &str) -> CasusSummary {
    session
        .casussen(None)
        .expect("list")
        .into_iter()
        .find(|c| c.label == label)
        .unwrap_or_else(|| panic!("{label} in the demo"))
}

fn dossier(session: &mut Session, label: &str) -> CasusDossier {
    let id = find(session, label).id;
    session.dossier(id).expect("dossier")
}

#[test]
fn s01_consent_of_two_parents_and_the_pupil_and_closure_with_retention() {
    let (_today, _d, mut s) = demo();
    let noor = dossier(&mut s, "Noor Verbeek");
    let consent = noor.consent.expect("named casus has consent");
    assert_eq!(consent.holders.len(), 2, "moeder and vader have gezag");
    assert_eq!(
        consent.records[0].givers.len(),
        3,
        "12–15: both parents and the pupil"
    );
    assert_eq!(consent.status, ConsentStatus::Volledig);
    let closure = noor.closure.expect("S-01 closed");
    assert_eq!(closure.reason, ClosureReason::DoelBereikt);
    let closed_on = closure.closed_on;
    assert_eq!(
        closure.retention_until.expect("a retention date"),
        closed_on
            .with_year(closed_on.year() + 2)
            .expect("a day two years on"),
        "two years after the closure (the later of closure and leaving school)"
    );
    assert!(noor.read_only, "a closed casus is read-only");
    assert!(
        noor.verzuim
            .weeks
            .iter()
            .map(|w| w.authorised_hours)
            .sum::<u32>()
            == 14,
        "the intake snapshot holds the 14 authorised hours of four weeks"
    );
}

#[test]
fn s02_one_parent_with_eenhoofdig_gezag_is_enough_for_a_pupil_of_nine() {
    let (_today, _d, mut s) = demo();
    let daan = dossier(&mut s, "Daan Hoekstra");
    let consent = daan.consent.expect("consent");
    assert_eq!(consent.holders.len(), 1);
    assert_eq!(consent.status, ConsentStatus::Volledig);
    assert_eq!(
        daan.intake.hulpvraag_domain,
        Some(SignalCategory::Thuissituatie)
    );
    assert!(
        daan.routes
            .iter()
            .any(|r| r.category == SignalCategory::Thuissituatie && r.first_partner == "cjg"),
        "the routekaart suggests the CJG for a home signal"
    );
}

#[test]
fn s04_is_converted_with_its_anonymous_history_linked() {
    let (_today, _d, mut s) = demo();
    let milan = dossier(&mut s, "Milan Bakker");
    let anonymous_id = milan
        .converted_from
        .expect("converted from the consultation");
    let anonymous = s.dossier(anonymous_id).expect("consultation");
    assert_eq!(anonymous.converted_to, Some(milan.summary.id));
    assert!(
        anonymous.birth_date.is_none(),
        "no birth date stored anonymously"
    );
    assert_eq!(anonymous.summary.class_name, None, "no exact class stored");
    assert_eq!(
        anonymous.closure.map(|c| c.reason),
        Some(ClosureReason::OmgezetNaarBenoemd)
    );
    assert!(
        milan
            .signals
            .iter()
            .any(|x| x.from_anonymous && x.description.contains("vechtpartijen")),
        "the signal of the consultation shows on the named casus"
    );
    assert!(
        milan.notes.iter().any(|n| n.from_anonymous),
        "the advice given anonymously is part of the history"
    );
    assert!(
        milan
            .timeline
            .iter()
            .any(|t| t.kind == TimelineKind::Status && t.text.contains("Omgezet")),
        "the conversion is on the timeline"
    );
    assert_eq!(
        milan.consent.expect("consent").status,
        ConsentStatus::Volledig
    );
}

#[test]
fn s05_meldplicht_is_reached_and_the_duo_date_is_the_schools() {
    let (_today, _d, mut s) = demo();
    let jayden = dossier(&mut s, "Jayden Smit");
    let reached = jayden.verzuim.meldplicht_week.expect("the meldplicht week");
    let counted: Vec<_> = jayden
        .verzuim
        .weeks
        .iter()
        .filter(|w| w.unauthorised_hours > 0)
        .collect();
    assert_eq!(
        counted.iter().map(|w| w.unauthorised_hours).sum::<u32>(),
        16,
        "16 lesuren ongeoorloofd"
    );
    assert!(
        counted.iter().all(|w| !w.holiday),
        "no hours in a holiday week"
    );
    assert_eq!(
        counted
            .last()
            .map(|w| w.week_start)
            .expect("a counted week"),
        reached,
        "reached in the week that brings the four school weeks to 16"
    );
    let reported = day(jayden.verzuim.facts.duo_reported_on.as_deref());
    let deadline = jayden.verzuim.duo_deadline.expect("a DUO deadline");
    assert!(
        reached <= reported && reported <= deadline,
        "the school reported on {reported}, within 5 working days of {reached}"
    );
    assert_eq!(
        jayden.verzuim.hour_unit.code(),
        "lesuren",
        "VO counts lesson hours"
    );
    assert!(jayden.verzuim.duo_deadline.is_some());
}

#[test]
fn s06_is_a_thuiszitter_for_more_than_three_months_with_both_reminders() {
    let (_today, _d, mut s) = demo();
    let lotte = dossier(&mut s, "Lotte Jansen");
    let absent_since = day(lotte.verzuim.facts.absent_since.as_deref());
    let ThuiszitterBand::LangerDanDrieMaanden { since } = &lotte.verzuim.band else {
        panic!(
            "S-06 is at home for more than three months: {:?}",
            lotte.verzuim.band
        );
    };
    let three_months = *since;
    assert!(
        (89..=92).contains(&(three_months - absent_since).num_days()),
        "the band starts three calendar months after {absent_since}: {three_months}"
    );
    assert!(three_months <= DAY, "and has started by today");
    let reminder_days: Vec<String> = lotte
        .verzuim
        .reminders
        .iter()
        .map(|r| r.on.to_string())
        .collect();
    assert_eq!(
        reminder_days,
        [
            (absent_since + Duration::weeks(4)).to_string(),
            three_months.to_string()
        ],
        "at 4 weeks and at 3 months"
    );
    assert_eq!(
        lotte.verzuim.facts.exemption_5a_from, None,
        "no 5a exemption"
    );
    assert_eq!(lotte.verzuim.exemption_5a_until, None);
}

fn new_casus(team: kernteam_app::domain::TeamId, holders: &[GezagHolderInput]) -> NewNamedCasus {
    NewNamedCasus {
        team_id: team,
        given_name: "Sem".into(),
        family_name: "de Wit".into(),
        birth_date: "2012-03-01".into(),
        class_name: "1B".into(),
        gezag_holders: holders.to_vec(),
        hulpvraag: "Stagnerende ontwikkeling".into(),
        urgency: Urgency::Hoog,
        intake: Intake {
            inbrenger: "mentor".into(),
            hulpvraag_kind: Some(HulpvraagKind::Leervraag),
            hulpvraag_domain: Some(SignalCategory::Ontwikkeling),
            pupil_view: "Ik snap wiskunde niet meer.".into(),
            ..Intake::default()
        },
        signals: vec![NewSignal {
            observed_on: "2026-10-01".into(),
            source: "mentor".into(),
            category: SignalCategory::Ontwikkeling,
            description: "cijfers dalen sterk".into(),
        }],
        sibling_of: None,
        family_note: None,
    }
}

fn holder(label: &str) -> GezagHolderInput {
    GezagHolderInput {
        id: uuid::Uuid::now_v7().to_string(),
        label: label.into(),
        has_gezag: true,
    }
}

#[test]
fn consent_from_one_of_two_parents_shows_who_is_missing() {
    let (_today, _d, mut s) = demo();
    let team = s.teams().expect("teams")[0].id;
    let (moeder, vader) = (holder("moeder"), holder("vader"));
    let casus = s
        .create_casus(&new_casus(team, &[moeder.clone(), vader.clone()]))
        .expect("intake");
    s.add_consent(
        casus.id,
        &NewConsent {
            given_on: "2026-11-02".into(),
            givers: vec![Giver::Holder(moeder.id)],
            scope_organisations: vec![OrganisationKind::School, OrganisationKind::Swv],
            scope_categories: vec![DataCategory::School],
            method: ConsentMethod::Formulier,
            recorded_by: None,
            valid_until: None,
        },
    )
    .expect("consent");
    let d = s.dossier(casus.id).expect("dossier");
    assert_eq!(
        d.consent.expect("consent").status,
        ConsentStatus::Onvolledig {
            missing: vec!["vader".into(), "de leerling".into()],
            missing_givers: vec![Giver::Holder(vader.id), Giver::Pupil],
        }
    );
    assert_eq!(d.signals.len(), 1, "the intake's signal is recorded");
}

#[test]
fn bad_intake_input_changes_nothing() {
    let (_today, _d, mut s) = demo();
    let team = s.teams().expect("teams")[0].id;
    let before = s.casussen(None).expect("list").len();
    let future = NewNamedCasus {
        birth_date: "2030-01-01".into(),
        ..new_casus(team, &[holder("moeder")])
    };
    let err = s
        .create_casus(&future)
        .expect_err("birth date in the future");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("birthDate"))
    );
    assert!(err.message.contains("toekomst"), "{}", err.message);
    let orphan = new_casus(team, &[]);
    let err = s
        .create_casus(&orphan)
        .expect_err("no one with gezag under 16");
    assert_eq!(err.field.as_deref(), Some("gezagHolders"));
    let id = find(&mut s, "Daan Hoekstra").id;
    let err = s
        .add_consent(
            id,
            &NewConsent {
                given_on: "2026-11-02".into(),
                givers: vec![],
                scope_organisations: vec![OrganisationKind::School],
                scope_categories: vec![],
                method: ConsentMethod::Formulier,
                recorded_by: None,
                valid_until: None,
            },
        )
        .expect_err("consent without a giver");
    assert_eq!(err.field.as_deref(), Some("givers"));
    assert_eq!(
        s.casussen(None).expect("list").len(),
        before,
        "nothing saved"
    );
}

/// Issue 12: the intake's check holds for every text written into an anonymous casus later —
/// notes, urgent actions, decisions — with the same message, and nothing is saved.
#[test]
fn every_text_of_an_anonymous_casus_refuses_what_identifies_the_pupil() {
    let (_today, _d, mut s) = demo();
    let team = s.teams().expect("teams")[0].id;
    let casus = s
        .create_anonymous_casus(&NewAnonymousCasus {
            team_id: team,
            pseudonym: "Leerling C, leerjaar 1".into(),
            reason: "ouders weigeren toestemming".into(),
            hulpvraag: "Conflicten in de pauzes".into(),
            hulpvraag_kind: Some(HulpvraagKind::Leefvraag),
            hulpvraag_domain: Some(SignalCategory::Gedrag),
            urgency: Urgency::Normaal,
            signals: vec![],
        })
        .expect("anonymous casus")
        .id;
    let note = NoteDraft {
        id: NoteId::new(),
        casus_id: casus,
        kind: NoteKind::Voorbereiding,
        category: DataCategory::School,
        facts: "Moeder belde vanaf 06-12345678".into(),
        opinions: String::new(),
    };
    let err = s.save_note(&note).expect_err("a phone number in a note");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("facts"))
    );
    assert!(err.message.contains("06-12345678"), "{}", err.message);
    let err = s
        .save_note(&NoteDraft {
            facts: "Speelt vaak met Jayden".into(),
            ..note.clone()
        })
        .expect_err("a known pupil in a note");
    assert!(err.message.contains("bekende leerling"), "{}", err.message);
    let organisation = s.organisations().expect("organisations")[0].id;
    let err = s
        .log_urgent_action(&kernteam_app::domain::live::UrgentAction {
            casus_id: casus,
            description: "Sophie ophalen bij de poort".into(),
            owner_member_id: None,
            owner_organisation_id: Some(organisation),
            due_on: None,
            category: kernteam_app::domain::DataCategory::School,
        })
        .expect_err("a first name in an action");
    assert_eq!(err.field.as_deref(), Some("description"));
    let meeting = s.meetings().expect("meetings")[0].id;
    let err = s
        .add_decision(
            meeting,
            None,
            Some(casus),
            "Gesprek met Sophie en moeder",
            DataCategory::School,
        )
        .expect_err("a first name in a decision");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("text"))
    );
    // The intake's every text, its concerns included, and the closure's outcome.
    let mut intake = s.dossier(casus).expect("dossier").intake;
    intake.pupil_view = "Wil meer rust in de pauze".into();
    intake.concerns.push(kernteam_app::domain::casus::Concern {
        category: SignalCategory::Gedrag,
        text: "Ruzie met Jayden op het plein".into(),
    });
    let err = s
        .update_intake(casus, &intake)
        .expect_err("a known pupil in a concern");
    assert_eq!(err.field.as_deref(), Some("intake"));
    intake.concerns.clear();
    intake.tried_effect = "Beter sinds mentor Sophie belde".into();
    let err = s
        .update_intake(casus, &intake)
        .expect_err("a first name in the effect");
    assert_eq!(err.field.as_deref(), Some("intake"));
    let err = s
        .close_casus(
            casus,
            &Closure {
                closed_on: clock::today().to_string(),
                reason: ClosureReason::DoelBereikt,
                outcome: "Sophie gaat weer graag naar school".into(),
                left_school_on: None,
            },
        )
        .expect_err("a first name in the outcome");
    assert_eq!(err.field.as_deref(), Some("outcome"));
    let dossier = s.dossier(casus).expect("dossier");
    assert!(dossier.notes.is_empty(), "no note saved");
    assert!(dossier.actions.is_empty(), "no action saved");
    assert!(dossier.closure.is_none(), "not closed");
    assert!(dossier.intake.concerns.is_empty() && dossier.intake.tried_effect.is_empty());
    intake.tried_effect = "Beter sinds de mentor belde".into();
    s.update_intake(casus, &intake)
        .expect("what does not identify is saved");
    s.save_note(&NoteDraft {
        facts: "Conflicten op het plein, vooral na de gymles".into(),
        ..note
    })
    .expect("what does not identify is saved");
}

#[test]
fn an_anonymous_consultation_refuses_a_name_and_takes_a_pseudonym() {
    let (_today, _d, mut s) = demo();
    let team = s.teams().expect("teams")[0].id;
    let before = s.casussen(None).expect("list").len();
    let input = NewAnonymousCasus {
        team_id: team,
        pseudonym: "Leerling B, leerjaar 2".into(),
        reason: "ouders weigeren toestemming".into(),
        hulpvraag: "Gesprek met Sophie over de pauzes".into(),
        hulpvraag_kind: Some(HulpvraagKind::Leefvraag),
        hulpvraag_domain: Some(SignalCategory::Gedrag),
        urgency: Urgency::Normaal,
        signals: vec![],
    };
    let err = s.create_anonymous_casus(&input).expect_err("a first name");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Validation, Some("hulpvraag"))
    );
    assert!(err.message.contains("Sophie"), "{}", err.message);
    let known = NewAnonymousCasus {
        hulpvraag: "Zelfde klas als Jayden".into(),
        ..input.clone()
    };
    assert!(
        s.create_anonymous_casus(&known)
            .expect_err("a known pupil")
            .message
            .contains("bekende leerling")
    );
    assert_eq!(
        s.casussen(None).expect("list").len(),
        before,
        "nothing saved"
    );
    let fine = NewAnonymousCasus {
        hulpvraag: "Conflicten in de pauzes; hoe begeleidt school dit?".into(),
        ..input
    };
    let created = s.create_anonymous_casus(&fine).expect("anonymous");
    assert_eq!(created.label, "Leerling B, leerjaar 2");
    assert_eq!(
        s.check_anonymous_text("bel 06-12345678")
            .expect("check")
            .len(),
        1,
        "the live check finds a phone number"
    );
}

#[test]
fn notes_need_a_profile_stay_private_and_autosave_in_place() {
    let (_today, _d, mut s) = demo();
    let id = find(&mut s, "Jayden Smit").id;
    let mut note = NoteDraft {
        id: NoteId::new(),
        casus_id: id,
        kind: NoteKind::Voorbereiding,
        category: DataCategory::Verzuim,
        facts: "Drie keer te laat deze week".into(),
        opinions: "Lijkt op slaapritme".into(),
    };
    // The demo makes the first chair the profile; a fresh install has none.
    let me = s.profile().expect("profile").expect("demo sets a profile");
    s.save_note(&note).expect("autosave");
    note.facts.push_str(", maandag en dinsdag");
    s.save_note(&note).expect("autosave again");
    let d = s.dossier(id).expect("dossier");
    let mine: Vec<_> = d.notes.iter().filter(|n| n.id == note.id).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        mine[0].facts,
        "Drie keer te laat deze week, maandag en dinsdag"
    );
    assert_eq!(mine[0].author_id, Some(me));
    let other = s
        .members()
        .expect("members")
        .into_iter()
        .find(|m| m.id != me)
        .expect("another member");
    s.set_profile(other.id).expect("switch profile");
    let d = s.dossier(id).expect("dossier");
    assert!(
        d.notes.iter().all(|n| n.id != note.id),
        "another member never sees a private preparation note"
    );
    assert!(
        s.search("slaapritme").expect("search").is_empty(),
        "nor finds it"
    );
    let err = s.save_note(&note).expect_err("not the author");
    assert_eq!(err.code, ErrorCode::NotAuthor);
}

#[test]
fn closing_resolves_actions_first_then_the_casus_is_read_only() {
    let (_today, _d, mut s) = demo();
    let milan = dossier(&mut s, "Milan Bakker");
    let closure = Closure {
        closed_on: DAY.to_string(),
        reason: ClosureReason::LeerlingVerlaatSchool,
        outcome: "Regulier VO, warme overdracht gedaan".into(),
        left_school_on: Some((DAY + Duration::days(30)).to_string()),
    };
    let open: Vec<_> = milan
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open)
        .collect();
    assert!(!open.is_empty(), "S-04 has open actions in December");
    let err = s
        .close_casus(milan.summary.id, &closure)
        .expect_err("open actions");
    assert_eq!(err.code, ErrorCode::OpenActions);
    for a in open {
        s.resolve_action(a.id, ActionStatus::Gedaan, Some("gedaan"))
            .expect("resolve");
    }
    s.close_casus(milan.summary.id, &closure).expect("close");
    let closed = s.dossier(milan.summary.id).expect("dossier");
    assert!(closed.read_only);
    assert_eq!(
        closed.closure.and_then(|c| c.retention_until),
        Some(
            (DAY + Duration::days(30))
                .with_year(DAY.year() + 2)
                .expect("date")
        ),
        "two years after leaving school, which is later than closure"
    );
    let err = s
        .add_signal(
            milan.summary.id,
            &NewSignal {
                observed_on: DAY.to_string(),
                source: "mentor".into(),
                category: SignalCategory::Gedrag,
                description: "na afsluiten".into(),
            },
        )
        .expect_err("read-only");
    assert_eq!(err.code, ErrorCode::ReadOnly);
}

#[test]
fn vandaag_reminds_of_a_thuiszitter_at_four_weeks_with_initials_only() {
    let (_today, _d, mut s) = demo();
    let today = clock::today();
    let team = s.teams().expect("teams")[0].id;
    let casus = s
        .create_casus(&new_casus(team, &[holder("moeder")]))
        .expect("intake");
    s.set_attendance(&kernteam_app::domain::AttendanceInput {
        casus_id: casus.id,
        facts: kernteam_app::domain::verzuim::AttendanceFacts {
            absent_since: Some((today - Duration::weeks(4)).to_string()),
            ..Default::default()
        },
    })
    .expect("attendance");
    let reminders = s.overview().expect("overview").reminders;
    let mine: Vec<_> = reminders
        .iter()
        .filter(|r| r.casus_id == casus.id)
        .collect();
    assert_eq!(mine.len(), 1, "{reminders:?}");
    assert_eq!(mine[0].on, today);
    assert!(mine[0].text.contains("4 weken"), "{}", mine[0].text);
    assert_eq!(
        mine[0].initials, "S.W.",
        "Vandaag shows initials, never the name"
    );
}
