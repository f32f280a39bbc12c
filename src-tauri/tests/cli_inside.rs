//! The package ships one binary: `kernteam cli …` is the CLI (`/usr/bin/kernteam-cli` is a script
//! that calls it so). The CLI is chosen before Tauri starts, so it runs without a display.

use std::process::Command;

fn app() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kernteam"));
    // No display at all: a window or a Tauri plugin starting would fail the call.
    c.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    c
}

#[test]
fn the_app_binary_is_the_cli_when_asked() {
    let out = app().args(["cli", "--version"]).output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("kernteam-cli "), "{text}");
}

#[test]
fn the_cli_inside_keeps_its_exit_codes() {
    // A usage error is 2, as the CLI's own binary gives it (cli/tests/exit_codes.rs).
    let out = app()
        .args(["cli", "no-such-command"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    // No store in the data dir is 4.
    let empty = std::env::temp_dir().join(format!("kernteam-cli-inside-{}", std::process::id()));
    let out = app()
        .args(["cli", "--data-dir"])
        .arg(&empty)
        .arg("check")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(4), "{out:?}");
}
