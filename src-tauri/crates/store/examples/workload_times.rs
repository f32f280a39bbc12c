//! The store's workload on the bench data set (40 schools, 5,000 casussen, 50,000 notes,
//! 20,000 actions, 1,500 meetings, with consents, signals and the audit rows their writes make),
//! measured side by side on the encrypted store and on its plain-SQLite twin with the same
//! schema, pragmas and queries, for `cargo xtask bench`. Every line is `name value unit`; each
//! figure comes with its reference and their ratio. The data are generated from a fixed seed
//! and live in a temp dir only for the run.

use std::time::Instant;

use kernteam_domain::casus::Intake;
use kernteam_domain::consent::{GezagHolder, Giver};
use kernteam_domain::interchange::*;
use kernteam_domain::*;
use kernteam_store::{Actor, DataDir, DataKey, KeySlots, Store};

#[path = "support/backup_figures.rs"]
mod backup_figures;
#[path = "../../../bench/timing.rs"]
mod timing;

const SCHOOLS: usize = 40;
const CASUSSEN: usize = 5_000;
const NOTES_PER_CASUS: usize = 10;
const ACTIONS_PER_CASUS: usize = 4;
const MEETINGS: usize = 1_500;
const ROUNDS: usize = 200;

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
    "pauze",
    "conflict",
    "gedrag",
    "thuis",
    "zorgen",
    "ondersteuning",
    "observatie",
    "klas",
    "huiswerk",
    "motivatie",
    "angst",
    "buikpijn",
    "ziekmelding",
    "ochtend",
    "sport",
    "rekenen",
    "toets",
    "ouders",
    "gezin",
    "verhuizing",
    "wijkteam",
    "coach",
    "arrangement",
    "overstap",
    "evaluatie",
    "doel",
    "plan",
    "telefonisch",
    "huisarts",
    "wachtlijst",
    "thuiszitten",
    "signaal",
    "pesten",
    "telefoon",
    "gamen",
    "concentratie",
    "dyslexie",
    "faalangst",
    "training",
    "groep",
    "rust",
];

/// xorshift: the same data set on every run without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

struct DataSet {
    doc: Interchange,
    teams: Vec<TeamId>,
    casussen: Vec<CasusId>,
    /// The next planned meeting of each team.
    next_meetings: Vec<MeetingId>,
    author: MemberId,
    viewer: MemberId,
}

fn day(base: chrono::NaiveDate, days: i64) -> String {
    (base + chrono::Duration::days(days)).to_string()
}

fn data_set() -> DataSet {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let today = kernteam_domain::date!(2026 - 11 - 17);
    let mut doc = Interchange::empty();
    let org = OrganisationId::new();
    doc.organisations.push(XOrganisation {
        id: org,
        name: "JGZ (bench)".into(),
        kind: OrganisationKind::Jgz,
    });
    let (author, viewer) = (MemberId::new(), MemberId::new());
    let mut set = DataSet {
        doc,
        teams: vec![],
        casussen: vec![],
        next_meetings: vec![],
        author,
        viewer,
    };
    for s in 0..SCHOOLS {
        let (school, team) = (SchoolId::new(), TeamId::new());
        set.doc.schools.push(XSchool {
            id: school,
            name: format!("Benchschool {s}"),
            kind: if s % 3 == 0 {
                SchoolKind::Po
            } else {
                SchoolKind::Vo
            },
            region: None,
            holiday_region: ["noord", "midden", "zuid"][s % 3].into(),
            retention_years: 2,
        });
        set.doc.teams.push(XTeam {
            id: team,
            school_id: school,
            name: format!("Kernteam {s}"),
            cadence: Some("elke 3 weken".into()),
        });
        set.teams.push(team);
        // A team's meetings every three weeks; the last one is the next, still planned.
        let per_team = MEETINGS / SCHOOLS + usize::from(s < MEETINGS % SCHOOLS);
        let mut ids = Vec::new();
        for m in 0..per_team {
            let id = MeetingId::new();
            let weeks_ago = 3 * (per_team - 1 - m) as i64 - 1;
            set.doc.meetings.push(XMeeting {
                id,
                team_id: team,
                starts_at: format!("{}T08:00:00Z", day(today, -7 * weeks_ago)),
                location: Some("Kamer zorgteam".into()),
                status: if m + 1 == per_team {
                    MeetingStatus::Gepland
                } else {
                    MeetingStatus::Gesloten
                },
            });
            ids.push(id);
        }
        set.next_meetings.push(*ids.last().expect("meetings"));
        let per_school = CASUSSEN / SCHOOLS;
        for i in 0..per_school {
            let n = s * per_school + i;
            let id = CasusId::new();
            set.casussen.push(id);
            let holder = GezagHolder {
                id: uuid::Uuid::now_v7().to_string(),
                label: "moeder".into(),
                has_gezag: true,
            };
            let notes = (0..NOTES_PER_CASUS)
                .map(|k| XNote {
                    id: NoteId::new(),
                    author_id: Some(if k % 2 == 0 { author } else { viewer }),
                    kind: if k % 3 == 0 {
                        NoteKind::Voorbereiding
                    } else {
                        NoteKind::Bespreking
                    },
                    category: DataCategory::School,
                    visibility: if k % 3 == 0 {
                        NoteVisibility::Private
                    } else {
                        NoteVisibility::Team
                    },
                    facts: rng.sentence(30),
                    opinions: rng.sentence(12),
                    created_at: format!("{}T09:00:00Z", day(today, -(k as i64) * 7)),
                    updated_at: format!("{}T09:00:00Z", day(today, -(k as i64) * 7)),
                    shared_at: None,
                })
                .collect();
            let actions = (0..ACTIONS_PER_CASUS)
                .map(|k| XAction {
                    id: ActionId::new(),
                    meeting_id: Some(ids[rng.below(ids.len() - 1)]),
                    description: rng.sentence(6),
                    owner_member_id: None,
                    owner_organisation_id: Some(org),
                    due_on: Some(day(today, rng.below(60) as i64 - 30)),
                    status: if k % 2 == 0 {
                        ActionStatus::Open
                    } else {
                        ActionStatus::Gedaan
                    },
                    feedback: None,
                    created_at: format!("{}T10:00:00Z", day(today, -60)),
                    urgent_logged_at: None,
                })
                .collect();
            let signals = (0..2)
                .map(|k| XSignal {
                    id: uuid::Uuid::now_v7().to_string(),
                    observed_on: day(today, -90 + k),
                    source: "mentor".into(),
                    category: ["verzuim", "ontwikkeling"][k as usize].into(),
                    description: rng.sentence(10),
                })
                .collect();
            set.doc.casussen.push(XCasus {
                id,
                team_id: team,
                mode: CasusMode::Named,
                pupil: Some(XPupil {
                    id: PupilId::new(),
                    given_name: format!("Leerling{n}"),
                    family_name: format!("Bench{n}"),
                    birth_date: "2012-03-01".into(),
                    class_name: format!("{}b", 1 + n % 4),
                    left_school_on: None,
                    gezag_holders: vec![holder.clone()],
                }),
                pseudonym: None,
                anonymous_reason: None,
                status: [
                    CasusStatus::Aangemeld,
                    CasusStatus::Lopend,
                    CasusStatus::Lopend,
                ][n % 3],
                hulpvraag: rng.sentence(15),
                hulpvraag_category: None,
                urgency: Urgency::Normaal,
                intake: Intake::default(),
                opened_on: day(today, -120),
                next_review_on: Some(day(today, rng.below(40) as i64 - 10)),
                closed_on: None,
                closure_reason: None,
                closure_outcome: None,
                retention_until: None,
                converted_from_id: None,
                signals,
                consents: vec![XConsent {
                    id: ConsentId::new(),
                    given_on: day(today, -100),
                    givers: vec![Giver::Holder(holder.id.clone()), Giver::Pupil],
                    scope_organisations: vec!["school".into(), "jgz".into()],
                    scope_categories: vec![],
                    method: "formulier".into(),
                    recorded_by: None,
                    valid_until: day(today, 200),
                    withdrawn_on: None,
                    withdrawn_reason: None,
                }],
                notes,
                absence: vec![],
                attendance: None,
                links: vec![],
                actions,
            });
        }
    }
    for (id, name) in [(author, "Auteur"), (viewer, "Lezer")] {
        set.doc.members.push(XMember {
            id,
            name: name.into(),
            email: None,
            organisation_id: None,
            roles: vec![],
        });
    }
    set
}

/// Times `op` on both stores in turns, round by round, so drift in the machine's load falls on
/// both alike. Returns (encrypted, plain) as (p50, p95) in milliseconds.
fn side_by_side<T>(
    stores: &mut [Store; 2],
    inputs: &[T],
    mut op: impl FnMut(&mut Store, &T),
) -> [(f64, f64); 2] {
    let mut times = [Vec::new(), Vec::new()];
    for input in inputs {
        for (store, times) in stores.iter_mut().zip(&mut times) {
            let start = Instant::now();
            op(store, input);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.map(|mut t| {
        t.sort_by(|a, b| a.total_cmp(b));
        (timing::percentile(&t, 0.5), timing::percentile(&t, 0.95))
    })
}

fn main() {
    let set = data_set();
    // `--write FILE`: only the data set, as an interchange file, for the app's own figures.
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, file] = args.as_slice()
        && flag == "--write"
    {
        let json = serde_json::to_vec(&set.doc).expect("json");
        std::fs::write(file, json).expect("write the data set");
        return;
    }
    let scratch = tempfile::tempdir().expect("tempdir");
    let actor = Actor("bench".into());
    let enc_dir = DataDir::new(scratch.path().join("encrypted"));
    let plain_dir = DataDir::new(scratch.path().join("plain"));
    // A recovery slot, so keys.json is what an install has and the audit head is kept in it.
    let key = DataKey::generate();
    let raw_key = *key.as_bytes();
    let mut slots = KeySlots::new(uuid::Uuid::now_v7());
    let recovery = kernteam_store::RecoveryKey::generate();
    slots.set_recovery(&key, &recovery).expect("recovery slot");
    let mut stores = [
        Store::create(&enc_dir, key, &slots).expect("store"),
        Store::create_plain_reference(&plain_dir).expect("plain store"),
    ];
    // `KERNTEAM_BENCH_MEMORY_SECURITY=1`: the same workload with SQLCipher's memory security
    // on (process-wide, so in a run of its own); its figures carry the prefix below.
    let memory_security = std::env::var("KERNTEAM_BENCH_MEMORY_SECURITY").as_deref() == Ok("1");
    let prefix = if memory_security {
        stores[0]
            .turn_on_cipher_memory_security()
            .expect("cipher_memory_security");
        "memory_security_on_"
    } else {
        ""
    };
    let bulk_load = stores.each_mut().map(|store| {
        let start = Instant::now();
        store.import(&actor, &set.doc).expect("import");
        start.elapsed().as_secs_f64() * 1000.0
    });

    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let picks: Vec<CasusId> = (0..ROUNDS)
        .map(|_| set.casussen[rng.below(set.casussen.len())])
        .collect();
    // Writes one by one, each its own transaction with its audit row, as a user saves them.
    let note_save = side_by_side(&mut stores, &picks, |store, casus| {
        let draft = NoteDraft {
            id: NoteId::new(),
            casus_id: *casus,
            kind: NoteKind::Bespreking,
            category: DataCategory::School,
            facts: "Gesprek gevoerd met mentor over het rooster.".into(),
            opinions: String::new(),
        };
        store.save_note(&actor, set.author, &draft).expect("note");
    });
    let teams: Vec<TeamId> = (0..ROUNDS)
        .map(|_| set.teams[rng.below(set.teams.len())])
        .collect();
    let list_team = side_by_side(&mut stores, &teams, |store, team| {
        let list = store.casussen(Some(*team)).expect("list");
        assert!(list.len() >= CASUSSEN / SCHOOLS);
    });
    let open_casus = side_by_side(&mut stores, &picks, |store, casus| {
        std::hint::black_box((
            store.casus_core(*casus).expect("core"),
            store.signals(*casus).expect("signals"),
            store.consent_facts(*casus).expect("consent"),
            store.notes(*casus, Some(set.viewer)).expect("notes"),
            store.actions(Some(*casus)).expect("actions"),
            store.timeline(*casus, None).expect("timeline"),
        ));
    });
    let meetings: Vec<MeetingId> = (0..ROUNDS)
        .map(|_| set.next_meetings[rng.below(set.next_meetings.len())])
        .collect();
    // What the agenda is built from: the meeting, the team's casussen with their consent, and
    // the open actions from before it.
    let agenda = side_by_side(&mut stores, &meetings, |store, meeting| {
        let row = store.meeting(*meeting).expect("meeting");
        for casus in store.agenda_casussen(row.team_id).expect("casussen") {
            std::hint::black_box(store.consent_facts(casus.id).expect("consent"));
        }
        std::hint::black_box(
            store
                .open_actions_before(row.team_id, row.starts_at)
                .expect("actions"),
        );
    });
    let queries: Vec<String> = (0..ROUNDS)
        .map(|i| {
            let word = WORDS[rng.below(WORDS.len())];
            match i % 3 {
                0 => word.to_owned(),
                1 => format!("{word} {}", WORDS[rng.below(WORDS.len())]),
                _ => word.chars().take(4).collect(),
            }
        })
        .collect();
    for store in &stores {
        for q in queries.iter().take(20) {
            std::hint::black_box(store.search(q, Some(set.viewer), 30).expect("warm"));
        }
    }
    let search = side_by_side(&mut stores, &queries, |store, q| {
        std::hint::black_box(store.search(q, Some(set.viewer), 30).expect("search"));
    });
    let audit_events = stores[0].verify_audit_chain().expect("audit chain");
    let verify = side_by_side(&mut stores, &[(); 20], |store, ()| {
        std::hint::black_box(store.verify_audit_chain().expect("chain"));
    });
    drop(stores);
    // What unlocking costs with the audit check (open, walk the chain after the position last
    // verified whole, hold it against the head in keys.json), against opening and a first
    // query alone; and the whole walk `check` and Instellingen do.
    let open = || Store::open(&enc_dir, DataKey::from_bytes(raw_key)).expect("open");
    {
        // The first unlock after this build walks the whole chain and records the position.
        let mut store = open();
        store.audit_status().expect("audit status");
        store.record_search(&actor, 0).expect("a write records it");
    }
    let plain_open = timing::sorted_ms(0..15, |_| {
        let store = open();
        std::hint::black_box(store.casussen(None).map(|c| c.len()).unwrap_or(0));
    });
    let checked_open = timing::sorted_ms(0..15, |_| {
        let mut store = open();
        let status = store.audit_status_since_verified().expect("audit status");
        assert_eq!(status.head, kernteam_store::HeadCheck::Matches);
        std::hint::black_box(store.casussen(None).map(|c| c.len()).unwrap_or(0));
    });
    let whole_checked_open = timing::sorted_ms(0..15, |_| {
        let mut store = open();
        let status = store.audit_status().expect("audit status");
        assert_eq!(status.head, kernteam_store::HeadCheck::Matches);
        std::hint::black_box(store.casussen(None).map(|c| c.len()).unwrap_or(0));
    });

    let size = |dir: &DataDir| {
        std::fs::metadata(dir.db_path()).map_or(0.0, |m| m.len() as f64 / 1048576.0)
    };
    if !memory_security {
        println!("dataset_schools {SCHOOLS} count");
        println!("dataset_casussen {CASUSSEN} count");
        println!("dataset_notes {} count", CASUSSEN * NOTES_PER_CASUS);
        println!("dataset_actions {} count", CASUSSEN * ACTIONS_PER_CASUS);
        println!("dataset_meetings {MEETINGS} count");
        println!("dataset_audit_events {audit_events} count");
        println!("store_file_size {:.1} MiB", size(&enc_dir));
        println!("store_file_size_plain {:.1} MiB", size(&plain_dir));
    }
    // Each figure, its plain-SQLite reference and their ratio, as three `name value unit` lines.
    let line = |name: &str, ours: f64, reference: f64| {
        let name = format!("{prefix}{name}");
        println!("{name} {ours:.2} ms");
        println!("{name}_plain {reference:.2} ms");
        println!("{name}_ratio {:.2} x", ours / reference);
    };
    line("store_bulk_load", bulk_load[0], bulk_load[1]);
    for (name, [ours, plain]) in [
        ("store_note_save", note_save),
        ("store_list_team_casussen", list_team),
        ("store_open_casus_timeline", open_casus),
        ("store_agenda_inputs", agenda),
        ("store_search_50k_notes", search),
        ("store_audit_chain_verify", verify),
    ] {
        line(&format!("{name}_p50"), ours.0, plain.0);
        line(&format!("{name}_p95"), ours.1, plain.1);
    }
    // The reference here is the same encrypted open without the check.
    for (suffix, p) in [("p50", 0.5), ("p95", 0.95)] {
        let (ours, reference) = (
            timing::percentile(&checked_open, p),
            timing::percentile(&plain_open, p),
        );
        let whole = timing::percentile(&whole_checked_open, p);
        println!("{prefix}store_unlock_with_audit_check_{suffix} {ours:.2} ms");
        println!("{prefix}store_unlock_without_audit_check_{suffix} {reference:.2} ms");
        println!(
            "{prefix}store_unlock_with_audit_check_{suffix}_ratio {:.2} x",
            ours / reference
        );
        println!("{prefix}store_open_with_whole_audit_walk_{suffix} {whole:.2} ms");
        println!(
            "{prefix}store_open_with_whole_audit_walk_{suffix}_ratio {:.2} x",
            whole / reference
        );
    }
    if !memory_security {
        backup_figures::print(&enc_dir, raw_key, &recovery, scratch.path());
        backup_figures::print_full_export(&enc_dir, raw_key, scratch.path());
    }
}
