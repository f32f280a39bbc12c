//! The language of the UI, chosen in Instellingen. It is kept beside the database in a plain file
//! of its own (`language`: "nl" or "en"), not in the encrypted store: the unlock screen must
//! speak it before any key is at hand, and a language code says nothing about a pupil.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Session;
use crate::error::{AppError, AppResult, ErrorCode};

/// The languages the UI is complete in; Dutch is the default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Language {
    /// Dutch, stored as "nl"; the default, also when no choice was made yet.
    #[default]
    #[serde(rename = "nl")]
    Dutch,
    /// English, stored as "en".
    #[serde(rename = "en")]
    English,
}

impl Language {
    fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        match code.trim() {
            "nl" => Some(Language::Dutch),
            "en" => Some(Language::English),
            _ => None,
        }
    }
}

const FILE: &str = "language";

impl Session {
    /// The chosen language; Dutch when none was chosen or the file is unreadable.
    pub fn language(&self) -> Language {
        std::fs::read_to_string(self.data_dir().root().join(FILE))
            .ok()
            .and_then(|text| Language::from_code(&text))
            .unwrap_or_default()
    }

    /// Works locked and unlocked alike (the unlock screen offers the choice too).
    pub fn set_language(&mut self, language: Language) -> AppResult<()> {
        let dir = self.data_dir().root();
        std::fs::create_dir_all(dir).map_err(|e| not_saved().caused_by(e))?;
        crate::write_atomically(&dir.join(FILE), language.code().as_bytes())
            .map_err(|e| not_saved().caused_by(e))
    }
}

fn not_saved() -> AppError {
    AppError::new(
        ErrorCode::Internal,
        "De taalkeuze kon niet worden bewaard (map alleen-lezen of schijf vol?).",
    )
}
