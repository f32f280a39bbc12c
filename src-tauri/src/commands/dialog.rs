//! The native file dialogs. They block until the person answers, so they run off the async
//! runtime; every command that asks for a path goes through `ask`.

use std::path::PathBuf;

use tauri_plugin_dialog::{DialogExt as _, FileDialogBuilder, FilePath};

/// Shows the dialog `build` makes of a fresh one and waits: the path chosen, or `None` when the
/// person cancelled (or the dialog could not be shown).
pub(super) async fn ask(
    app: tauri::AppHandle,
    build: impl FnOnce(FileDialogBuilder<tauri::Wry>) -> Option<FilePath> + Send + 'static,
) -> Option<PathBuf> {
    tauri::async_runtime::spawn_blocking(move || build(app.dialog().file()))
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
}

/// GTK's dialog otherwise opens on "Recent", which lists files, never folders, and where a
/// typed path is not followed: the home folder is where a person starts looking.
pub(super) fn starting_in_home<R: tauri::Runtime>(
    dialog: FileDialogBuilder<R>,
) -> FileDialogBuilder<R> {
    match std::env::var_os("HOME").map(PathBuf::from) {
        Some(home) if home.is_dir() => dialog.set_directory(home),
        _ => dialog,
    }
}
