use kernteam_app::demo::DemoSummary;
use kernteam_app::{
    AuditCheck, PassphraseCheck, Preferences, SetupOutcome, SetupRequest, StoreStatus,
    UnlockRequest,
};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

#[tauri::command]
pub async fn store_status(state: State<'_, AppState>) -> CommandResult<StoreStatus> {
    state.with(|s| Ok(s.status())).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn keyring_available(state: State<'_, AppState>) -> CommandResult<bool> {
    state
        .with(|s| Ok(s.keyring_available()))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn check_passphrase(passphrase: String) -> CommandResult<PassphraseCheck> {
    Ok(kernteam_app::check_passphrase(&passphrase))
}

#[tauri::command]
pub async fn setup_store(
    state: State<'_, AppState>,
    request: SetupRequest,
) -> CommandResult<SetupOutcome> {
    state.with(move |s| s.setup(&request)).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, request: UnlockRequest) -> CommandResult<()> {
    state
        .with(move |s| s.unlock(&request))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> CommandResult<()> {
    state
        .with(|s| {
            s.lock();
            Ok(())
        })
        .await
        .map_err(to_ipc)
}

/// The UI reports that a person used it (throttled); the shell's idle timer counts from here.
#[tauri::command]
pub async fn note_activity(state: State<'_, AppState>) -> CommandResult<()> {
    state
        .with(|s| {
            s.note_activity();
            Ok(())
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<()> {
    state
        .with(move |s| s.change_passphrase(&passphrase))
        .await
        .map_err(to_ipc)
}

/// The audit chain verified again, for Instellingen.
#[tauri::command]
pub async fn recheck_audit_chain(state: State<'_, AppState>) -> CommandResult<AuditCheck> {
    state
        .with(|s| s.recheck_audit_chain())
        .await
        .map_err(to_ipc)
}

/// The chair goes on with a database the unlock check found older or different (restored on
/// purpose): the acceptance is logged and the head is recorded anew.
#[tauri::command]
pub async fn accept_audit_chain(state: State<'_, AppState>) -> CommandResult<AuditCheck> {
    state.with(|s| s.accept_audit_chain()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn enable_keyring(state: State<'_, AppState>) -> CommandResult<()> {
    state.with(|s| s.enable_keyring()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn get_preferences(state: State<'_, AppState>) -> CommandResult<Preferences> {
    state.with(|s| s.preferences()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn set_preferences(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    state
        .with(move |s| s.set_preferences(&preferences))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> CommandResult<DemoSummary> {
    state.with(|s| s.load_demo()).await.map_err(to_ipc)
}
