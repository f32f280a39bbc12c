use kernteam_app::domain::{
    Member, MemberId, NewMember, NewSchoolWithTeam, Role, School, Team, TeamId,
};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

#[tauri::command]
pub async fn list_teams(state: State<'_, AppState>) -> CommandResult<Vec<Team>> {
    state.with(|s| s.teams()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn list_schools(state: State<'_, AppState>) -> CommandResult<Vec<School>> {
    state.with(|s| s.schools()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn list_members(state: State<'_, AppState>) -> CommandResult<Vec<Member>> {
    state.with(|s| s.members()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn create_school_with_team(
    state: State<'_, AppState>,
    input: NewSchoolWithTeam,
) -> CommandResult<Team> {
    state
        .with(move |s| s.create_school_with_team(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_member(state: State<'_, AppState>, input: NewMember) -> CommandResult<Member> {
    state
        .with(move |s| s.add_member(&input))
        .await
        .map_err(to_ipc)
}

/// Gives an existing person a role in another team: one LPA or consultant serves several schools.
#[tauri::command]
pub async fn assign_member(
    state: State<'_, AppState>,
    team_id: TeamId,
    member_id: MemberId,
    role: Role,
) -> CommandResult<Member> {
    state
        .with(move |s| s.assign_member(team_id, member_id, role))
        .await
        .map_err(to_ipc)
}
