//! The user's preferences kept in the store (the idle lock's minutes).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DEFAULT_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES, Session};
use crate::error::{AppError, AppResult, ErrorCode};

/// The user's preferences, kept in the encrypted store.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// Minutes without activity before Kernteam locks itself, 1 to 30 (default 5).
    pub auto_lock_minutes: u32,
}

impl Session {
    /// The preferences as saved, with the default for any not chosen yet.
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

    /// Saves the preferences and returns them as now stored. An idle lock outside 1 to 30 minutes
    /// gives `Validation`. Recorded in the audit log as a changed setting.
    pub fn set_preferences(&mut self, preferences: &Preferences) -> AppResult<Preferences> {
        if !(1..=MAX_AUTO_LOCK_MINUTES).contains(&preferences.auto_lock_minutes) {
            return Err(AppError {
                code: ErrorCode::Validation,
                message: format!(
                    "Kies een automatische vergrendeling tussen 1 en {MAX_AUTO_LOCK_MINUTES} minuten."
                ),
                field: Some("autoLockMinutes".into()),
                source: None,
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
}
