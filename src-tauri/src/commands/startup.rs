use std::sync::OnceLock;
use std::time::Instant;

use crate::error::CommandResult;
use crate::state::AppState;

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `run()`, so start-up is measured from the process's own beginning.
pub fn mark_process_start() {
    let _ = PROCESS_START.set(Instant::now());
}

/// The UI reports its first rendered screen. With KERNTEAM_REPORT_STARTUP set (only by
/// `cargo xtask bench`) the shell prints the time since start; otherwise it does nothing.
/// Only known screen names are printed: nothing the user typed ever reaches a log.
pub async fn first_screen_shown(
    _app: tauri::AppHandle,
    _state: &AppState,
    screen: String,
) -> CommandResult<()> {
    const SCREENS: &[&str] = &["new", "locked", "unlocked", "unreadable", "list"];
    if std::env::var_os("KERNTEAM_REPORT_STARTUP").is_some()
        && SCREENS.contains(&screen.as_str())
        && let Some(start) = PROCESS_START.get()
    {
        eprintln!(
            "kernteam-startup: {screen} {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    Ok(())
}
