use kernteam_app::domain::{CasusDetail, CasusId, CasusSummary, NewNamedCasus, TeamId};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

#[tauri::command]
pub async fn list_casussen(
    state: State<'_, AppState>,
    team_id: Option<TeamId>,
) -> CommandResult<Vec<CasusSummary>> {
    state
        .with(move |s| s.casussen(team_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn get_casus(state: State<'_, AppState>, id: CasusId) -> CommandResult<CasusDetail> {
    state.with(move |s| s.casus(id)).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn create_casus(
    state: State<'_, AppState>,
    input: NewNamedCasus,
) -> CommandResult<CasusSummary> {
    state
        .with(move |s| s.create_casus(&input))
        .await
        .map_err(to_ipc)
}
