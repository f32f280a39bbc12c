//! `cargo xtask fuzz [--minutes N]`: the fuzz targets in `fuzz/` (the interchange importer and
//! the `keys.json` parser) under libFuzzer through `cargo fuzz`, each for half the time, from
//! seeds made by the real CLI (a `keys.json` and the demo as an interchange file).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::command::{cmd, root, scratch};
use crate::window::CliStore;

const TARGETS: &[&str] = &["interchange", "key_slots"];

fn cargo_fuzz_installed() -> bool {
    Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Seeds from the real CLI: a fresh store's `keys.json` and the demo data exported as plain
/// interchange JSON (the demo's pupils are fictitious).
fn seeds(corpus: &Path) -> Result<()> {
    // The same build (and lint environment) as every other step, so nothing is compiled anew.
    crate::steps::build_all_targets()?;
    let store = CliStore::init(
        &root().join("target/debug/kernteam-cli"),
        &scratch("fuzz-seeds")?,
        false,
    )?;
    store.run(&["demo"])?;
    let demo = corpus.join("interchange/seed-demo.json");
    std::fs::create_dir_all(corpus.join("interchange"))?;
    std::fs::create_dir_all(corpus.join("key_slots"))?;
    store.run(&[
        "export-data",
        "--unencrypted",
        "--out",
        demo.to_str().context("path")?,
    ])?;
    std::fs::copy(
        store.data.join("keys.json"),
        corpus.join("key_slots/seed-keys.json"),
    )?;
    Ok(())
}

pub fn fuzz(minutes: u64) -> Result<()> {
    if !cargo_fuzz_installed() {
        eprintln!("xtask: installing cargo-fuzz");
        cmd(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    let corpus = root().join("target/fuzz-corpus");
    seeds(&corpus)?;
    let seconds = (minutes * 60 / TARGETS.len() as u64).max(10);
    let mut report = Vec::new();
    for target in TARGETS {
        eprintln!("xtask: fuzzing {target} for {seconds} s");
        let dir = corpus.join(target);
        let mut out = Command::new("cargo")
            .args(["fuzz", "run", "--sanitizer", "none", target])
            .arg(&dir)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ])
            .current_dir(root().join("fuzz"))
            // cargo fuzz asks rustc for flags only nightly allows; this machine has stable.
            .env("RUSTC_BOOTSTRAP", "1")
            .stdout(Stdio::inherit())
            .stderr(Stdio::piped())
            .spawn()?;
        // libFuzzer reports on stderr: shown as it comes, and kept for the final stats.
        let stderr = out.stderr.take().context("stderr")?;
        let mut log = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            log.push_str(&line);
            log.push('\n');
        }
        let status = out.wait()?;
        let stat = |name: &str| {
            log.lines()
                .find_map(|l| l.strip_prefix(&format!("stat::{name}:")))
                .map(|v| v.trim().to_owned())
                .unwrap_or_else(|| "?".into())
        };
        if !status.success() {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            bail!(
                "fuzz target {target} found a failure (see fuzz/artifacts/{target}/):\n{}",
                tail.join("\n")
            );
        }
        report.push(format!(
            "fuzz_{target}_executions {} count",
            stat("number_of_executed_units")
        ));
        report.push(format!(
            "fuzz_{target}_corpus {} files",
            std::fs::read_dir(&dir)?.count()
        ));
    }
    for line in &report {
        println!("{line}");
    }
    eprintln!("xtask: fuzzing found nothing in {minutes} min");
    Ok(())
}
