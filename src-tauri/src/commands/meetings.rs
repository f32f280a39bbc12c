use kernteam_app::domain::agenda::{AgendaDraft, AgendaItem, AgendaItemInput};
use kernteam_app::domain::casus::Closure;
use kernteam_app::domain::live::{
    LiveMeeting, MinuteBlock, MinutesBody, MinutesVersion, NewAction, UrgentAction,
};
use kernteam_app::domain::schedule::{Exception, Recurrence};
use kernteam_app::domain::{
    ActionId, ActionRow, ActionStatus, AgendaItemId, CasusId, DataCategory, MeetingId, MeetingRow,
    MemberId, MonitorCounts, Organisation, TeamId,
};
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

#[tauri::command]
pub async fn live_meeting(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
) -> CommandResult<LiveMeeting> {
    state
        .with(move |s| s.live_meeting(meeting_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn start_meeting(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
) -> CommandResult<LiveMeeting> {
    state
        .with(move |s| s.start_meeting(meeting_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn set_presence(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    member_id: MemberId,
    present: bool,
) -> CommandResult<()> {
    state
        .with(move |s| s.set_presence(meeting_id, member_id, present))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn save_block(
    state: State<'_, AppState>,
    agenda_item_id: AgendaItemId,
    block: MinuteBlock,
) -> CommandResult<()> {
    state
        .with(move |s| s.save_block(agenda_item_id, &block))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_decision(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    agenda_item_id: Option<AgendaItemId>,
    casus_id: Option<CasusId>,
    text: String,
    category: Option<DataCategory>,
) -> CommandResult<()> {
    state
        .with(move |s| {
            s.add_decision(
                meeting_id,
                agenda_item_id,
                casus_id,
                &text,
                category.unwrap_or_default(),
            )
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_action(state: State<'_, AppState>, input: NewAction) -> CommandResult<()> {
    state
        .with(move |s| s.add_action(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn log_urgent_action(
    state: State<'_, AppState>,
    input: UrgentAction,
) -> CommandResult<()> {
    state
        .with(move |s| s.log_urgent_action(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn review_action(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    agenda_item_id: AgendaItemId,
    action_id: ActionId,
    status: ActionStatus,
    feedback: Option<String>,
) -> CommandResult<()> {
    state
        .with(move |s| {
            s.review_action(
                meeting_id,
                agenda_item_id,
                action_id,
                status,
                feedback.as_deref(),
            )
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn close_casus_in_meeting(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    agenda_item_id: AgendaItemId,
    casus_id: CasusId,
    closure: Closure,
) -> CommandResult<()> {
    state
        .with(move |s| s.close_casus_in_meeting(meeting_id, agenda_item_id, casus_id, &closure))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn edit_concept_block(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    index: u32,
    block: MinuteBlock,
) -> CommandResult<()> {
    state
        .with(move |s| s.edit_concept_block(meeting_id, index, &block))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_spent(
    state: State<'_, AppState>,
    agenda_item_id: AgendaItemId,
    seconds: u32,
) -> CommandResult<()> {
    state
        .with(move |s| s.add_spent(agenda_item_id, seconds))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn close_meeting(state: State<'_, AppState>, meeting_id: MeetingId) -> CommandResult<()> {
    state
        .with(move |s| s.close_meeting(meeting_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> CommandResult<Vec<Organisation>> {
    state.with(|s| s.organisations()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn get_minutes(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
) -> CommandResult<Vec<MinutesVersion>> {
    state
        .with(move |s| s.minutes(meeting_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn finalise_minutes(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
) -> CommandResult<()> {
    state
        .with(move |s| s.finalise_minutes(meeting_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn correct_minutes(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    reason: String,
    body: Option<MinutesBody>,
) -> CommandResult<u32> {
    state
        .with(move |s| s.correct_minutes(meeting_id, &reason, body.as_ref()))
        .await
        .map_err(to_ipc)
}

/// Asks where to save the team's calendar (native dialog, Rust writes the file atomically).
/// `false` when the user cancelled.
#[tauri::command]
pub async fn export_schedule_ics(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
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
