//! `cargo xtask run | test | e2e [filter] | bench | soak | fuzz [--minutes N] | dist [--check] | bindings`: the developer commands. Everything a fresh Debian 12 /
//! Ubuntu machine needs is installed from here, so nothing is ever set up by hand.

mod bench;
mod bindings;
mod command;
mod dist;
mod fuzz;
mod setup;
mod steps;
mod window;

use anyhow::{Context, Result, bail};

/// The error goes out as one line of causes, without a backtrace: it is the last thing a CI
/// log shows, and what failed matters there, not where in xtask it was noticed.
fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => {
            setup::prepare(setup::Needs::Run)?;
            steps::run_app()
        }
        Some("test") => {
            setup::prepare(setup::Needs::Test)?;
            steps::test_all()
        }
        Some("e2e") => {
            setup::prepare(setup::Needs::Test)?;
            steps::end_to_end(args.get(1).map(String::as_str))
        }
        Some("bench") => {
            setup::prepare(setup::Needs::Test)?;
            bench::bench()
        }
        // Started by `bench` inside its private keyring session.
        Some("bench-window") => match args.get(1) {
            Some(dataset) => bench::bench_window(std::path::Path::new(dataset)),
            None => bail!("usage: cargo xtask bench-window <data set file>"),
        },
        Some("dist") => {
            setup::prepare(setup::Needs::Test)?;
            dist::dist(args.get(1).map(String::as_str) == Some("--check"))
        }
        Some("fuzz") => {
            let minutes = match args.get(1..).unwrap_or_default() {
                [] => 10,
                [flag, n] if flag == "--minutes" => {
                    n.parse().context("--minutes takes a number")?
                }
                _ => bail!("usage: cargo xtask fuzz [--minutes N]"),
            };
            setup::prepare(setup::Needs::Test)?;
            fuzz::fuzz(minutes)
        }
        Some("soak") => {
            setup::prepare(setup::Needs::Test)?;
            steps::soak()
        }
        Some("bindings") => bindings::write_bindings(),
        _ => bail!(
            "usage: cargo xtask <run|test|e2e [filter]|bench|soak|fuzz [--minutes N]|dist [--check]|bindings>"
        ),
    }
}
