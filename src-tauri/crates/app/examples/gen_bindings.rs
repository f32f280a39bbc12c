//! Prints a generated file; `cargo xtask bindings` writes them, `cargo xtask test` compares.
//! `ts`: the TypeScript types of the IPC; `schema`: the JSON Schema of the interchange format.
fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("schema") => print!("{}", kernteam_app::domain::interchange::json_schema()),
        _ => print!("{}", kernteam_app::typescript_bindings()),
    }
}
