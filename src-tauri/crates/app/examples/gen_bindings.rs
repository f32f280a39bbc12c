//! Prints the generated TypeScript bindings; `cargo xtask` writes or compares them.
fn main() {
    print!("{}", kernteam_app::typescript_bindings());
}
