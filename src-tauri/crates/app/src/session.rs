//! One install's session: locked (no key in memory) or unlocked (a `Store` holding the key).

use kernteam_domain::validation::{optional_text, required_text};
use kernteam_domain::{
    ActionRow, CasusSummary, MeetingRow, Member, MonitorCounts, NewMember, NewSchoolWithTeam,
    School, Team, TeamId, passphrase,
};
use kernteam_store::{
    Actor, DataDir, DataKey, DiskState, KeySlots, RecoveryKey, SlotKind, Store, StoreError,
};
use serde::{Deserialize, Serialize};
use time::Date;
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode};

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
/// BIR/NORA ceiling for an unattended unlocked session.
pub const MAX_AUTO_LOCK_MINUTES: u32 = 30;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StoreState {
    /// First run: nothing on disk.
    New,
    /// A store exists and is locked.
    Locked,
    Unlocked,
    /// A database whose key slots can't be read: shown as a recovery screen, never replaced.
    Unreadable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoreStatus {
    pub state: StoreState,
    pub has_keyring_slot: bool,
    pub has_passphrase_slot: bool,
    pub has_recovery_slot: bool,
    /// Unlocked with the recovery key: the user is asked to choose a new passphrase now.
    pub new_passphrase_needed: bool,
    /// The keyring may open Kernteam at start (after the OS login), never after a lock: then
    /// only a secret the person knows does.
    pub keyring_unlock_allowed: bool,
    /// The audit chain as found at this unlock (absent while locked).
    pub audit: Option<AuditCheck>,
    /// Now (RFC 3339) from the one clock: the page counts on from this reading and never reads
    /// the machine's date itself.
    pub now: String,
    /// The UI's language, so the first screen (set-up or unlock) already speaks it.
    pub language: crate::Language,
}

/// The audit chain checked at unlock: verified end to end and held against the head recorded
/// beside the database (see `kernteam_store::HeadCheck`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheck {
    pub events: u32,
    pub finding: AuditFinding,
    /// What is wrong, in words for the person (the same text `check` prints); `None` when all
    /// is well.
    pub problem: Option<String>,
    /// When it was checked (RFC 3339), from the one clock.
    pub checked_at: String,
    pub millis: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AuditFinding {
    Intact,
    /// A store from before the head was kept: intact, and the head is recorded from now on.
    FirstRecorded,
    /// Events recorded beside the database are missing from it: an older copy was put back or
    /// the latest writes (the `-wal` file) were lost.
    Behind {
        missing: u32,
    },
    /// Another chain than the recorded one: a different database, or an edited record.
    Differs,
    /// An event was changed or removed.
    Broken {
        seq: u32,
    },
}

impl AuditFinding {
    /// What `check` and Instellingen say when something is wrong; `None` when all is well.
    pub fn problem(self) -> Option<String> {
        match self {
            Self::Intact | Self::FirstRecorded => None,
            Self::Behind { missing } => Some(format!(
                "Er ontbreken {missing} gebeurtenissen die deze laptop eerder heeft vastgelegd: er is een oudere kopie van de database teruggezet, of de laatste wijzigingen (het -wal-bestand) zijn verloren gegaan."
            )),
            Self::Differs => Some(
                "Het auditlog is niet het log dat deze laptop heeft vastgelegd: de database is vervangen door een andere, of keys.json is gewijzigd.".into(),
            ),
            Self::Broken { seq } => Some(format!(
                "Het auditlog is gewijzigd of beschadigd (bij gebeurtenis {seq})."
            )),
        }
    }
}

#[derive(Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupRequest {
    pub passphrase: String,
    pub use_keyring: bool,
}

/// Never the passphrase itself: a `{:?}` in a log or a panic message must not carry it.
impl std::fmt::Debug for SetupRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetupRequest")
            .field("passphrase", &"…")
            .field("use_keyring", &self.use_keyring)
            .finish()
    }
}

#[derive(Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupOutcome {
    /// Shown once, in eight groups of four; never stored anywhere in plain text.
    pub recovery_key: String,
    pub keyring_enabled: bool,
}

/// The recovery key is shown once on screen, never in a `{:?}`.
impl std::fmt::Debug for SetupOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetupOutcome")
            .field("recovery_key", &"…")
            .field("keyring_enabled", &self.keyring_enabled)
            .finish()
    }
}

#[derive(Clone, Serialize, Deserialize, TS)]
#[serde(tag = "method", rename_all = "camelCase")]
pub enum UnlockRequest {
    Keyring,
    Passphrase {
        passphrase: String,
    },
    RecoveryKey {
        #[serde(rename = "recoveryKey")]
        recovery_key: String,
    },
}

/// Which way in, never the secret typed.
impl std::fmt::Debug for UnlockRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Keyring => "UnlockRequest::Keyring",
            Self::Passphrase { .. } => "UnlockRequest::Passphrase(…)",
            Self::RecoveryKey { .. } => "UnlockRequest::RecoveryKey(…)",
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseCheck {
    pub strength: passphrase::Strength,
    pub refusal: Option<String>,
}

/// What the Vandaag screen shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    pub team_count: u32,
    pub next_meeting: Option<MeetingRow>,
    pub open_actions: Vec<ActionRow>,
    pub counts: MonitorCounts,
    pub reminders: Vec<kernteam_domain::CasusReminder>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    pub auto_lock_minutes: u32,
}

pub struct Session {
    dir: DataDir,
    store: Option<Store>,
    pub(crate) actor: Actor,
    unlocked_by_recovery: bool,
    /// Locked (by hand, idle or the OS) since this session began: the keyring slot needs no
    /// secret, so from now on it does not unlock.
    locked_after_use: bool,
    /// The last sign of a person at the keyboard, for the idle lock.
    last_activity: std::time::Instant,
    audit: Option<AuditCheck>,
}

pub fn check_passphrase(text: &str) -> PassphraseCheck {
    PassphraseCheck {
        strength: passphrase::strength(text),
        refusal: passphrase::refusal(text),
    }
}

/// How much of the audit chain a check walks: the whole chain (`check`, Instellingen, set-up),
/// or only what came after the position last verified whole (each unlock: flat cost).
#[derive(Clone, Copy)]
enum Walk {
    Whole,
    SinceVerified,
}

/// Verifies the chain and holds it against its recorded head; the result is kept for
/// Instellingen, never a reason to refuse the unlock (the data must stay reachable).
fn check_audit(store: &mut Store, walk: Walk) -> AuditCheck {
    use kernteam_store::HeadCheck;
    let started = std::time::Instant::now();
    let status = match walk {
        Walk::Whole => store.audit_status(),
        Walk::SinceVerified => store.audit_status_since_verified(),
    };
    let (events, finding) = match status {
        Ok(status) => (
            status.events,
            match status.head {
                HeadCheck::Matches => AuditFinding::Intact,
                HeadCheck::NotRecorded => AuditFinding::FirstRecorded,
                HeadCheck::Behind { missing } => AuditFinding::Behind {
                    missing: u32::try_from(missing).unwrap_or(u32::MAX),
                },
                HeadCheck::Differs => AuditFinding::Differs,
            },
        ),
        Err(StoreError::AuditChainBroken { seq }) => (
            0,
            AuditFinding::Broken {
                seq: u32::try_from(seq).unwrap_or(u32::MAX),
            },
        ),
        // Anything else (keys.json unreadable after all) reads as a chain that cannot be held
        // against its record.
        Err(_) => (0, AuditFinding::Differs),
    };
    AuditCheck {
        events: u32::try_from(events).unwrap_or(u32::MAX),
        problem: finding.problem(),
        finding,
        checked_at: kernteam_domain::clock::now_rfc3339(),
        millis: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
    }
}

/// Today in Amsterdam, from the one clock (`kernteam_domain::clock`).
pub(crate) fn today() -> Date {
    kernteam_domain::clock::today()
}

impl Session {
    pub fn new(dir: DataDir) -> Self {
        // What a crash between writing and renaming left behind (never the data itself).
        let _ = kernteam_store::remove_leftover_temp_files(dir.root());
        Self {
            dir,
            store: None,
            actor: Actor("lokaal".into()),
            unlocked_by_recovery: false,
            locked_after_use: false,
            last_activity: std::time::Instant::now(),
            audit: None,
        }
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    pub fn status(&self) -> StoreStatus {
        let (state, slots) = match (&self.store, self.dir.state()) {
            (Some(_), DiskState::Present { slots }) => (StoreState::Unlocked, slots),
            (Some(_), _) => (StoreState::Unlocked, Vec::new()),
            (None, DiskState::Empty) => (StoreState::New, Vec::new()),
            (None, DiskState::Present { slots }) => (StoreState::Locked, slots),
            (None, DiskState::Unreadable { .. }) => (StoreState::Unreadable, Vec::new()),
        };
        StoreStatus {
            state,
            has_keyring_slot: slots.contains(&SlotKind::Keyring),
            has_passphrase_slot: slots.contains(&SlotKind::Passphrase),
            has_recovery_slot: slots.contains(&SlotKind::Recovery),
            new_passphrase_needed: self.store.is_some() && self.unlocked_by_recovery,
            keyring_unlock_allowed: slots.contains(&SlotKind::Keyring) && !self.locked_after_use,
            audit: self.store.as_ref().and(self.audit.clone()),
            now: kernteam_domain::clock::now_rfc3339(),
            language: self.language(),
        }
    }

    /// Whether the OS keyring answers (a probe secret is written, read back and removed), so
    /// set-up offers the keyring slot only where it can work.
    pub fn keyring_available(&self) -> bool {
        kernteam_store::keyring_available()
    }

    /// First run: a random data key, wrapped under the passphrase, a fresh recovery key and —
    /// when asked and available — the OS keyring. An existing database is never replaced.
    pub fn setup(&mut self, request: &SetupRequest) -> AppResult<SetupOutcome> {
        if let Some(reason) = passphrase::refusal(&request.passphrase) {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: reason,
                field: Some("passphrase".into()),
            });
        }
        if self.dir.db_path().exists() {
            return Err(StoreError::AlreadyExists(self.dir.db_path()).into());
        }
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let mut slots = KeySlots::new(uuid::Uuid::now_v7());
        slots.set_passphrase(&key, &request.passphrase)?;
        slots.set_recovery(&key, &recovery)?;
        // No keyring (headless, locked, no D-Bus) is not an error: the passphrase slot suffices.
        let keyring_enabled = request.use_keyring && slots.set_keyring(&key).is_ok();
        let mut store = Store::create(&self.dir, key, &slots)?;
        self.audit = Some(check_audit(&mut store, Walk::Whole));
        self.store = Some(store);
        Ok(SetupOutcome {
            recovery_key: recovery.display().to_string(),
            keyring_enabled,
        })
    }

    pub fn unlock(&mut self, request: &UnlockRequest) -> AppResult<()> {
        let slot = self.open_store(request)?;
        let actor = self.actor_now()?;
        if let Some(store) = self.store.as_mut() {
            store.record_unlock(&actor, slot)?;
        }
        Ok(())
    }

    /// Unlocks without writing anything (not even the unlock audit event): for `check`, which
    /// must be able to inspect a damaged database without touching it.
    pub fn unlock_without_writing(&mut self, request: &UnlockRequest) -> AppResult<()> {
        self.open_store(request).map(|_| ())
    }

    fn open_store(&mut self, request: &UnlockRequest) -> AppResult<SlotKind> {
        let slots = self.dir.key_slots()?;
        let (key, slot) = match request {
            UnlockRequest::Keyring if self.locked_after_use => {
                return Err(AppError::new(
                    ErrorCode::SecretRequired,
                    "Kernteam is vergrendeld. Ontgrendel met uw wachtwoord of herstelsleutel; de sleutelbos opent Kernteam alleen bij het starten.",
                ));
            }
            UnlockRequest::Keyring => (slots.unlock_keyring()?, SlotKind::Keyring),
            UnlockRequest::Passphrase { passphrase } => {
                (slots.unlock_passphrase(passphrase)?, SlotKind::Passphrase)
            }
            UnlockRequest::RecoveryKey { recovery_key } => {
                let recovery = RecoveryKey::parse(recovery_key).ok_or_else(|| AppError {
                    code: ErrorCode::WrongPassphrase,
                    message: "Een herstelsleutel bestaat uit 32 tekens in 8 groepen van 4. Controleer wat u hebt ingetypt.".into(),
                    field: Some("recoveryKey".into()),
                })?;
                (slots.unlock_recovery(&recovery)?, SlotKind::Recovery)
            }
        };
        // The key came out of an authenticated slot, so a failure to decrypt means damage.
        let mut store = Store::open(&self.dir, key).map_err(|e| match e {
            StoreError::CannotDecrypt => {
                StoreError::Damaged("key slot and database disagree".into())
            }
            other => other,
        })?;
        self.audit = Some(check_audit(&mut store, Walk::SinceVerified));
        self.store = Some(store);
        self.unlocked_by_recovery = slot == SlotKind::Recovery;
        self.last_activity = std::time::Instant::now();
        Ok(slot)
    }

    /// Drops the store: the connection closes and the key is zeroed. From now on only the
    /// passphrase or the recovery key unlocks (see `StoreStatus::keyring_unlock_allowed`).
    pub fn lock(&mut self) {
        self.unlocked_by_recovery = false;
        if let Some(store) = self.store.take() {
            self.locked_after_use = true;
            let _ = store.checkpoint();
        }
    }

    /// A person used the app (a key, the mouse): the idle lock starts counting again.
    pub fn note_activity(&mut self) {
        self.last_activity = std::time::Instant::now();
    }

    /// Locks when nobody used the app for the chosen number of minutes; true when it did.
    /// Called by the shell's own timer, which the webview can neither delay nor skip.
    pub fn lock_if_idle(&mut self, now: std::time::Instant) -> bool {
        if self.store.is_none() {
            return false;
        }
        let minutes = self
            .preferences()
            .map_or(DEFAULT_AUTO_LOCK_MINUTES, |p| p.auto_lock_minutes)
            .min(MAX_AUTO_LOCK_MINUTES);
        let idle = now.saturating_duration_since(self.last_activity);
        if idle >= std::time::Duration::from_secs(u64::from(minutes) * 60) {
            self.lock();
            return true;
        }
        false
    }

    pub(crate) fn store(&mut self) -> AppResult<&mut Store> {
        self.store.as_mut().ok_or_else(AppError::locked)
    }

    pub fn change_passphrase(&mut self, new_passphrase: &str) -> AppResult<()> {
        if let Some(reason) = passphrase::refusal(new_passphrase) {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: reason,
                field: Some("passphrase".into()),
            });
        }
        let actor = self.actor_now()?;
        self.store()?.change_passphrase(&actor, new_passphrase)?;
        self.unlocked_by_recovery = false;
        Ok(())
    }

    pub fn enable_keyring(&mut self) -> AppResult<()> {
        let actor = self.actor_now()?;
        self.store()?.enable_keyring(&actor)?;
        Ok(())
    }

    pub fn preferences(&mut self) -> AppResult<Preferences> {
        let minutes = self
            .store()?
            .setting("auto_lock_minutes")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES);
        Ok(Preferences {
            auto_lock_minutes: minutes,
        })
    }

    pub fn set_preferences(&mut self, preferences: &Preferences) -> AppResult<Preferences> {
        if !(1..=MAX_AUTO_LOCK_MINUTES).contains(&preferences.auto_lock_minutes) {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: format!(
                    "Kies een automatische vergrendeling tussen 1 en {MAX_AUTO_LOCK_MINUTES} minuten."
                ),
                field: Some("autoLockMinutes".into()),
            });
        }
        let actor = self.actor_now()?;
        self.store()?.set_setting(
            &actor,
            "auto_lock_minutes",
            &preferences.auto_lock_minutes.to_string(),
        )?;
        self.preferences()
    }

    /// A hash over every row of every table: the same before and after means nothing changed.
    pub fn logical_hash(&mut self) -> AppResult<String> {
        Ok(self.store()?.logical_hash()?)
    }

    /// Encryption, structure and the audit chain (end to end and against its recorded head).
    pub fn check(&mut self) -> AppResult<u64> {
        let store = self.store()?;
        store.check_integrity()?;
        let found = check_audit(store, Walk::Whole);
        if let Some(problem) = found.finding.problem() {
            return Err(AppError::new(ErrorCode::Damaged, problem));
        }
        Ok(u64::from(found.events))
    }

    /// Verifies the chain again now (Instellingen shows the chain as it is, not as it was at
    /// unlock); kept as the latest finding.
    pub fn recheck_audit_chain(&mut self) -> AppResult<AuditCheck> {
        let found = check_audit(self.store()?, Walk::Whole);
        self.audit = Some(found.clone());
        Ok(found)
    }

    /// After a finding at unlock, the person responsible (an older copy was restored on
    /// purpose) goes on with this database: accepted in the chain, its head recorded anew.
    pub fn accept_audit_chain(&mut self) -> AppResult<AuditCheck> {
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.accept_audit_chain(&actor)?;
        let found = check_audit(store, Walk::Whole);
        self.audit = Some(found.clone());
        Ok(found)
    }

    pub fn create_school_with_team(&mut self, input: &NewSchoolWithTeam) -> AppResult<Team> {
        let school_name = required_text(
            "schoolName",
            "de naam van de school",
            &input.school_name,
            120,
        )?;
        let team_name = required_text(
            "teamName",
            "de naam van het kernteam",
            &input.team_name,
            120,
        )?;
        let region = optional_text("region", "de regio", input.region.as_deref(), 120)?;
        let cadence = optional_text("cadence", "het ritme", input.cadence.as_deref(), 120)?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        if !["noord", "midden", "zuid"].contains(&input.holiday_region.as_str()) {
            return Err(kernteam_domain::validation::Invalid::new(
                "holidayRegion",
                "Kies de vakantieregio van de school: noord, midden of zuid.",
            )
            .into());
        }
        let school = store.create_school(
            &actor,
            &school_name,
            input.school_kind,
            region.as_deref(),
            &input.holiday_region,
        )?;
        let team = store.create_team(&actor, school, &team_name, cadence.as_deref())?;
        store
            .teams()?
            .into_iter()
            .find(|t| t.id == team)
            .ok_or_else(|| StoreError::NotFound("team").into())
    }

    pub fn add_member(&mut self, input: &NewMember) -> AppResult<Member> {
        let name = required_text("name", "de naam", &input.name, 120)?;
        let email = optional_text("email", "het e-mailadres", input.email.as_deref(), 200)?;
        if let Some(e) = &email
            && !e.contains('@')
        {
            return Err(kernteam_domain::validation::Invalid::new(
                "email",
                "Dit e-mailadres klopt niet: er ontbreekt een @.",
            )
            .into());
        }
        let organisation = optional_text(
            "organisationName",
            "de organisatie",
            input.organisation_name.as_deref(),
            120,
        )?;
        let actor = self.actor_now()?;
        let store = self.store()?;
        let org = match organisation {
            Some(name) => {
                Some(store.ensure_organisation(&actor, &name, input.organisation_kind)?)
            }
            None => None,
        };
        let member = store.create_member(&actor, &name, email.as_deref(), org)?;
        store.add_team_role(&actor, input.team_id, member, input.role)?;
        store
            .members()?
            .into_iter()
            .find(|m| m.id == member)
            .ok_or_else(|| StoreError::NotFound("member").into())
    }

    /// Gives an existing member a role in (another) team: one LPA or consultant serves several
    /// schools.
    pub fn assign_member(
        &mut self,
        team: TeamId,
        member: kernteam_domain::MemberId,
        role: kernteam_domain::Role,
    ) -> AppResult<Member> {
        let actor = self.actor_now()?;
        let store = self.store()?;
        store.add_team_role(&actor, team, member, role)?;
        store
            .members()?
            .into_iter()
            .find(|m| m.id == member)
            .ok_or_else(|| StoreError::NotFound("member").into())
    }

    pub fn casussen(&mut self, team: Option<TeamId>) -> AppResult<Vec<CasusSummary>> {
        Ok(self.store()?.casussen(team)?)
    }

    pub fn organisations(&mut self) -> AppResult<Vec<kernteam_domain::Organisation>> {
        Ok(self.store()?.organisations()?)
    }

    pub fn schools(&mut self) -> AppResult<Vec<School>> {
        Ok(self.store()?.schools()?)
    }

    pub fn teams(&mut self) -> AppResult<Vec<Team>> {
        Ok(self.store()?.teams()?)
    }

    pub fn members(&mut self) -> AppResult<Vec<Member>> {
        Ok(self.store()?.members()?)
    }

    pub fn meetings(&mut self) -> AppResult<Vec<MeetingRow>> {
        Ok(self.store()?.meetings()?)
    }

    pub fn actions(&mut self) -> AppResult<Vec<ActionRow>> {
        Ok(self.store()?.actions(None)?)
    }

    pub fn monitor(&mut self) -> AppResult<MonitorCounts> {
        let today = today().to_string();
        Ok(self.store()?.monitor_counts(&today)?)
    }

    pub fn overview(&mut self) -> AppResult<Overview> {
        let now = kernteam_domain::clock::now_rfc3339();
        let counts = self.monitor()?;
        let store = self.store()?;
        let team_count = u32::try_from(store.teams()?.len()).unwrap_or(u32::MAX);
        let next_meeting = store.next_planned_meeting(&now)?;
        let open_actions = store.open_actions_due_first(8)?;
        let reminders = self.reminders()?;
        Ok(Overview {
            team_count,
            next_meeting,
            open_actions,
            counts,
            reminders,
        })
    }

    /// Loads the fictitious demo casussen (assets/demo) into the unlocked store.
    pub fn load_demo(&mut self) -> AppResult<crate::demo::DemoSummary> {
        self.load_demo_as_of(today())
    }

    /// The demo as it looks on `day` (the demo's dates follow the calendar).
    pub fn load_demo_as_of(&mut self, day: Date) -> AppResult<crate::demo::DemoSummary> {
        let actor = self.actor_now()?;
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        let summary = crate::demo::load(store, &actor, &calendar, day)?;
        // The demo is looked at through the eyes of a chair, so notes have an author.
        if self.profile()?.is_none()
            && let Some(chair) = self.members()?.into_iter().find(|m| {
                m.roles
                    .iter()
                    .any(|r| r.role == kernteam_domain::Role::Voorzitter)
            })
        {
            self.set_profile(chair.id)?;
        }
        crate::demo::held::hold_past_meetings(self, day)?;
        Ok(summary)
    }
}
