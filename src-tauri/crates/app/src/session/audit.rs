//! The audit chain as the unlock found it, checked again on request, and accepted when a person
//! knowingly goes on with an older or another database.

use chrono::{DateTime, Utc};
use kernteam_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Session;
use crate::error::{AppError, AppResult, ErrorCode};

/// The audit chain checked at unlock: verified end to end and held against the head recorded
/// beside the database (see `kernteam_store::HeadCheck`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheck {
    /// How many events the chain holds (0 when it is broken or could not be read).
    pub events: u32,
    /// What the check found: intact, or how the chain differs from what this laptop recorded.
    pub finding: AuditFinding,
    /// What is wrong, in words for the person (the same text `check` prints); `None` when all
    /// is well.
    pub problem: Option<String>,
    /// When it was checked (RFC 3339), from the one clock.
    pub checked_at: DateTime<Utc>,
    /// How long the check took, in milliseconds.
    pub millis: u32,
}

/// The verdict on the audit log (the append-only, hash-chained record of who viewed, created,
/// changed, exported or removed what).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AuditFinding {
    /// The chain is whole and matches the head recorded beside the database.
    Intact,
    /// A store from before the head was kept: intact, and the head is recorded from now on.
    FirstRecorded,
    /// Events recorded beside the database are missing from it: an older copy was put back or
    /// the latest writes (the `-wal` file) were lost.
    Behind {
        /// How many recorded events the database lacks.
        missing: u32,
    },
    /// Another chain than the recorded one: a different database, or an edited record.
    Differs,
    /// An event was changed or removed.
    Broken {
        /// The number of the first event that does not verify.
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

/// How much of the audit chain a check walks: the whole chain (`check`, Instellingen, set-up),
/// or only what came after the position last verified whole (each unlock: flat cost).
#[derive(Clone, Copy)]
pub(crate) enum Walk {
    Whole,
    SinceVerified,
}

/// Verifies the chain and holds it against its recorded head; the result is kept for
/// Instellingen, never a reason to refuse the unlock (the data must stay reachable).
pub(crate) fn check_audit(store: &mut Store, walk: Walk) -> AuditCheck {
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
        checked_at: kernteam_domain::clock::now(),
        millis: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
    }
}

impl Session {
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
}
