//! Prints a generated file; `cargo xtask bindings` writes them, `cargo xtask test` compares.
//! `ts`: the TypeScript types of the IPC; `client`: the TypeScript client of the command list;
//! `capability`: the main window's permissions; `schema`: the JSON Schema of the interchange
//! format.
fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("schema") => print!("{}", kernteam_app::domain::interchange::json_schema()),
        Some("schema-v2") => print!("{}", kernteam_app::domain::interchange::full::json_schema()),
        Some("client") => print!("{}", kernteam_app::typescript_client()),
        Some("labels") => print!("{}", kernteam_app::typescript_labels()),
        Some("capability") => print!("{}", kernteam_app::main_window_capability()),
        _ => print!("{}", kernteam_app::typescript_bindings()),
    }
}
