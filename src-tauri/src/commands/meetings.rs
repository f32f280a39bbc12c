use kernteam_app::domain::agenda::{AgendaDraft, AgendaItem, AgendaItemInput};
use kernteam_app::domain::schedule::{Exception, Recurrence};
use kernteam_app::domain::{ActionRow, MeetingId, MeetingRow, MonitorCounts, TeamId};
use kernteam_app::{Overview, ScheduleView};
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

#[tauri::command]
pub async fn get_schedule(
    state: State<'_, AppState>,
    team_id: TeamId,
) -> CommandResult<ScheduleView> {
    state
        .with(move |s| s.schedule(team_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn set_schedule(
    state: State<'_, AppState>,
    team_id: TeamId,
    recurrence: Recurrence,
    exceptions: Vec<Exception>,
) -> CommandResult<ScheduleView> {
    state
        .with(move |s| s.set_schedule(team_id, &recurrence, &exceptions))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn build_agenda(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    themes: Vec<String>,
) -> CommandResult<AgendaDraft> {
    state
        .with(move |s| s.build_agenda(meeting_id, &themes))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn save_agenda(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    items: Vec<AgendaItemInput>,
) -> CommandResult<Vec<AgendaItem>> {
    state
        .with(move |s| s.save_agenda(meeting_id, &items))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn get_agenda(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
) -> CommandResult<Vec<AgendaItem>> {
    state
        .with(move |s| s.agenda(meeting_id))
        .await
        .map_err(to_ipc)
}
