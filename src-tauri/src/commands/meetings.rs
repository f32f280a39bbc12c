//! The team's year schedule saved as an iCalendar file through the native save dialog.

use kernteam_app::domain::TeamId;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

/// Asks where to save the team's calendar (native dialog, Rust writes the file atomically).
/// `false` when the user cancelled.
pub async fn export_schedule_ics(
    app: tauri::AppHandle,
    state: &AppState,
    team_id: TeamId,
) -> CommandResult<bool> {
    use tauri_plugin_dialog::DialogExt;
    let text = state
        .with(move |s| s.schedule_ics(team_id))
        .await
        .map_err(to_ipc)?;
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter("Agenda (iCalendar)", &["ics"])
            // The file name names the product, never a pupil.
            .set_file_name("kernteam-jaarrooster.ics")
            .blocking_save_file()
    })
    .await
    .map_err(|_| write_failed())?;
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    kernteam_app::write_atomically(&path, text.as_bytes()).map_err(|_| write_failed())?;
    Ok(true)
}

fn write_failed() -> kernteam_app::IpcError {
    kernteam_app::IpcError {
        code: kernteam_app::ErrorCode::Internal,
        message: "Het bestand kon niet worden geschreven (schijf vol of map alleen-lezen?). Er is geen half bestand achtergebleven; kies een andere map.".into(),
        field: None,
    }
}
