//! Backups from the window: the folder chosen in a native dialog, a backup run on a thread of
//! its own (the session is held only to prepare it and to record how it went), and a backup
//! file picked for a restore.

use kernteam_app::{AppError, BackupFile, BackupJob, BackupReport, BackupStatus, ErrorCode};

use super::dialog::{ask, starting_in_home};
use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

/// The native folder dialog; the folder chosen becomes the backup folder. `None` when the user
/// cancelled.
pub async fn choose_folder(
    app: tauri::AppHandle,
    state: &AppState,
) -> CommandResult<Option<BackupStatus>> {
    let chosen = ask(app, |dialog| {
        starting_in_home(dialog)
            .set_title("Map voor back-ups")
            .blocking_pick_folder()
    })
    .await;
    let Some(folder) = chosen else {
        return Ok(None);
    };
    state
        .with(move |s| s.set_backup_folder(&folder).map(Some))
        .await
        .map_err(to_ipc)
}

/// Takes a backup into the chosen folder now.
pub async fn backup_now(_app: tauri::AppHandle, state: &AppState) -> CommandResult<BackupReport> {
    let job = state
        .with(|s| {
            s.backup_job(false)?.ok_or_else(|| {
                AppError::new(
                    ErrorCode::Validation,
                    "Kies eerst een map voor de back-ups.",
                )
            })
        })
        .await
        .map_err(to_ipc)?;
    run(state, job).await.map_err(to_ipc)
}

/// Runs a job off the session (the app stays usable), then records how it ended.
pub async fn run(state: &AppState, job: BackupJob) -> Result<BackupReport, AppError> {
    let outcome = tauri::async_runtime::spawn_blocking(move || job.run_gently())
        .await
        .unwrap_or_else(|_| {
            Err(AppError::new(
                ErrorCode::Internal,
                "De back-up is onderbroken; probeer het opnieuw.",
            ))
        });
    state
        .with(move |s| {
            s.backup_finished(&outcome)?;
            outcome
        })
        .await
}

/// The native open dialog for a backup file, read without a key (when it was taken, its size),
/// so the person sees what she is about to restore. `None` when she cancelled.
pub async fn choose_file(
    app: tauri::AppHandle,
    _state: &AppState,
) -> CommandResult<Option<BackupFile>> {
    let chosen = ask(app, |dialog| {
        starting_in_home(dialog)
            .set_title("Back-up kiezen")
            .add_filter("Kernteam-back-up", &[kernteam_app::BACKUP_EXTENSION])
            .blocking_pick_file()
    })
    .await;
    let Some(file) = chosen else {
        return Ok(None);
    };
    tauri::async_runtime::spawn_blocking(move || kernteam_app::inspect_backup_file(&file))
        .await
        .map_err(|_| {
            to_ipc(AppError::new(
                ErrorCode::Internal,
                "Het bestand kon niet worden gelezen.",
            ))
        })?
        .map(Some)
        .map_err(to_ipc)
}
