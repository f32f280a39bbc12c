//! Exports for partners: preview, save (native dialog, Rust writes the file) and the log.
//! The four documents (minutes, overdracht, action list, agenda) share one path through
//! `ExportRequest`; each command only names its request type.

use kernteam_app::domain::ExportLogRow;
use kernteam_app::{
    ActionListExportRequest, AgendaExportRequest, ExportPreview, ExportRequest,
    MinutesExportRequest, SummaryExportRequest,
};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

async fn preview<R: ExportRequest>(state: &AppState, request: R) -> CommandResult<ExportPreview> {
    state
        .with(move |s| s.preview_export(&request))
        .await
        .map_err(to_ipc)
}

/// The native save dialog with the proposed name (which holds no pupil data), then Rust writes
/// and logs the file. `None` when the user cancelled.
async fn save<R: ExportRequest>(
    app: tauri::AppHandle,
    state: &AppState,
    request: R,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let format = request.format();
    let name = preview(state, request.clone()).await?.file_name;
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter(format.kind_of_file(), &[format.extension()])
            .set_file_name(&name)
            .blocking_save_file()
    })
    .await
    .ok()
    .flatten()
    .and_then(|p| p.into_path().ok());
    let Some(path) = chosen else {
        return Ok(None);
    };
    state
        .with(move |s| {
            s.save_export(&request, &path, password.as_deref(), unencrypted_confirmed)
                .map(|p| Some(p.file_name))
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn preview_minutes_export(
    state: State<'_, AppState>,
    request: MinutesExportRequest,
) -> CommandResult<ExportPreview> {
    preview(&state, request).await
}

#[tauri::command]
pub async fn save_minutes_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: MinutesExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    save(app, &state, request, password, unencrypted_confirmed).await
}

#[tauri::command]
pub async fn preview_summary_export(
    state: State<'_, AppState>,
    request: SummaryExportRequest,
) -> CommandResult<ExportPreview> {
    preview(&state, request).await
}

#[tauri::command]
pub async fn save_summary_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: SummaryExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    save(app, &state, request, password, unencrypted_confirmed).await
}

#[tauri::command]
pub async fn preview_action_list_export(
    state: State<'_, AppState>,
    request: ActionListExportRequest,
) -> CommandResult<ExportPreview> {
    preview(&state, request).await
}

#[tauri::command]
pub async fn save_action_list_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: ActionListExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    save(app, &state, request, password, unencrypted_confirmed).await
}

#[tauri::command]
pub async fn preview_agenda_export(
    state: State<'_, AppState>,
    request: AgendaExportRequest,
) -> CommandResult<ExportPreview> {
    preview(&state, request).await
}

#[tauri::command]
pub async fn save_agenda_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: AgendaExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    save(app, &state, request, password, unencrypted_confirmed).await
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
