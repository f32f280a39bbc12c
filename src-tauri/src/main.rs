// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::ffi::OsStr;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `kernteam cli …` is the headless CLI, decided before Tauri starts: the package ships one
    // binary (the store, the exports and Typst linked once), `/usr/bin/kernteam-cli` calls it so.
    if std::env::args_os().nth(1).as_deref() == Some(OsStr::new("cli")) {
        let program = std::iter::once("kernteam-cli".into());
        return kernteam_cli::main_with(program.chain(std::env::args_os().skip(2)));
    }
    kernteam_lib::run();
    ExitCode::SUCCESS
}
