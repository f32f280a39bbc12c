//! The use cases end to end on a real store in a TempDir: what the shell and the CLI rely on.

use kernteam_app::domain::casus::{HulpvraagKind, Intake, SignalCategory};
use kernteam_app::domain::{
    GezagHolderInput, NewMember, NewNamedCasus, NewSchoolWithTeam, OrganisationKind, Role,
    SchoolKind, Urgency,
};
use kernteam_app::{
    DataDir, ErrorCode, Preferences, Session, SetupRequest, StoreState, UnlockRequest,
};

const PASS: &str = "fiets regen koffie tafel";

fn new_session() -> (tempfile::TempDir, Session, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = Session::new(DataDir::new(dir.path().join("data")));
    assert_eq!(session.status().state, StoreState::New);
    // No keyring here: the keyring path is covered under `cargo xtask test`'s private keyring.
    let outcome = session
        .setup(&SetupRequest {
            passphrase: PASS.into(),
            use_keyring: false,
        })
        .expect("setup");
    (dir, session, outcome.recovery_key)
}

fn team(session: &mut Session) -> kernteam_app::domain::Team {
    session
        .create_school_with_team(&NewSchoolWithTeam {
            school_name: "  VO-school De Linde (fictief) ".into(),
            school_kind: SchoolKind::Vo,
            region: None,
            holiday_region: "noord".into(),
            team_name: "Kernteam De Linde".into(),
            cadence: Some("elke 3 weken".into()),
        })
        .expect("school and team")
}

fn casus_input(team: &kernteam_app::domain::Team) -> NewNamedCasus {
    NewNamedCasus {
        team_id: team.id,
        given_name: "Noor".into(),
        family_name: "Verbeek".into(),
        birth_date: "2011-05-12".into(),
        class_name: "klas 2 vmbo-t".into(),
        hulpvraag: "Veel ziekmeldingen op maandag".into(),
        urgency: Urgency::Normaal,
        gezag_holders: vec![GezagHolderInput {
            id: uuid::Uuid::now_v7().to_string(),
            label: "moeder".into(),
            has_gezag: true,
        }],
        intake: Intake {
            inbrenger: "mentor".into(),
            hulpvraag_kind: Some(HulpvraagKind::Leefvraag),
            hulpvraag_domain: Some(SignalCategory::Verzuim),
            pupil_view: "Maandag is zwaar.".into(),
            ..Intake::default()
        },
        signals: vec![],
        sibling_of: None,
        family_note: None,
    }
}

#[test]
fn setup_lock_and_unlock_with_passphrase_or_recovery_key() {
    let (_dir, mut session, recovery) = new_session();
    let team = team(&mut session);
    assert_eq!(
        team.school_name, "VO-school De Linde (fictief)",
        "names are trimmed"
    );
    session.create_casus(&casus_input(&team)).expect("casus");
    let status = session.status();
    assert_eq!(status.state, StoreState::Unlocked);
    assert!(status.has_passphrase_slot && status.has_recovery_slot && !status.has_keyring_slot);

    session.lock();
    assert_eq!(session.status().state, StoreState::Locked);
    let locked = session
        .casussen(None)
        .expect_err("locked sessions refuse reads");
    assert_eq!(locked.code, ErrorCode::Locked);

    let wrong = session
        .unlock(&UnlockRequest::Passphrase {
            passphrase: "niet het wachtwoord".into(),
        })
        .expect_err("wrong passphrase");
    assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
    assert!(wrong.message.contains("klopt niet"), "{}", wrong.message);

    session
        .unlock(&UnlockRequest::Passphrase {
            passphrase: PASS.into(),
        })
        .expect("passphrase");
    assert_eq!(session.casussen(None).expect("list").len(), 1);
    session.lock();

    let typed = recovery.to_lowercase().replace('-', " ");
    session
        .unlock(&UnlockRequest::RecoveryKey {
            recovery_key: typed,
        })
        .expect("recovery key as typed");
    assert_eq!(
        session.casussen(None).expect("list")[0].label,
        "Noor Verbeek"
    );

    let malformed = {
        session.lock();
        session
            .unlock(&UnlockRequest::RecoveryKey {
                recovery_key: "ABCD".into(),
            })
            .expect_err("too short")
    };
    assert_eq!(malformed.code, ErrorCode::WrongPassphrase);
    assert_eq!(malformed.field.as_deref(), Some("recoveryKey"));
}

#[test]
fn after_a_lock_only_a_secret_the_person_knows_unlocks() {
    let (dir, mut session, _) = new_session();
    session.lock();
    let status = session.status();
    assert!(
        !status.keyring_unlock_allowed,
        "the unlock screen offers no keyring after a lock"
    );
    let err = session
        .unlock(&UnlockRequest::Keyring)
        .expect_err("the keyring needs no secret: not after a lock");
    assert_eq!(err.code, ErrorCode::SecretRequired, "{}", err.message);
    assert!(err.message.contains("wachtwoord"), "{}", err.message);
    session
        .unlock(&UnlockRequest::Passphrase {
            passphrase: PASS.into(),
        })
        .expect("the passphrase still unlocks");
    // A new start (after the OS login) is another session: there the keyring slot may open
    // the store (here there is none, so it says to use the passphrase). The first one ended.
    session.lock();
    let mut fresh = Session::new(DataDir::new(dir.path().join("data")));
    let err = fresh
        .unlock(&UnlockRequest::Keyring)
        .expect_err("no keyring slot in this store");
    assert_eq!(err.code, ErrorCode::KeyringUnavailable);
}

#[test]
fn the_idle_lock_counts_from_the_last_activity_in_rust() {
    let (_dir, mut session, _) = new_session();
    session
        .set_preferences(&Preferences {
            auto_lock_minutes: 2,
        })
        .expect("two minutes");
    let start = std::time::Instant::now();
    session.note_activity();
    assert!(
        !session.lock_if_idle(start + std::time::Duration::from_secs(119)),
        "not yet idle for two minutes"
    );
    assert_eq!(session.status().state, StoreState::Unlocked);
    assert!(
        session.lock_if_idle(start + std::time::Duration::from_secs(121)),
        "idle for two minutes: locked"
    );
    assert_eq!(session.status().state, StoreState::Locked);
    assert!(!session.status().keyring_unlock_allowed);
}

#[test]
fn keyring_unlock_without_a_keyring_slot_says_to_use_the_passphrase() {
    let (dir, mut session, _) = new_session();
    session.lock();
    // At start (a new session, after the OS login) the keyring would be tried first.
    let mut at_start = Session::new(DataDir::new(dir.path().join("data")));
    let err = at_start
        .unlock(&UnlockRequest::Keyring)
        .expect_err("no keyring slot");
    assert_eq!(
        err.code,
        ErrorCode::KeyringUnavailable,
        "the UI then shows the passphrase form"
    );
}

#[test]
fn setup_refuses_weak_passphrases_and_existing_stores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = Session::new(DataDir::new(dir.path()));
    let weak = session
        .setup(&SetupRequest {
            passphrase: "kort".into(),
            use_keyring: false,
        })
        .expect_err("too short");
    assert_eq!(weak.code, ErrorCode::Validation);
    assert_eq!(weak.field.as_deref(), Some("passphrase"));
    assert_eq!(
        session.status().state,
        StoreState::New,
        "nothing was created"
    );

    session
        .setup(&SetupRequest {
            passphrase: PASS.into(),
            use_keyring: false,
        })
        .expect("first setup");
    let mut second = Session::new(DataDir::new(dir.path()));
    let again = second
        .setup(&SetupRequest {
            passphrase: PASS.into(),
            use_keyring: false,
        })
        .expect_err("never replaced");
    assert_eq!(again.code, ErrorCode::AlreadyExists);
}

#[test]
fn bad_input_gets_a_dutch_message_on_the_right_field_and_nothing_is_saved() {
    let (_dir, mut session, _) = new_session();
    let team = team(&mut session);
    type Spoil = fn(&mut NewNamedCasus);
    let cases: [(Spoil, &str); 4] = [
        (|c| c.given_name = "  ".into(), "givenName"),
        (|c| c.birth_date = "12-05-2011".into(), "birthDate"),
        (|c| c.birth_date = "2030-01-01".into(), "birthDate"),
        (|c| c.hulpvraag = String::new(), "hulpvraag"),
    ];
    for (spoil, field) in cases {
        let mut input = casus_input(&team);
        spoil(&mut input);
        let err = session.create_casus(&input).expect_err("refused");
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some(field), "{}", err.message);
    }
    assert!(
        session.casussen(None).expect("list").is_empty(),
        "refused input saves nothing"
    );

    let email = session
        .add_member(&NewMember {
            team_id: team.id,
            name: "Sanne Kok".into(),
            email: Some("sanne.kok".into()),
            organisation_name: None,
            organisation_kind: OrganisationKind::Jgz,
            role: Role::Jgz,
        })
        .expect_err("no @");
    assert_eq!(email.field.as_deref(), Some("email"));

    let prefs = session
        .set_preferences(&Preferences {
            auto_lock_minutes: 31,
        })
        .expect_err("over the ceiling");
    assert_eq!(prefs.code, ErrorCode::Validation);
    assert_eq!(
        session.preferences().expect("prefs").auto_lock_minutes,
        5,
        "the default stays"
    );
    assert_eq!(
        session
            .set_preferences(&Preferences {
                auto_lock_minutes: 30
            })
            .expect("ok")
            .auto_lock_minutes,
        30
    );
}

#[test]
fn a_person_can_sit_in_several_teams() {
    let (_dir, mut session, _) = new_session();
    let a = team(&mut session);
    let b = session
        .create_school_with_team(&NewSchoolWithTeam {
            school_name: "Basisschool De Vlinder (fictief)".into(),
            school_kind: SchoolKind::Po,
            region: Some("Regio Demo".into()),
            holiday_region: "midden".into(),
            team_name: "Kernteam De Vlinder".into(),
            cadence: None,
        })
        .expect("second team");
    let member = session
        .add_member(&NewMember {
            team_id: a.id,
            name: "Mehmet Yilmaz".into(),
            email: Some("m.yilmaz@example.org".into()),
            organisation_name: Some("Leerplicht (fictief)".into()),
            organisation_kind: OrganisationKind::Leerplicht,
            role: Role::Leerplicht,
        })
        .expect("member");
    assert_eq!(member.roles.len(), 1);
    assert_eq!(
        session
            .teams()
            .expect("teams")
            .iter()
            .map(|t| t.member_count)
            .sum::<u32>(),
        1
    );
    let _ = b;
}

fn status_of_label(
    casussen: &[kernteam_app::domain::CasusSummary],
    label: &str,
) -> Option<kernteam_app::domain::CasusStatus> {
    casussen.iter().find(|c| c.label == label).map(|c| c.status)
}

#[test]
fn demo_data_shows_a_kernteam_mid_autumn_whatever_the_date() {
    for day in [
        kernteam_domain::date!(2026 - 11 - 22),
        kernteam_domain::date!(2028 - 04 - 10),
    ] {
        let _today = kernteam_app::domain::clock::fixed_on(day);
        let (_dir, mut session, _) = new_session();
        let summary = session.load_demo().expect("demo");
        assert_eq!(summary.schools, 2, "De Linde and De Vlinder");
        let casussen = session.casussen(None).expect("list");
        let labels: Vec<&str> = casussen.iter().map(|c| c.label.as_str()).collect();
        // S-04 was converted the week before: the consultation and the named casus both exist.
        // Sara (new) and Ravi (to close) are the demo meeting's own two.
        assert_eq!(labels.len(), 8, "{labels:?}");
        assert_eq!(
            status_of_label(&casussen, "Sara Dekker"),
            Some(kernteam_app::domain::CasusStatus::Aangemeld)
        );
        assert_eq!(
            status_of_label(&casussen, "Ravi Pinas"),
            Some(kernteam_app::domain::CasusStatus::Lopend)
        );
        assert!(
            labels.contains(&"Leerling A, groep 8") && labels.contains(&"Milan Bakker"),
            "{labels:?}"
        );
        let status_of = |label: &str| status_of_label(&casussen, label).expect(label);
        use kernteam_app::domain::CasusStatus::*;
        assert_eq!(
            status_of("Noor Verbeek"),
            Afgesloten,
            "S-01 closed on 2 December"
        );
        assert_eq!(status_of("Leerling A, groep 8"), Afgesloten, "converted");
        for running in [
            "Daan Hoekstra",
            "Milan Bakker",
            "Jayden Smit",
            "Lotte Jansen",
        ] {
            assert_eq!(
                status_of(running),
                Lopend,
                "{running} runs before Christmas"
            );
        }
        let overview = session.overview().expect("overview");
        assert!(
            overview.next_meeting.is_some(),
            "the year schedule continues after today"
        );
        assert!(
            !overview.open_actions.is_empty(),
            "open actions to follow up"
        );
        let events = session.check().expect("integrity and audit chain");
        assert!(
            events > u64::from(summary.casussen),
            "the import and each casus it brought are in the audit chain: {events}"
        );
        let again = session.load_demo().expect_err("only into an empty store");
        assert_eq!(again.code, ErrorCode::Validation);
    }
}

#[test]
fn partners_sit_in_both_demo_teams_as_one_person() {
    let (_dir, mut session, _) = new_session();
    session
        .load_demo_as_of(kernteam_domain::date!(2026 - 11 - 22))
        .expect("demo");
    let members = session.members().expect("members");
    let lpa: Vec<_> = members
        .iter()
        .filter(|m| m.name == "Mehmet Yilmaz")
        .collect();
    assert_eq!(lpa.len(), 1, "one attendance officer");
    assert_eq!(lpa[0].roles.len(), 2, "serving both schools");
}

#[test]
fn viewing_a_casus_shows_its_timeline_newest_first() {
    let (_dir, mut session, _) = new_session();
    session
        .load_demo_as_of(kernteam_domain::date!(2026 - 11 - 22))
        .expect("demo");
    let noor = session
        .casussen(None)
        .expect("list")
        .into_iter()
        .find(|c| c.label == "Noor Verbeek")
        .expect("S-01");
    let detail = session.dossier(noor.id).expect("detail");
    let birth = detail
        .birth_date
        .expect("named casus has a birth date")
        .to_string();
    assert!(
        birth.starts_with("2012-04"),
        "scenario birth date moved with the demo: {birth}"
    );
    assert_eq!(detail.signals.len(), 1);
    let dates: Vec<&str> = detail.timeline.iter().map(|e| e.at.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    assert!(
        detail
            .timeline
            .iter()
            .any(|e| e.kind == kernteam_app::domain::TimelineKind::Toestemming)
    );
}

/// Issue 12: no secret in a `{:?}` (a log line or a panic message would carry it).
#[test]
fn debug_output_never_shows_a_passphrase_or_recovery_key() {
    let setup = SetupRequest {
        passphrase: PASS.into(),
        use_keyring: false,
    };
    let unlock = UnlockRequest::Passphrase {
        passphrase: PASS.into(),
    };
    let recovery = UnlockRequest::RecoveryKey {
        recovery_key: "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789".into(),
    };
    let (_dir, _session, key) = new_session();
    let outcome = kernteam_app::SetupOutcome {
        recovery_key: key.clone(),
        keyring_enabled: false,
    };
    for shown in [
        format!("{setup:?}"),
        format!("{unlock:?}"),
        format!("{recovery:?}"),
        format!("{outcome:?}"),
    ] {
        assert!(
            !shown.contains(PASS) && !shown.contains("ABCD") && !shown.contains(&key),
            "a secret in Debug output: {shown}"
        );
    }
}

/// Issue 12: an older copy of the database put back beside `keys.json` is found at unlock,
/// shown in the status (for Instellingen), refused by `check`, and stays found until someone
/// accepts this database.
#[test]
fn a_restored_older_database_is_found_at_unlock_and_by_check() {
    use kernteam_app::AuditFinding;
    let (dir, mut session, _) = new_session();
    let data = dir.path().join("data");
    team(&mut session);
    session.lock();
    let older = dir.path().join("older.db");
    std::fs::copy(data.join("kernteam.db"), &older).expect("copy");
    let unlock = UnlockRequest::Passphrase {
        passphrase: PASS.into(),
    };
    session.unlock(&unlock).expect("unlock");
    let audit = session.status().audit.expect("checked at unlock");
    assert_eq!(audit.finding, AuditFinding::Intact);
    assert!(audit.problem.is_none());
    let events = session.check().expect("all well");
    assert!(events >= 3, "set-up, school, team and unlocks: {events}");
    session.lock();

    std::fs::copy(&older, data.join("kernteam.db")).expect("put the older copy back");
    let mut session = Session::new(DataDir::new(&data));
    session.unlock(&unlock).expect("the data stay reachable");
    let audit = session.status().audit.expect("checked at unlock");
    assert_eq!(audit.finding, AuditFinding::Behind { missing: 1 });
    let problem = audit.problem.expect("said in words");
    assert!(problem.contains("oudere kopie"), "{problem}");
    let err = session.check().expect_err("check reports it");
    assert_eq!(err.code, ErrorCode::Damaged);
    // Working on does not wipe the finding away.
    team(&mut session);
    session.lock();
    session.unlock(&unlock).expect("unlock");
    assert_ne!(
        session.status().audit.expect("checked").finding,
        AuditFinding::Intact
    );
    let accepted = session.accept_audit_chain().expect("accept");
    assert_eq!(accepted.finding, AuditFinding::Intact);
    session.check().expect("all well once accepted");
    // Instellingen shows the chain as it is now, not as it was at unlock.
    team(&mut session);
    let now = session.recheck_audit_chain().expect("recheck");
    assert_eq!(now.finding, AuditFinding::Intact);
    assert!(now.events > accepted.events, "{now:?} after {accepted:?}");
}
