//! The webview's limits, read from the files Tauri builds from: a strict CSP and a capability
//! allow-list that names exactly Kernteam's own commands plus the save dialog.

use std::collections::BTreeSet;
use std::path::Path;

fn shell_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../src-tauri")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(name: &str) -> serde_json::Value {
    serde_json::from_str(&shell_file(name)).expect("valid JSON")
}

/// Permissions beyond our own commands, each with a reason.
const EXTRA_PERMISSIONS: &[&str] = &[
    // Exports are written by Rust after the user picks a place in the native save dialog.
    "dialog:allow-save",
    // The shell's idle timer tells the page it locked the store (one event, no payload).
    "core:event:allow-listen",
    "core:event:allow-unlisten",
];

/// The command names in the one command list (`kernteam_app::for_each_command!`): each entry
/// starts a line with `name(`.
fn listed_commands() -> BTreeSet<String> {
    shell_file("crates/app/src/commands.rs")
        .lines()
        .map(str::trim_start)
        .filter_map(|line| {
            let name_end = line.find('(')?;
            let name = &line[..name_end];
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .then(|| name.to_owned())
        })
        .collect()
}

/// What build.rs declares: the list itself, included.
fn build_rs_commands() -> BTreeSet<String> {
    let text = shell_file("build.rs");
    assert!(
        text.contains("include!(\"crates/app/src/commands.rs\")")
            && text.contains("for_each_command!(command_names)"),
        "build.rs declares the commands of the one list"
    );
    listed_commands()
}

/// What the shell handles: one generated adapter per listed command, all in the handler.
fn handler_commands() -> BTreeSet<String> {
    let text = shell_file("src/commands/mod.rs");
    assert!(
        text.contains("kernteam_app::for_each_command!(adapters)")
            && text.contains("tauri::generate_handler![$($name),*]"),
        "the shell generates its handler from the one list"
    );
    listed_commands()
}

#[test]
fn every_command_is_declared_and_allowed_and_nothing_else_is() {
    let declared = build_rs_commands();
    let handled = handler_commands();
    assert_eq!(
        declared, handled,
        "build.rs COMMANDS and generate_handler! must list the same commands"
    );

    let capability = json("capabilities/main-window.json");
    assert_eq!(
        capability["windows"],
        serde_json::json!(["main"]),
        "only the main window gets permissions"
    );
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission names, no scopes")
                .to_owned()
        })
        .collect();
    let mut expected: BTreeSet<String> = declared
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.extend(EXTRA_PERMISSIONS.iter().map(|p| (*p).to_owned()));
    assert_eq!(
        granted, expected,
        "the capability grants exactly our commands and the save dialog"
    );
    for forbidden in [
        "fs:",
        "shell:",
        "http:",
        "opener:",
        "core:default",
        "core:webview",
    ] {
        assert!(
            !granted.iter().any(|p| p.starts_with(forbidden)),
            "{forbidden} must never be granted"
        );
    }

    let conf = json("tauri.conf.json");
    assert_eq!(
        conf["app"]["security"]["capabilities"],
        serde_json::json!(["main-window"]),
        "capabilities are listed explicitly"
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/capabilities");
    let files: Vec<_> = std::fs::read_dir(dir)
        .expect("capabilities dir")
        .flatten()
        .collect();
    assert_eq!(
        files.len(),
        1,
        "no other capability file can widen the allow-list"
    );
}

#[test]
fn the_csp_allows_nothing_remote_and_no_inline_code() {
    let conf = json("tauri.conf.json");
    let security = &conf["app"]["security"];
    let csp = security["csp"]
        .as_object()
        .expect("a CSP is set (Tauri sets none by default)");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost", "IPC only");
    for (directive, value) in csp {
        let value = value.as_str().expect("string directive");
        assert!(
            !value.contains("unsafe-inline") && !value.contains("unsafe-eval"),
            "{directive}: {value}"
        );
        for source in value.split_whitespace() {
            let remote =
                source.starts_with("http:") || source.starts_with("https:") || source == "*";
            assert!(
                !remote || source == "http://ipc.localhost",
                "{directive} allows a remote source: {source}"
            );
        }
    }
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(
        conf["app"]["withGlobalTauri"], false,
        "no global __TAURI__ for injected scripts"
    );
    let text = shell_file("tauri.conf.json");
    assert!(!text.contains("dangerous"), "no dangerous* settings");
    assert!(
        conf["build"].get("devUrl").is_none(),
        "no dev server: the UI is always embedded"
    );
    assert_eq!(
        conf["app"]["windows"][0]["title"], "Kernteam",
        "the title never carries pupil data"
    );
}
