//! The casus life on a real encrypted file: note privacy in lists and search, autosave as
//! one upsert, closure and read-only, conversion of an anonymous consultation.

use kernteam_domain::consent::{GezagHolder, Giver};
use kernteam_domain::{
    ActionStatus, CasusId, DataCategory, MemberId, NewSignal, NoteDraft, NoteId, NoteKind,
    NoteVisibility, SchoolKind, TeamId, casus::SignalCategory,
};

use crate::tests::{actor, new_store};
use crate::*;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    team: TeamId,
    school: kernteam_domain::SchoolId,
    casus: CasusId,
    me: MemberId,
    colleague: MemberId,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(dir.path());
    let school = store
        .create_school(
            &actor(),
            "De Linde (fictief)",
            SchoolKind::Vo,
            None,
            kernteam_domain::HolidayRegion::Noord,
        )
        .expect("school");
    let team = store
        .create_team(&actor(), school, "Kernteam", None)
        .expect("team");
    let casus = store
        .create_named_casus(
            &actor(),
            &PupilSeed {
                school,
                given_name: "Noor",
                family_name: "Verbeek",
                birth_date: "2011-05-12",
                class_name: "2 vmbo-t",
            },
            &[GezagHolder {
                id: uuid::Uuid::now_v7().to_string(),
                label: "moeder".into(),
                has_gezag: true,
            }],
            &CasusSeed::aangemeld(team, "Ziekmeldingen op maandag", "2025-09-15"),
        )
        .expect("casus");
    let me = store
        .create_member(&actor(), "Jeugdarts", None, None)
        .expect("me");
    let colleague = store
        .create_member(&actor(), "Leerplicht", None, None)
        .expect("colleague");
    Fixture {
        _dir: dir,
        store,
        team,
        school,
        casus,
        me,
        colleague,
    }
}

fn draft(casus: CasusId, kind: NoteKind, facts: &str) -> NoteDraft {
    NoteDraft {
        id: NoteId::new(),
        casus_id: casus,
        kind,
        category: DataCategory::Gezondheid,
        facts: facts.into(),
        opinions: String::new(),
    }
}

#[test]
fn a_private_preparation_note_is_invisible_to_others_until_shared() {
    let mut f = fixture();
    let note = draft(
        f.casus,
        NoteKind::Voorbereiding,
        "hoofdpijn en slaapproblemen",
    );
    f.store.save_note(&actor(), f.me, &note).expect("save");

    let mine = f.store.notes(f.casus, Some(f.me)).expect("notes");
    assert_eq!(mine.len(), 1, "the author sees the note");
    assert_eq!(mine[0].visibility, NoteVisibility::Private);
    assert!(mine[0].mine);
    assert!(
        f.store
            .notes(f.casus, Some(f.colleague))
            .expect("notes")
            .is_empty(),
        "a colleague does not see another's private note"
    );
    assert_eq!(
        f.store
            .search("slaapproblemen", Some(f.me), 10)
            .expect("search")
            .len(),
        1,
        "the author finds it"
    );
    assert!(
        f.store
            .search("slaapproblemen", Some(f.colleague), 10)
            .expect("search")
            .is_empty(),
        "search respects visibility"
    );
    assert!(
        f.store
            .search("slaapproblemen", None, 10)
            .expect("search")
            .is_empty(),
        "without a profile nobody's private notes show"
    );
    assert!(
        matches!(
            f.store.share_note(&actor(), f.colleague, note.id),
            Err(StoreError::NotAuthor)
        ),
        "only the author shares"
    );
    f.store.share_note(&actor(), f.me, note.id).expect("share");
    assert_eq!(
        f.store
            .notes(f.casus, Some(f.colleague))
            .expect("notes")
            .len(),
        1,
        "shared notes are visible to the team"
    );
    assert_eq!(
        f.store
            .search("slaapproblemen", Some(f.colleague), 10)
            .expect("search")
            .len(),
        1,
        "and searchable by the team"
    );
}

#[test]
fn autosave_is_one_note_updated_in_place_by_its_author_only() {
    let mut f = fixture();
    let mut note = draft(f.casus, NoteKind::Bespreking, "eerste");
    for text in ["eerste", "eerste versie", "eerste versie, aangevuld"] {
        note.facts = text.into();
        f.store.save_note(&actor(), f.me, &note).expect("autosave");
    }
    let notes = f.store.notes(f.casus, Some(f.me)).expect("notes");
    assert_eq!(notes.len(), 1, "autosave never duplicates a note");
    assert_eq!(notes[0].facts, "eerste versie, aangevuld");
    assert!(
        f.store
            .search("versie", Some(f.me), 10)
            .expect("search")
            .len()
            == 1
            && f.store
                .search("eerste", Some(f.me), 10)
                .expect("search")
                .len()
                == 1,
        "the index follows the latest text"
    );
    let events = f.store.audit_for(&note.id.to_string(), 10).expect("audit");
    assert_eq!(
        events.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["create"],
        "keystroke saves within ten minutes are one audited editing session"
    );
    note.facts = "overschreven door een ander".into();
    assert!(matches!(
        f.store.save_note(&actor(), f.colleague, &note),
        Err(StoreError::NotAuthor)
    ));
}

#[test]
fn closing_needs_resolved_actions_and_makes_the_casus_read_only() {
    let mut f = fixture();
    let action = f
        .store
        .create_action(
            &actor(),
            &ActionSeed {
                casus: Some(f.casus),
                meeting: None,
                description: "M@ZL-consult",
                owner_member: None,
                owner_organisation: None,
                due_on: Some("2025-10-14"),
                status: ActionStatus::Open,
                urgent: false,
                category: kernteam_domain::DataCategory::School,
            },
        )
        .expect("action");
    let closure = ClosureSeed {
        closed_on: "2025-12-02",
        reason: "doel_bereikt",
        outcome: "Aanwezigheid hersteld",
        left_school_on: None,
        retention_until: "2027-12-02",
    };
    assert!(
        matches!(
            f.store.close_casus(&actor(), f.casus, &closure),
            Err(StoreError::OpenActions(1))
        ),
        "an open action blocks closure"
    );
    f.store
        .set_action_status(
            &actor(),
            action,
            ActionStatus::Gedaan,
            Some("consult gehad"),
        )
        .expect("resolve");
    f.store
        .close_casus(&actor(), f.casus, &closure)
        .expect("close");
    let core = f.store.casus_core(f.casus).expect("core");
    assert_eq!(
        core.retention_until,
        Some(kernteam_domain::date!(2027 - 12 - 02))
    );
    assert!(matches!(
        f.store.add_signal(
            &actor(),
            f.casus,
            &NewSignal {
                observed_on: "2025-12-03".into(),
                source: "mentor".into(),
                category: SignalCategory::Verzuim,
                description: "na afsluiten".into(),
            }
        ),
        Err(StoreError::ReadOnly)
    ));
    assert!(matches!(
        f.store.save_note(
            &actor(),
            f.me,
            &draft(f.casus, NoteKind::Terugkoppeling, "x")
        ),
        Err(StoreError::ReadOnly)
    ));
    assert!(
        f.store
            .audit_for(&f.casus.to_string(), 5)
            .expect("audit")
            .iter()
            .any(|e| e.action == "close"),
        "closure is audited"
    );
}

/// An open action on `casus`, between meetings, owned by no one yet.
fn open_action(store: &mut Store, casus: CasusId, description: &str) {
    store
        .create_action(
            &actor(),
            &ActionSeed {
                casus: Some(casus),
                meeting: None,
                description,
                owner_member: None,
                owner_organisation: None,
                due_on: None,
                status: ActionStatus::Open,
                urgent: false,
                category: kernteam_domain::DataCategory::School,
            },
        )
        .expect("action");
}

#[test]
fn conversion_links_the_anonymous_history_and_is_audited() {
    let mut f = fixture();
    let anonymous = f
        .store
        .create_anonymous_casus(
            &actor(),
            "Leerling A, groep 8",
            "ouders weigeren, zorg over escalatie",
            &CasusSeed::aangemeld(f.team, "Explosief gedrag", "2025-10-27"),
        )
        .expect("anonymous");
    f.store
        .add_signal(
            &actor(),
            anonymous,
            &NewSignal {
                observed_on: "2025-10-27".into(),
                source: "leerkracht".into(),
                category: SignalCategory::Gedrag,
                description: "twee vechtpartijen".into(),
            },
        )
        .expect("signal");
    f.store
        .save_note(
            &actor(),
            f.me,
            &draft(anonymous, NoteKind::Bespreking, "functieanalyse gedrag"),
        )
        .expect("note");
    open_action(
        &mut f.store,
        anonymous,
        "Gesprek met de gedragsspecialist plannen",
    );
    let holder = GezagHolder {
        id: uuid::Uuid::now_v7().to_string(),
        label: "moeder".into(),
        has_gezag: true,
    };
    let named = f
        .store
        .convert_to_named(
            &actor(),
            anonymous,
            &PupilSeed {
                school: f.school,
                given_name: "Milan",
                family_name: "Bakker",
                birth_date: "2013-08-30",
                class_name: "groep 8",
            },
            std::slice::from_ref(&holder),
            &ConsentSeed {
                given_on: "2025-12-09",
                givers: &[Giver::Holder(holder.id.clone()), Giver::Pupil],
                scope_organisations: &["school".into(), "cjg".into(), "swv".into()],
                scope_categories: &[],
                method: "formulier",
                recorded_by: None,
                valid_until: "2026-07-31",
            },
            "2025-12-09",
        )
        .expect("convert");
    let core = f.store.casus_core(named).expect("named");
    assert_eq!(core.converted_from, Some(anonymous));
    assert_eq!(
        f.store.casus_core(anonymous).expect("anon").converted_to,
        Some(named)
    );
    assert_eq!(
        f.store.casus_core(anonymous).expect("anon").summary.status,
        kernteam_domain::CasusStatus::Afgesloten,
        "the consultation is closed as converted"
    );
    let signals = f.store.signals(named).expect("signals");
    assert!(
        signals
            .iter()
            .any(|s| s.from_anonymous && s.description == "twee vechtpartijen"),
        "the anonymous history shows on the named casus"
    );
    assert!(
        f.store
            .notes(named, Some(f.me))
            .expect("notes")
            .iter()
            .any(|n| n.from_anonymous),
        "notes of the consultation too"
    );
    let timeline = f
        .store
        .timeline(named, Some(&f.me.to_string()))
        .expect("timeline");
    assert!(
        timeline
            .iter()
            .any(|t| t.text.contains("Anonieme bespreking aangemeld"))
    );
    assert!(timeline.iter().any(|t| t.text.contains("Omgezet")));
    assert!(
        f.store
            .audit_for(&anonymous.to_string(), 5)
            .expect("audit")
            .iter()
            .any(|e| e.action == "convert"),
        "the conversion is in the audit log"
    );
    assert_eq!(
        f.store.consent_facts(named).expect("consent").records.len(),
        1,
        "the consent arrives with the conversion"
    );
    let hits = f
        .store
        .search("gedragsspecialist", Some(f.me), 10)
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].casus_id,
        Some(named),
        "a moved action is found under the casus it now belongs to"
    );
}

#[test]
fn search_finds_casussen_by_name_and_actions_and_never_chokes_on_syntax() {
    let mut f = fixture();
    open_action(&mut f.store, f.casus, "Wekelijkse check-in mentor");
    let by_name = f.store.search("verbeek", Some(f.me), 10).expect("search");
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].kind.code(), "casus");
    assert_eq!(
        by_name[0].casus_label.as_deref(),
        Some("Noor Verbeek (N.V.)")
    );
    assert_eq!(
        f.store.search("check", Some(f.me), 10).expect("search")[0]
            .kind
            .code(),
        "action",
        "prefix match on an action"
    );
    for nasty in ["\"", "NEAR(", "a OR", "*", "-", "' OR 1=1 --"] {
        assert!(
            f.store.search(nasty, Some(f.me), 10).is_ok(),
            "{nasty} is text, not syntax"
        );
    }
}
