//! The CLI as its own binary, for development and the tests; the package runs the same code as
//! `kernteam cli …`.

fn main() -> std::process::ExitCode {
    kernteam_cli::main_with(std::env::args_os())
}
