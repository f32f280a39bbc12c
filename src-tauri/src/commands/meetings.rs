use kernteam_app::Overview;
use kernteam_app::domain::{ActionRow, MeetingRow, MonitorCounts};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

#[tauri::command]
pub async fn overview(state: State<'_, AppState>) -> CommandResult<Overview> {
    state.with(|s| s.overview()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn monitor(state: State<'_, AppState>) -> CommandResult<MonitorCounts> {
    state.with(|s| s.monitor()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn list_meetings(state: State<'_, AppState>) -> CommandResult<Vec<MeetingRow>> {
    state.with(|s| s.meetings()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn list_actions(state: State<'_, AppState>) -> CommandResult<Vec<ActionRow>> {
    state.with(|s| s.actions()).await.map_err(to_ipc)
}
