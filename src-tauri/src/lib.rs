//! The Tauri shell: builder and set-up only. Commands live in `commands/`, one file per area.

mod commands;
mod error;
#[cfg(target_os = "linux")]
pub mod os_lock;
mod state;

use tauri::{Manager, RunEvent};

use crate::state::AppState;

pub fn run() {
    kernteam_app::process::harden();
    commands::mark_process_start();
    let app = tauri::Builder::default()
        // First, so a second launch hands over to the running one before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // A data dir that cannot be resolved must not crash the app: the UI then reports
            // every command's error instead of a blank exit.
            let dir = std::env::var_os("KERNTEAM_DATA_DIR")
                .map(std::path::PathBuf::from)
                .or_else(|| app.path().app_data_dir().ok())
                .unwrap_or_else(|| std::path::PathBuf::from(kernteam_app::IDENTIFIER));
            let state = AppState::new(dir);
            let status = serde_json::to_string(&state.status_now())?;
            state.watch_idle(app.handle().clone());
            state.watch_backups(app.handle().clone());
            #[cfg(target_os = "linux")]
            state.watch_os_lock(app.handle().clone());
            app.manage(state);
            open_main_window(app, &status)?;
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(e) => {
            eprintln!("Kernteam kon niet starten: {e}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            // The day's last backup, then fold the WAL back and drop the key before the
            // process ends.
            if let Some(state) = handle.try_state::<AppState>() {
                state.backup_on_close();
                state.lock_now();
            }
        }
    });
}

/// The main window from its configuration, with the store's state handed to the page at its
/// first load: the first screen (set-up or unlock) then draws without waiting for a round trip
/// over IPC. The state holds no user data (which screen, which key slots exist).
fn open_main_window(app: &tauri::App, status: &str) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    let mut window = tauri::WebviewWindowBuilder::from_config(app, &config)?
        .initialization_script(format!("window.__KERNTEAM_FIRST_STATUS__ = {status};"));
    // WebKit's own storage (caches, its databases) stays out of the store's folder, which
    // holds only the encrypted database and its key slots.
    if let Ok(cache) = app.path().app_cache_dir() {
        window = window.data_directory(cache.join("webview"));
    }
    window.build()?;
    Ok(())
}
