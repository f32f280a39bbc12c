use kernteam_app::SchoolSettings;
use kernteam_app::domain::casus::RouteStep;
use kernteam_app::domain::verzuim::{HolidayCalendar, ThuiszitterDefinition};
use kernteam_app::domain::{Member, MemberId};
use tauri::State;

use crate::error::{CommandResult, to_ipc};
use crate::state::AppState;

/// The user's own member profile (author of notes), if chosen.
#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> CommandResult<Option<Member>> {
    state
        .with(|s| {
            let id = s.profile()?;
            Ok(s.members()?.into_iter().find(|m| Some(m.id) == id))
        })
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn set_profile(state: State<'_, AppState>, member_id: MemberId) -> CommandResult<()> {
    state
        .with(move |s| s.set_profile(member_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn get_holidays(state: State<'_, AppState>) -> CommandResult<HolidayCalendar> {
    state.with(|s| s.holiday_calendar()).await.map_err(to_ipc)
}

#[tauri::command]
pub async fn set_holidays(
    state: State<'_, AppState>,
    calendar: HolidayCalendar,
) -> CommandResult<()> {
    state
        .with(move |s| s.set_holiday_calendar(&calendar))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn get_routekaart(
    state: State<'_, AppState>,
    region: Option<String>,
) -> CommandResult<Vec<RouteStep>> {
    state
        .with(move |s| s.routekaart(region.as_deref()))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn set_routekaart(
    state: State<'_, AppState>,
    region: Option<String>,
    steps: Vec<RouteStep>,
) -> CommandResult<()> {
    state
        .with(move |s| s.set_routekaart(region.as_deref(), &steps))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn get_thuiszitter_definition(
    state: State<'_, AppState>,
) -> CommandResult<ThuiszitterDefinition> {
    state
        .with(|s| s.thuiszitter_definition())
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn set_thuiszitter_definition(
    state: State<'_, AppState>,
    definition: ThuiszitterDefinition,
) -> CommandResult<()> {
    state
        .with(move |s| s.set_thuiszitter_definition(definition))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn update_school(
    state: State<'_, AppState>,
    settings: SchoolSettings,
) -> CommandResult<()> {
    state
        .with(move |s| s.update_school(&settings))
        .await
        .map_err(to_ipc)
}
