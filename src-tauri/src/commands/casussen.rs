use kernteam_app::domain::anonymity::IdentifyingText;
use kernteam_app::domain::casus::{Closure, Intake};
use kernteam_app::domain::{
    AbsenceInput, ActionId, ActionStatus, AttendanceInput, CasusDossier, CasusId, CasusSummary,
    ConsentId, ConvertToNamed, GezagHolderInput, NewAnonymousCasus, NewConsent, NewNamedCasus,
    NewSignal, NoteDraft, NoteId, RouteSuggestion, SearchHit, TeamId,
};
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
pub async fn get_casus(state: State<'_, AppState>, id: CasusId) -> CommandResult<CasusDossier> {
    state.with(move |s| s.dossier(id)).await.map_err(to_ipc)
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

#[tauri::command]
pub async fn create_anonymous_casus(
    state: State<'_, AppState>,
    input: NewAnonymousCasus,
) -> CommandResult<CasusSummary> {
    state
        .with(move |s| s.create_anonymous_casus(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn check_anonymous_text(
    state: State<'_, AppState>,
    text: String,
) -> CommandResult<Vec<IdentifyingText>> {
    state
        .with(move |s| s.check_anonymous_text(&text))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn convert_to_named(
    state: State<'_, AppState>,
    input: ConvertToNamed,
) -> CommandResult<CasusSummary> {
    state
        .with(move |s| s.convert_to_named(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_consent(
    state: State<'_, AppState>,
    casus_id: CasusId,
    input: NewConsent,
) -> CommandResult<()> {
    state
        .with(move |s| s.add_consent(casus_id, &input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn withdraw_consent(
    state: State<'_, AppState>,
    consent_id: ConsentId,
    reason: String,
) -> CommandResult<()> {
    state
        .with(move |s| s.withdraw_consent(consent_id, &reason))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_gezag_holder(
    state: State<'_, AppState>,
    casus_id: CasusId,
    holder: GezagHolderInput,
) -> CommandResult<()> {
    state
        .with(move |s| s.add_gezag_holder(casus_id, &holder))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_signal(
    state: State<'_, AppState>,
    casus_id: CasusId,
    signal: NewSignal,
) -> CommandResult<RouteSuggestion> {
    state
        .with(move |s| s.add_signal(casus_id, &signal))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn update_intake(
    state: State<'_, AppState>,
    casus_id: CasusId,
    intake: Intake,
) -> CommandResult<()> {
    state
        .with(move |s| s.update_intake(casus_id, &intake))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn save_note(state: State<'_, AppState>, draft: NoteDraft) -> CommandResult<()> {
    state
        .with(move |s| s.save_note(&draft))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn share_note(state: State<'_, AppState>, note_id: NoteId) -> CommandResult<()> {
    state
        .with(move |s| s.share_note(note_id))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn add_absence(state: State<'_, AppState>, input: AbsenceInput) -> CommandResult<()> {
    state
        .with(move |s| s.add_absence(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn set_attendance(
    state: State<'_, AppState>,
    input: AttendanceInput,
) -> CommandResult<()> {
    state
        .with(move |s| s.set_attendance(&input))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn link_sibling(
    state: State<'_, AppState>,
    casus_id: CasusId,
    sibling_id: CasusId,
    family_note: Option<String>,
) -> CommandResult<()> {
    state
        .with(move |s| s.link_sibling(casus_id, sibling_id, family_note.as_deref()))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn resolve_action(
    state: State<'_, AppState>,
    action_id: ActionId,
    status: ActionStatus,
    feedback: Option<String>,
) -> CommandResult<()> {
    state
        .with(move |s| s.resolve_action(action_id, status, feedback.as_deref()))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn close_casus(
    state: State<'_, AppState>,
    casus_id: CasusId,
    closure: Closure,
) -> CommandResult<()> {
    state
        .with(move |s| s.close_casus(casus_id, &closure))
        .await
        .map_err(to_ipc)
}

#[tauri::command]
pub async fn search(state: State<'_, AppState>, text: String) -> CommandResult<Vec<SearchHit>> {
    state.with(move |s| s.search(&text)).await.map_err(to_ipc)
}
