//! Errors as the UI and the CLI see them: a stable code to branch on and a Dutch message that
//! says what to do next. Consumers never match on the message.

use kernteam_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of error a use case hit: the stable code the UI and the CLI branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum ErrorCode {
    /// The passphrase or recovery key does not unwrap the data key.
    WrongPassphrase,
    /// The store is locked: unlock first.
    Locked,
    /// No store in the data dir yet.
    NoStore,
    /// A store exists already; set-up refuses to replace it.
    AlreadyExists,
    /// The database or its key slots are damaged; nothing was changed.
    Damaged,
    /// The database was written by a newer Kernteam.
    NewerSchema,
    /// The OS keyring did not answer; the passphrase still works.
    KeyringUnavailable,
    /// After a lock only a secret the person knows (passphrase, recovery key) unlocks.
    SecretRequired,
    /// What was asked for does not exist (any more), for instance a record removed in the meantime.
    NotFound,
    /// The input was refused; the error's `field` names the input the message is about.
    Validation,
    /// A named casus without consent valid on the day: record consent or discuss anonymously.
    ConsentRequired,
    /// The casus is closed and read-only.
    ReadOnly,
    /// Writing notes needs the user's own member profile (Instellingen → "Dit ben ik").
    ProfileRequired,
    /// Only the author of a note may change or share it.
    NotAuthor,
    /// The casus still has open actions.
    OpenActions,
    /// The disk is full: the last change was not saved, nothing else changed.
    DiskFull,
    /// The backup folder cannot be written (gone, read-only, no rights): no backup was made,
    /// the data are safe.
    BackupFolderUnavailable,
    /// A backup file is damaged, changed after it was written, or not a Kernteam backup:
    /// nothing was restored.
    BackupDamaged,
    /// Another Kernteam (the app, the command line, a second window) has this store open:
    /// nothing was opened or moved.
    InUse,
    /// Something went wrong that the user cannot fix by changing the input: a failed read or
    /// write, stored data that could not be (de)serialised, a broken internal expectation.
    Internal,
}

/// The error of every use case: a code to branch on, a Dutch message for the user, the input it
/// concerns and, for diagnosis only, its cause.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// What kind of error this is; callers branch on this, never on the message.
    pub code: ErrorCode,
    /// The Dutch message shown to the user, saying what went wrong and what to do next.
    pub message: String,
    /// For validation errors: the input the message belongs to.
    pub field: Option<String>,
    /// What went wrong underneath (the store's error, an I/O error), kept for diagnosis; it never
    /// crosses IPC and is logged only as its kind (`diagnostic`).
    #[source]
    pub source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What crosses IPC: `{ code, message, field }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// What kind of error this is; the UI branches on this, never on the message.
    pub code: ErrorCode,
    /// The Dutch message to show the user, saying what went wrong and what to do next.
    pub message: String,
    /// For validation errors: the input the message belongs to; `None` for every other error.
    pub field: Option<String>,
}

impl From<AppError> for IpcError {
    fn from(e: AppError) -> Self {
        Self {
            code: e.code,
            message: e.message,
            field: e.field,
        }
    }
}

impl AppError {
    /// An error with this code and Dutch message, without a field or a cause.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            source: None,
        }
    }

    /// The same error, keeping what caused it.
    pub fn caused_by(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// A log line without user data: the code, and for a store error its kind and SQLite's
    /// extended result code. Messages are never logged (they may one day quote input).
    pub fn diagnostic(&self) -> String {
        let store = self
            .source
            .as_deref()
            .and_then(|s| s.downcast_ref::<StoreError>());
        match store {
            Some(e) => match e.sqlite_code() {
                Some(code) => format!("{:?} (store: {}, sqlite {code})", self.code, e.kind_name()),
                None => format!("{:?} (store: {})", self.code, e.kind_name()),
            },
            None if self.source.is_some() => format!("{:?} (with a cause)", self.code),
            None => format!("{:?}", self.code),
        }
    }

    /// The error for a use case called while the store is locked (code `Locked`): unlock first.
    pub fn locked() -> Self {
        Self::new(
            ErrorCode::Locked,
            "Kernteam is vergrendeld. Ontgrendel eerst met uw wachtwoord.",
        )
    }
}

impl From<kernteam_domain::validation::Invalid> for AppError {
    fn from(e: kernteam_domain::validation::Invalid) -> Self {
        Self {
            code: ErrorCode::Validation,
            message: e.message,
            field: Some(e.field.to_owned()),
            source: None,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        use ErrorCode::*;
        let (code, message) = match &e {
            e if e.is_disk_full() => (DiskFull, "De schijf is vol. Uw laatste wijziging is niet bewaard; al het andere is veilig. Maak ruimte vrij en probeer het opnieuw.".to_owned()),
            StoreError::NoStore(_) => (NoStore, "Er is nog geen Kernteam-opslag in deze map. Richt Kernteam eerst in.".to_owned()),
            StoreError::AlreadyExists(_) => (AlreadyExists, "Er staat al een Kernteam-opslag in deze map; die wordt nooit overschreven. Ontgrendel hem of kies een andere map.".to_owned()),
            StoreError::WrongSecret => (WrongPassphrase, "Dit wachtwoord of deze herstelsleutel klopt niet. Probeer het opnieuw; let op hoofdletters.".to_owned()),
            StoreError::CannotDecrypt | StoreError::Damaged(_) => (Damaged, "Het databasebestand kan niet worden gelezen: het is beschadigd of hoort niet bij deze sleutels. Er is niets gewijzigd; zet een back-up terug of neem contact op met uw beheerder.".to_owned()),
            StoreError::NoSuchSlot("keyring") => (KeyringUnavailable, "Deze opslag heeft geen sleutel in de sleutelbos. Ontgrendel met uw wachtwoord of herstelsleutel.".to_owned()),
            StoreError::NoSuchSlot(_) => (WrongPassphrase, "Deze opslag heeft geen sleutelslot voor deze manier van ontgrendelen. Gebruik uw wachtwoord of herstelsleutel.".to_owned()),
            StoreError::KeySlotsDamaged(_) => (Damaged, "Het sleutelbestand (keys.json) ontbreekt of is beschadigd. Er is niets gewijzigd; zet keys.json terug uit een back-up.".to_owned()),
            StoreError::BackupDamaged(_) => (BackupDamaged, "Dit back-upbestand is beschadigd, na het maken gewijzigd, of geen Kernteam-back-up. Er is niets teruggezet en niets gewijzigd; kies een andere back-up.".to_owned()),
            StoreError::SealedFileDamaged(_) => (Damaged, "Dit bestand is beschadigd of is geen versleuteld Kernteam-bestand. Er is niets geïmporteerd.".to_owned()),
            StoreError::MigrationFailed { .. } => (Damaged, "Het bijwerken van de database naar deze versie van Kernteam is mislukt. Het bestand is gelaten zoals het was, en er is eerst een back-up van gemaakt (map voor-update in de gegevensmap). Neem contact op met uw beheerder.".to_owned()),
            StoreError::NewerSchema { .. } => (NewerSchema, "Deze gegevens zijn gemaakt met een nieuwere versie van Kernteam. Werk Kernteam bij om ze te openen.".to_owned()),
            StoreError::KeyringUnavailable(_) => (KeyringUnavailable, "De sleutelbos van het systeem is niet beschikbaar. Ontgrendel met uw wachtwoord.".to_owned()),
            StoreError::AuditChainBroken { seq } => (Damaged, format!("Het auditlog is gewijzigd of beschadigd (bij gebeurtenis {seq}). Meld dit bij uw beheerder.")),
            StoreError::Integrity(_) => (Damaged, "De integriteitscontrole van de database is mislukt. Zet een back-up terug of neem contact op met uw beheerder.".to_owned()),
            StoreError::NotFound(what) => (NotFound, format!("Niet gevonden ({what}). Misschien is het net verwijderd; vernieuw de lijst.")),
            StoreError::ReadOnly => (ReadOnly, "Deze casus is afgesloten en alleen nog te lezen.".to_owned()),
            StoreError::NotAuthor => (NotAuthor, "Alleen de auteur kan deze notitie wijzigen of delen.".to_owned()),
            StoreError::OpenActions(n) => (OpenActions, format!("Er {} nog {n} open {}. Rond die eerst af: gedaan, deels, niet gedaan of vervallen.", if *n == 1 { "staat" } else { "staan" }, if *n == 1 { "actie" } else { "acties" })),
            StoreError::ImportRefused(_) => (Validation, "Het bestand verwijst naar gegevens die er niet in staan (bijvoorbeeld een kernteam of lid). Er is niets geïmporteerd.".to_owned()),
            StoreError::InUse => (InUse, "Kernteam heeft deze gegevens al open in een ander venster of via de opdrachtregel. Sluit dat eerst en probeer het opnieuw; er is niets gewijzigd.".to_owned()),
            StoreError::FullImportRefused(why) => (Validation, format!("Deze volledige export is niet ingelezen: {why}. Er is niets geïmporteerd en niets gewijzigd.")),
            StoreError::Invalid(_) => (Validation, "De invoer klopt niet; controleer de velden.".to_owned()),
            StoreError::Serialise(_) => (Internal, "Er ging iets mis bij het opslaan; er is niets gewijzigd. Probeer het opnieuw.".to_owned()),
            StoreError::Sqlite(_) | StoreError::Io(_) => (Internal, "Er ging iets mis bij het opslaan of lezen. Er is niets verloren; probeer het opnieuw.".to_owned()),
        };
        Self::new(code, message).caused_by(e)
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's own "disk full" is recognised by the store (its tmpfs test); here the app
    /// turns the store's verdict into a code and a message that says what to do.
    #[test]
    fn a_full_disk_is_named_and_says_what_to_do() {
        let app = AppError::from(StoreError::Io(std::io::ErrorKind::StorageFull.into()));
        assert_eq!(app.code, ErrorCode::DiskFull);
        assert!(app.message.contains("Maak ruimte vrij"), "{}", app.message);
    }

    /// The cause stays attached for diagnosis, and the log line names its kind, not its text.
    #[test]
    fn a_store_error_keeps_its_source_and_logs_only_its_kind() {
        let app = AppError::from(StoreError::Invalid("Milan Bakker".into()));
        assert!(std::error::Error::source(&app).is_some());
        assert_eq!(app.diagnostic(), "Validation (store: Invalid)");
        assert!(!app.diagnostic().contains("Milan"));
    }

    /// A record that cannot be written as JSON is our fault: not the user's "check the fields".
    #[test]
    fn a_serialisation_failure_is_internal_not_validation() {
        let broken = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        let app = AppError::from(StoreError::Serialise(broken));
        assert_eq!(app.code, ErrorCode::Internal);
    }
}
