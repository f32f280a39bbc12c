//! Exports for partners: preview, save (native dialog, Rust writes the file) and the log.

use kernteam_app::domain::ExportLogRow;
use kernteam_app::{ExportFormat, ExportPreview, MinutesExportRequest};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

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

/// Asks where to save (the proposed name holds no pupil data), then writes and logs it.
/// `None` when the user cancelled.
#[tauri::command]
pub async fn save_minutes_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    request: MinutesExportRequest,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let preview = {
        let request = request.clone();
        state
            .with(move |s| s.preview_minutes_export(&request))
            .await
            .map_err(to_ipc)?
    };
    let name = preview.file_name.clone();
    let request_is_docx = request.format == ExportFormat::Docx;
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter(
                if request_is_docx {
                    "Word-document"
                } else {
                    "Markdown"
                },
                &[if request_is_docx { "docx" } else { "md" }],
            )
            .set_file_name(&name)
            .blocking_save_file()
    })
    .await
    .ok()
    .flatten();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
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

/// A password to read out over the phone (five words and a number).
#[tauri::command]
pub async fn propose_export_password() -> CommandResult<String> {
    Ok(kernteam_app::propose_export_password())
}

#[tauri::command]
pub async fn export_log(state: State<'_, AppState>) -> CommandResult<Vec<ExportLogRow>> {
    state.with(|s| s.export_log()).await.map_err(to_ipc)
}
