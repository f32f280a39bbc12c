//! The full export from the window: the whole store sealed under a password the person chooses
//! and saved through the native dialog, and an export file (full or v1) read back through the
//! open dialog. What the file holds and how it is checked is `kernteam_app::full_export`'s.

use kernteam_app::domain::validation::Invalid;
use kernteam_app::{AppError, FULL_EXPORT_EXTENSION, ImportSummary};

use super::dialog::{ask, starting_in_home};
use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

/// Refuses a weak password before any dialog opens, then asks where the file goes. `None` when
/// the person cancelled.
pub async fn save(
    app: tauri::AppHandle,
    state: &AppState,
    password: String,
) -> CommandResult<Option<String>> {
    if let Some(refusal) = kernteam_app::domain::passphrase::refusal(&password) {
        return Err(to_ipc(AppError::from(Invalid::new("password", refusal))));
    }
    let name = state
        .with(|s| s.full_export_file_name())
        .await
        .map_err(to_ipc)?;
    let chosen = ask(app, move |dialog| {
        starting_in_home(dialog)
            .set_title("Volledige export opslaan")
            .add_filter("Kernteam-export", &[FULL_EXPORT_EXTENSION])
            .set_file_name(&name)
            .blocking_save_file()
    })
    .await;
    let Some(target) = chosen else {
        return Ok(None);
    };
    state
        .with(move |s| s.save_full_export(&target, &password).map(Some))
        .await
        .map_err(to_ipc)
}

/// The open dialog for an export file, then the import (`password` for a sealed one, empty
/// for none). `None` when the person cancelled.
pub async fn import(
    app: tauri::AppHandle,
    state: &AppState,
    password: String,
) -> CommandResult<Option<ImportSummary>> {
    let chosen = ask(app, |dialog| {
        starting_in_home(dialog)
            .set_title("Export inlezen")
            .add_filter("Kernteam-export", &[FULL_EXPORT_EXTENSION, "json"])
            .blocking_pick_file()
    })
    .await;
    let Some(file) = chosen else {
        return Ok(None);
    };
    state
        .with(move |s| {
            let password = Some(password.as_str()).filter(|p| !p.is_empty());
            s.import_path(&file, password).map(Some)
        })
        .await
        .map_err(to_ipc)
}
