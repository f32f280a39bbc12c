//! Exports for partners: preview, save (native dialog, Rust writes the file) and the log.

use std::path::PathBuf;

use kernteam_app::domain::ExportLogRow;
use kernteam_app::{
    ActionListExportRequest, AgendaExportRequest, ExportFormat, ExportPreview,
    MinutesExportRequest, SummaryExportRequest,
};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

/// The native save dialog with the proposed name (which holds no pupil data); `None` when the
/// user cancelled.
async fn ask_where(app: tauri::AppHandle, name: String, format: ExportFormat) -> Option<PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter(format.kind_of_file(), &[format.extension()])
            .set_file_name(&name)
            .blocking_save_file()
    })
    .await
    .ok()
    .flatten()
    .and_then(|p| p.into_path().ok())
}

#[tauri::command]
pub async fn preview_minutes_export(
    state: State<'_, AppState>,
    request: MinutesExportRequest,
) -> CommandResult<ExportPreview> {
    state
        .with(move |s| s.preview_minutes_export(&request))
        .await
        .map_err(to_ipc)
}

/// Asks where to save, then writes and logs it. `None` when the user cancelled.
#[tauri::command]
pub async fn save_minutes_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: MinutesExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    let preview = {
        let request = request.clone();
        state
            .with(move |s| s.preview_minutes_export(&request))
            .await
            .map_err(to_ipc)?
    };
    let Some(path) = ask_where(app, preview.file_name, request.format).await else {
        return Ok(None);
    };
    state
        .with(move |s| {
            s.save_minutes_export(&request, &path, password.as_deref(), unencrypted_confirmed)
                .map(|p| Some(p.file_name))
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn preview_summary_export(
    state: State<'_, AppState>,
    request: SummaryExportRequest,
) -> CommandResult<ExportPreview> {
    state
        .with(move |s| s.preview_summary_export(&request))
        .await
        .map_err(to_ipc)
}

/// The casus summary (overdracht): asks where, writes and logs it. `None` when cancelled.
#[tauri::command]
pub async fn save_summary_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: SummaryExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    let preview = {
        let request = request.clone();
        state
            .with(move |s| s.preview_summary_export(&request))
            .await
            .map_err(to_ipc)?
    };
    let Some(path) = ask_where(app, preview.file_name, request.format).await else {
        return Ok(None);
    };
    state
        .with(move |s| {
            s.save_summary_export(&request, &path, password.as_deref(), unencrypted_confirmed)
                .map(|p| Some(p.file_name))
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn preview_action_list_export(
    state: State<'_, AppState>,
    request: ActionListExportRequest,
) -> CommandResult<ExportPreview> {
    state
        .with(move |s| s.preview_action_list_export(&request))
        .await
        .map_err(to_ipc)
}

/// One organisation's action list: asks where, writes and logs it. `None` when cancelled.
#[tauri::command]
pub async fn save_action_list_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: ActionListExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    let preview = {
        let request = request.clone();
        state
            .with(move |s| s.preview_action_list_export(&request))
            .await
            .map_err(to_ipc)?
    };
    let Some(path) = ask_where(app, preview.file_name, request.format).await else {
        return Ok(None);
    };
    state
        .with(move |s| {
            s.save_action_list_export(&request, &path, password.as_deref(), unencrypted_confirmed)
                .map(|p| Some(p.file_name))
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn preview_agenda_export(
    state: State<'_, AppState>,
    request: AgendaExportRequest,
) -> CommandResult<ExportPreview> {
    state
        .with(move |s| s.preview_agenda_export(&request))
        .await
        .map_err(to_ipc)
}

/// The agenda for the team's members: asks where, writes and logs it. `None` when cancelled.
#[tauri::command]
pub async fn save_agenda_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: AgendaExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    let preview = {
        let request = request.clone();
        state
            .with(move |s| s.preview_agenda_export(&request))
            .await
            .map_err(to_ipc)?
    };
    let Some(path) = ask_where(app, preview.file_name, request.format).await else {
        return Ok(None);
    };
    state
        .with(move |s| {
            s.save_agenda_export(&request, &path, password.as_deref(), unencrypted_confirmed)
                .map(|p| Some(p.file_name))
        })
        .await
        .map_err(to_ipc)
}

/// A password to read out over the phone (five words and a number).
#[tauri::command]
pub async fn propose_export_password() -> CommandResult<String> {
    Ok(kernteam_app::propose_export_password())
}

#[tauri::command]
pub async fn export_log(state: State<'_, AppState>) -> CommandResult<Vec<ExportLogRow>> {
    state.with(|s| s.export_log()).await.map_err(to_ipc)
}
