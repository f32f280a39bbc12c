//! Search over 50,000 notes in the encrypted store, for `cargo xtask bench`: the notes go in
//! through the interchange import (one transaction), then 300 searches of one or two words
//! (some as prefixes) by a member who may not see the other author's private notes.
//! Prints `name value unit` lines.

use std::time::Instant;

use kernteam_domain::casus::Intake;
use kernteam_domain::interchange::*;
use kernteam_domain::*;
use kernteam_store::{Actor, DataDir, DataKey, KeySlots, Store};

#[path = "../../../bench/timing.rs"]
mod timing;

const CASUSSEN: usize = 5_000;
const NOTES_PER_CASUS: usize = 10;
const SEARCHES: usize = 300;

const WORDS: &[&str] = &[
    "verzuim",
    "maandag",
    "hoofdpijn",
    "slapen",
    "moeder",
    "vader",
    "mentor",
    "gesprek",
    "leerplicht",
    "jeugdarts",
    "afspraak",
    "rooster",
    "cijfers",
    "wiskunde",
    "lezen",
    "spelling",
    "pauze",
    "conflict",
    "vriendschap",
    "gedrag",
    "thuis",
    "zorgen",
    "ondersteuning",
    "begeleiding",
    "observatie",
    "klas",
    "school",
    "huiswerk",
    "motivatie",
    "angst",
    "somberheid",
    "buikpijn",
    "ziekmelding",
    "laat",
    "ochtend",
    "bus",
    "fiets",
    "sport",
    "voetbal",
    "muziek",
    "tekenen",
    "rekenen",
    "taal",
    "toets",
    "rapport",
    "ouders",
    "gezin",
    "broer",
    "zus",
    "opa",
    "oma",
    "verhuizing",
    "scheiding",
    "werk",
    "geld",
    "voeding",
    "kleding",
    "hygiëne",
    "wijkteam",
    "coach",
    "samenwerkingsverband",
    "arrangement",
    "plaatsing",
    "overstap",
    "warme",
    "overdracht",
    "evaluatie",
    "doel",
    "plan",
    "actie",
    "afgesproken",
    "telefonisch",
    "bezoek",
    "huisarts",
    "psycholoog",
    "behandeling",
    "wachtlijst",
    "thuiszitten",
    "vrijstelling",
    "melding",
    "signaal",
    "zorg",
    "veiligheid",
    "ruzie",
    "pesten",
    "online",
    "telefoon",
    "gamen",
    "nacht",
    "concentratie",
    "dyslexie",
    "faalangst",
    "weerbaarheid",
    "training",
    "groep",
    "mentoruur",
    "rust",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn word(&mut self) -> &'static str {
        WORDS[(self.next() % WORDS.len() as u64) as usize]
    }
    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn document(rng: &mut Rng) -> (Interchange, MemberId, MemberId) {
    let mut doc = Interchange::empty();
    let school = SchoolId::new();
    let team = TeamId::new();
    doc.schools.push(XSchool {
        id: school,
        name: "Benchschool".into(),
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
    let (author, viewer) = (MemberId::new(), MemberId::new());
    for (id, name) in [(author, "Auteur"), (viewer, "Lezer")] {
        doc.members.push(XMember {
            id,
            name: name.into(),
            email: None,
            organisation_id: None,
            roles: vec![],
        });
    }
    for i in 0..CASUSSEN {
        let notes = (0..NOTES_PER_CASUS)
            .map(|n| XNote {
                id: NoteId::new(),
                author_id: Some(if n % 2 == 0 { author } else { viewer }),
                kind: if n % 3 == 0 {
                    NoteKind::Voorbereiding
                } else {
                    NoteKind::Bespreking
                },
                category: DataCategory::School,
                visibility: if n % 3 == 0 {
                    NoteVisibility::Private
                } else {
                    NoteVisibility::Team
                },
                facts: rng.sentence(30),
                opinions: rng.sentence(12),
                created_at: "2026-01-01T09:00:00Z".into(),
                updated_at: "2026-01-01T09:00:00Z".into(),
                shared_at: None,
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
                birth_date: "2012-01-01".into(),
                class_name: "2b".into(),
                left_school_on: None,
                gezag_holders: vec![],
            }),
            pseudonym: None,
            anonymous_reason: None,
            status: CasusStatus::Lopend,
            hulpvraag: rng.sentence(15),
            hulpvraag_category: None,
            urgency: Urgency::Normaal,
            intake: Intake::default(),
            opened_on: "2026-01-01".into(),
            next_review_on: None,
            closed_on: None,
            closure_reason: None,
            closure_outcome: None,
            retention_until: None,
            converted_from_id: None,
            signals: vec![],
            consents: vec![],
            notes,
            absence: vec![],
            attendance: None,
            links: vec![],
            actions: vec![],
        });
    }
    (doc, author, viewer)
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::new(dir.path());
    let key = DataKey::generate();
    let slots = KeySlots::new(uuid::Uuid::now_v7());
    let mut store = Store::create(&data, key, &slots).expect("create");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (doc, _author, viewer) = document(&mut rng);
    let start = Instant::now();
    store.import(&Actor("bench".into()), &doc).expect("import");
    println!(
        "search_bulk_load_{}_notes {:.0} ms",
        CASUSSEN * NOTES_PER_CASUS,
        start.elapsed().as_secs_f64() * 1000.0
    );
    let queries: Vec<String> = (0..SEARCHES)
        .map(|i| match i % 3 {
            0 => rng.word().to_owned(),
            1 => format!("{} {}", rng.word(), rng.word()),
            _ => rng.word().chars().take(4).collect(),
        })
        .collect();
    for q in queries.iter().take(20) {
        std::hint::black_box(store.search(q, Some(viewer), 30).expect("warm"));
    }
    let times = timing::sorted_ms(&queries, |q| {
        std::hint::black_box(store.search(q, Some(viewer), 30).expect("search"));
    });
    println!(
        "search_50k_notes_p50 {:.2} ms",
        timing::percentile(&times, 0.5)
    );
    println!(
        "search_50k_notes_p95 {:.2} ms",
        timing::percentile(&times, 0.95)
    );
    println!(
        "search_50k_notes_max {:.2} ms",
        timing::percentile(&times, 1.0)
    );
}
