#![warn(missing_docs)]
//! Kernteam's use cases: what the desktop shell and the CLI both do, over the store and domain.

mod backup;
mod bindings;
mod casus;
pub mod changes;
pub mod command_types;
/// The one list of commands (`for_each_command!`); see the file's opening comment.
mod commands;
pub mod demo;
mod error;
mod export;
mod full_export;
mod interchange;
mod language;
mod meeting;
mod overview;
pub mod process;
mod regional;
mod session;
mod team;

pub use backup::{
    BackupFile, BackupJob, BackupReport, BackupStatus, RestoreReport, RestoreSecret,
    inspect_backup_file,
};
pub use bindings::{
    main_window_capability, typescript_bindings, typescript_client, typescript_labels,
};
pub use error::{AppError, ErrorCode, IpcError};
pub use export::{
    ActionListExportRequest, AgendaExportRequest, ExcludedItem, ExportFormat, ExportPreview,
    ExportRequest, MinutesExportRequest, SummaryExportRequest, propose_export_password,
};
pub use full_export::{FULL_EXPORT_EXTENSION, MAX_FULL_IMPORT_BYTES};
pub use interchange::{ExportProtection, ImportSummary, parse_document};
pub use kernteam_domain as domain;
pub use kernteam_store::BACKUP_EXTENSION;
pub use kernteam_store::foreground::{Serving, serving};
pub use kernteam_store::{DataDir, SCHEMA_VERSION, write_atomically};
pub use language::Language;
pub use meeting::ScheduleView;
pub use overview::Overview;
pub use regional::SchoolSettings;
pub use session::*;

/// The app's data dir, as the desktop shell resolves it from its identifier on Linux
/// (`$XDG_DATA_HOME/nl.kernteam.desktop`); the CLI uses the same so both see one store.
pub fn default_data_dir() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share"))
        })?;
    Some(base.join(IDENTIFIER))
}

/// The app's identifier (as in `tauri.conf.json`): the name of its data dir under the user's
/// data directory.
pub const IDENTIFIER: &str = "nl.kernteam.desktop";
