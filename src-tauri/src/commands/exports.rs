//! Saving an export for a partner: the native save dialog, then Rust writes and logs the file.
//! The four documents (minutes, overdracht, action list, agenda) share this one path through
//! `ExportRequest`; the command list names each command's request type.

use kernteam_app::{ExportPreview, ExportRequest};

use super::dialog::ask;
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
pub async fn save<R: ExportRequest>(
    app: tauri::AppHandle,
    state: &AppState,
    request: R,
    password: Option<String>,
    unencrypted_confirmed: bool,
) -> CommandResult<Option<String>> {
    let format = request.format();
    let name = preview(state, request.clone()).await?.file_name;
    let chosen = ask(app, move |dialog| {
        dialog
            .add_filter(format.kind_of_file(), &[format.extension()])
            .set_file_name(&name)
            .blocking_save_file()
    })
    .await;
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
