//! `cargo xtask bench`: figures as `name value unit` lines, also written to
//! `target/bench/latest.txt`. Release builds; the first run of each figure is a warm-up.

use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Result, bail};

use crate::steps::{cmd, in_private_session, root, scratch};
use crate::window::{AppRun, Display, new_data_dir, time_to_screen};

const STARTUP_ROUNDS: usize = 8;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// From spawning the release binary to the UI reporting its first screen (the unlock screen).
fn startup(lines: &mut Vec<String>) -> Result<()> {
    let work = scratch("bench-startup")?;
    let data = new_data_dir(&root().join("target/release/kernteam-cli"), &work)?;
    let display = Display::start()?;
    let binary = root().join("target/release/kernteam");
    let run = AppRun {
        binary: &binary,
        data: &data,
        scratch: &work,
    };
    let mut times = Vec::new();
    for round in 0..STARTUP_ROUNDS {
        let ms = time_to_screen(&display, &run, "locked")?;
        if round > 0 {
            times.push(ms);
        }
    }
    drop(display);
    times.sort_by(|a, b| a.total_cmp(b));
    lines.push(format!(
        "app_start_to_unlock_screen_p50 {:.0} ms",
        percentile(&times, 0.5)
    ));
    lines.push(format!(
        "app_start_to_unlock_screen_p95 {:.0} ms",
        percentile(&times, 0.95)
    ));
    Ok(())
}

pub fn bench() -> Result<()> {
    let started = Instant::now();
    cmd(Command::new("cargo")
        .args(["build", "--release", "-p", "kernteam", "-p", "kernteam-cli"])
        .current_dir(root()))?;
    let mut lines = Vec::new();

    // Store open times run in the private keyring session so the keyring slot is measured too.
    let keyring = scratch("bench-keyring")?;
    for (package, example) in [
        ("kernteam-store", "open_times"),
        ("kernteam-store", "search_times"),
        ("kernteam-app", "agenda_times"),
        ("kernteam-export", "export_times"),
    ] {
        let args = [
            "cargo",
            "run",
            "--quiet",
            "--release",
            "-p",
            package,
            "--example",
            example,
        ];
        let out = in_private_session(&args, &keyring, false)
            .stderr(Stdio::inherit())
            .output()?;
        if !out.status.success() {
            bail!("bench example {example} failed");
        }
        lines.extend(String::from_utf8(out.stdout)?.lines().map(str::to_owned));
    }

    startup(&mut lines)?;

    for (name, path) in [
        ("release_binary_kernteam", "target/release/kernteam"),
        ("release_binary_kernteam_cli", "target/release/kernteam-cli"),
    ] {
        let bytes = std::fs::metadata(root().join(path))?.len();
        lines.push(format!(
            "{name} {:.2} MiB",
            bytes as f64 / (1024.0 * 1024.0)
        ));
    }

    let text = lines.join("\n") + "\n";
    print!("{text}");
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("latest.txt"), &text)?;
    eprintln!(
        "xtask: bench done in {:.0} s (target/bench/latest.txt)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
