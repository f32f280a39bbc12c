//! Declares the app's own commands so each gets an `allow-<command>` permission: a command not
//! listed in a capability is refused at the IPC boundary.

/// Keep in step with `src/commands/` and `capabilities/main-window.json` (checked by a test).
pub const COMMANDS: &[&str] = &[
    "store_status",
    "keyring_available",
    "check_passphrase",
    "setup_store",
    "unlock",
    "lock",
    "change_passphrase",
    "enable_keyring",
    "get_preferences",
    "set_preferences",
    "overview",
    "monitor",
    "list_teams",
    "list_schools",
    "list_members",
    "create_school_with_team",
    "add_member",
    "assign_member",
    "list_casussen",
    "get_casus",
    "create_casus",
    "create_anonymous_casus",
    "check_anonymous_text",
    "convert_to_named",
    "add_consent",
    "withdraw_consent",
    "add_gezag_holder",
    "add_signal",
    "update_intake",
    "save_note",
    "share_note",
    "add_absence",
    "set_attendance",
    "link_sibling",
    "resolve_action",
    "close_casus",
    "search",
    "get_profile",
    "set_profile",
    "get_holidays",
    "set_holidays",
    "get_routekaart",
    "set_routekaart",
    "get_thuiszitter_definition",
    "set_thuiszitter_definition",
    "update_school",
    "list_meetings",
    "list_actions",
    "get_schedule",
    "set_schedule",
    "build_agenda",
    "save_agenda",
    "get_agenda",
    "load_demo",
    "first_screen_shown",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
