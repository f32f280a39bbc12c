//! A bare Tauri window with the same Tauri, plugins and window size as Kernteam and one static
//! page: what `cargo xtask bench` compares Kernteam's start-up time and memory against.

use std::sync::OnceLock;
use std::time::Instant;

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Printed in Kernteam's own format, so the bench reads both the same way.
#[tauri::command]
fn first_screen_shown() {
    if let Some(start) = PROCESS_START.get() {
        eprintln!(
            "kernteam-startup: shown {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

fn main() {
    let _ = PROCESS_START.set(Instant::now());
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|_, _, _| {}))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![first_screen_shown])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("bare window: {e}");
            std::process::exit(1);
        }
    }
}
