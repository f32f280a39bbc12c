//! `cargo xtask bench`: figures as `name value unit` lines, also written to
//! `target/bench/latest.txt`. Release builds; the first run of each figure is a warm-up.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::steps::{cmd, in_private_session, root, scratch};

const STARTUP_ROUNDS: usize = 8;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn free_display() -> u32 {
    (90..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .unwrap_or(99)
}

struct Xvfb(std::process::Child);

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// From spawning the release binary to the UI reporting its first screen (the unlock screen).
fn startup(lines: &mut Vec<String>) -> Result<()> {
    let work = scratch("bench-startup")?;
    let data = work.join("data");
    let pass = work.join("pass");
    std::fs::write(&pass, "fiets regen koffie tafel\n")?;
    cmd(Command::new(root().join("target/release/kernteam-cli"))
        .arg("--data-dir")
        .arg(&data)
        .arg("--passphrase-file")
        .arg(&pass)
        .args(["init", "--no-keyring"])
        .stdout(Stdio::null()))?;
    let display = free_display();
    let xvfb = Xvfb(
        Command::new("Xvfb")
            .args([
                format!(":{display}"),
                "-screen".into(),
                "0".into(),
                "1440x900x24".into(),
                "-nolisten".into(),
                "tcp".into(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting Xvfb")?,
    );
    std::thread::sleep(Duration::from_millis(700));
    let mut times = Vec::new();
    for round in 0..STARTUP_ROUNDS {
        let start = Instant::now();
        let mut app = Command::new(root().join("target/release/kernteam"))
            .env("DISPLAY", format!(":{display}"))
            .env("KERNTEAM_DATA_DIR", &data)
            .env("KERNTEAM_REPORT_STARTUP", "1")
            .env("XDG_DATA_HOME", work.join("xdg-data"))
            .env("XDG_CONFIG_HOME", work.join("xdg-config"))
            .env("XDG_CACHE_HOME", work.join("xdg-cache"))
            // No keyring in this measurement: the unlock screen is the first screen.
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/kernteam-bench",
            )
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting the release app")?;
        let stderr = app.stderr.take().context("stderr")?;
        let mut shown = None;
        for line in BufReader::new(stderr).lines() {
            let line = line?;
            if line.starts_with("kernteam-startup: locked") {
                shown = Some(start.elapsed().as_secs_f64() * 1000.0);
                break;
            }
        }
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(app.id().to_string())
            .status();
        let _ = app.wait();
        let Some(ms) = shown else {
            bail!("the app never reported its unlock screen")
        };
        if round > 0 {
            times.push(ms);
        }
    }
    drop(xvfb);
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
