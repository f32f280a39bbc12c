//! The full export (interchange v2) in a session: written for `export-data`, and read back
//! either as the whole store (into a store with nothing in it yet) or, into a store with
//! records, as the v1 part merged like any v1 file.

use kernteam_domain::interchange::full::FullExport;
use kernteam_domain::validation::Invalid;
use kernteam_store::{SlotKind, Store};

use std::path::Path;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::interchange::{ExportProtection, ImportSummary};
use crate::session::Session;

/// Larger than any store we know of many times over; a file beyond it is not Kernteam's.
pub const MAX_FULL_IMPORT_BYTES: usize = 2 * 1024 * 1024 * 1024;

/// The extension the window gives a full export it saves (sealed under a password).
pub const FULL_EXPORT_EXTENSION: &str = "ktexport";

impl Session {
    /// The name the save dialog proposes: the day, never anything about pupils. `Locked` when
    /// the store is, so nobody picks a place for a file that cannot be written.
    pub fn full_export_file_name(&mut self) -> AppResult<String> {
        self.store()?;
        Ok(format!(
            "kernteam-volledige-export-{}.{FULL_EXPORT_EXTENSION}",
            kernteam_domain::clock::today().format("%Y-%m-%d")
        ))
    }

    /// Writes the whole store to `target`, sealed under `password` (which must pass the
    /// passphrase rules), as a temp file synced and renamed, and records it in the audit log.
    /// Returns the file's name.
    pub fn save_full_export(&mut self, target: &Path, password: &str) -> AppResult<String> {
        let bytes = self.export_file(ExportProtection::Password(password))?;
        kernteam_store::write_atomically(target, &bytes).map_err(|e| {
            AppError::new(
                ErrorCode::Validation,
                match e.kind() {
                    std::io::ErrorKind::StorageFull => "De volledige export kon niet worden bewaard: de schijf is vol. Er is niets half achtergebleven; kies een andere plek.",
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => "De volledige export kon niet worden bewaard: in die map mag Kernteam niet schrijven. Kies een andere plek.",
                    _ => "De volledige export kon niet worden bewaard. Er is niets half achtergebleven; probeer het opnieuw of kies een andere plek.",
                },
            )
            .caused_by(e)
        })?;
        // An export that is not in the audit log does not leave.
        if let Err(e) = self.record_data_export(false) {
            let _ = std::fs::remove_file(target);
            return Err(e);
        }
        Ok(target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default())
    }

    /// Reads an export file (a full export, or a v1 file) from disk and imports it as
    /// `import_file` does; `password` for a sealed file.
    pub fn import_path(&mut self, file: &Path, password: Option<&str>) -> AppResult<ImportSummary> {
        let unreadable = || {
            AppError::new(
                ErrorCode::Validation,
                "Het bestand kon niet worden gelezen. Er is niets geïmporteerd.",
            )
        };
        let size = std::fs::metadata(file)
            .map_err(|e| unreadable().caused_by(e))?
            .len();
        if usize::try_from(size).map_or(true, |n| n > MAX_FULL_IMPORT_BYTES) {
            return Err(Invalid::new(
                "file",
                "Het bestand is groter dan een Kernteam-export ooit wordt. Er is niets geïmporteerd.",
            )
            .into());
        }
        let bytes = std::fs::read(file).map_err(|e| unreadable().caused_by(e))?;
        if password.is_none() && kernteam_store::is_sealed(&bytes) {
            return Err(Invalid::new(
                "password",
                "Dit bestand is versleuteld: vul het wachtwoord in dat bij het exporteren is gekozen. Er is niets geïmporteerd.",
            )
            .into());
        }
        self.import_file(&bytes, password)
    }
}

impl Session {
    /// The whole store as a full export: every table, this laptop's own settings (its backup
    /// folder) left out. Records nothing (see `record_data_export`).
    pub fn export_full_document(&mut self) -> AppResult<FullExport> {
        Ok(self.store()?.export_full(crate::backup::MACHINE_SETTINGS)?)
    }

    /// A full export into this store. With nothing in the store yet (a store just set up) it
    /// becomes the store, whole: checked in a scratch file first with this store still open,
    /// then this store's database set aside (never deleted) and the import recorded as the
    /// first event after the chain it brought. Into a store with records, the v1 part is merged
    /// and the rest named as not taken over.
    pub(crate) fn import_full(&mut self, bytes: &[u8]) -> AppResult<ImportSummary> {
        if bytes.len() > MAX_FULL_IMPORT_BYTES {
            return Err(Invalid::new(
                "file",
                "Het bestand is groter dan een Kernteam-export ooit wordt. Er is niets geïmporteerd.",
            )
            .into());
        }
        let doc = FullExport::from_bytes(bytes)?;
        if self.store()?.holds_records()? {
            let part = self.store()?.exchange_part(&doc)?;
            let mut summary = self.import_exchange(part)?;
            summary.note = Some(
                "Deze opslag bevat al gegevens: casussen, mensen, teams en overleggen zijn samengevoegd. Notulen, agenda's, aanwezigheid, besluiten, het exportlog en het auditlog uit een volledige export gaan alleen mee in een nieuwe, lege opslag."
                    .to_owned(),
            );
            return Ok(summary);
        }
        let actor = self.actor_now()?;
        let slot = if self.unlocked_by_recovery {
            SlotKind::Recovery
        } else {
            SlotKind::Passphrase
        };
        let mut prepared = self.store()?.prepare_full_import(&doc)?;
        self.lock();
        let imported = match prepared.commit(kernteam_domain::clock::now()) {
            Ok(imported) => imported,
            Err(e) => {
                // Everything was put back: open the store that was here again.
                let store = prepared.reopen()?;
                self.adopt(store, slot, false);
                return Err(e.into());
            }
        };
        let mut store = Store::open(self.data_dir(), imported.key)?;
        store.record_full_import(&actor, imported.rows)?;
        self.adopt(store, slot, true);
        Ok(ImportSummary {
            added: u32::try_from(imported.rows).unwrap_or(u32::MAX),
            already_present: 0,
            refused: Vec::new(),
            whole_store: true,
            set_aside: imported
                .set_aside
                .map(|folder| folder.display().to_string()),
            note: None,
        })
    }
}
