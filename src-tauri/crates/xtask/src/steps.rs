//! The checks and builds, in the order `cargo xtask test` runs them.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::bindings::check_bindings;
use crate::command::{cargo, cmd, cmd_within, in_private_session, linted, root, scratch, ui_dir};

/// One build of every target with one feature resolution: a `-p` build or run would
/// resolve features anew and compile much of the dependency tree a second time (which
/// once filled CI's disk).
/// The bench's bare reference window is built only by the bench, in release: a debug build of
/// it would be one more Tauri binary to link in every test run (and so it is not linted: a
/// one-page reference, not Kernteam's code).
pub(crate) fn build_all_targets() -> Result<()> {
    cmd(&mut cargo(&[
        "build",
        "--workspace",
        "--all-targets",
        "--exclude",
        "kernteam-bare-window",
    ]))
}

fn check_core_has_no_tauri() -> Result<()> {
    let out = cargo(&[
        "tree",
        "-p",
        "kernteam-app",
        "-i",
        "tauri",
        "--edges",
        "normal,build",
    ])
    .output()?;
    // cargo tree exits non-zero when the package is not in the graph: exactly what we want.
    let text = String::from_utf8_lossy(&out.stdout);
    if out.status.success() && text.contains("tauri") {
        bail!("kernteam-app depends on tauri; only the shell may:\n{text}");
    }
    Ok(())
}

/// A private D-Bus session with an unlocked gnome-keyring and private XDG dirs: tests never
/// meet the developer's own keyring or data dir.
/// keyring 3 without a platform feature silently keeps secrets in memory: refuse that build.
fn check_keyring_has_a_real_store() -> Result<()> {
    let out = cargo(&[
        "tree",
        "-e",
        "features",
        "-i",
        "keyring",
        "-p",
        "kernteam-store",
    ])
    .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !text.contains("sync-secret-service") {
        bail!(
            "keyring is built without its Secret Service store (it would use the in-memory mock):\n{text}"
        );
    }
    Ok(())
}

pub fn test_all() -> Result<()> {
    let ui = ui_dir();
    eprintln!("xtask: fmt");
    cmd(&mut cargo(&["fmt", "--all", "--check"]))?;
    // The build is the lint (`command::linted`): every target, then the store again with the
    // feature the default build leaves off (the bench's plain twin, the only code behind a
    // feature of ours; `vendored-openssl` only changes how OpenSSL is built). Built alone, the
    // store's few dependencies whose features the shell's tree widens (serde_json's raw values)
    // compile once more: 2½ minutes on a clean clone, against relinking every binary and test
    // of the workspace.
    eprintln!("xtask: build and clippy");
    build_all_targets()?;
    cmd(&mut cargo(&[
        "build",
        "-p",
        "kernteam-store",
        "--all-targets",
        "--features",
        "plain-reference",
    ]))?;
    eprintln!("xtask: dependency policy (deny.toml)");
    cmd(&mut cargo(&[
        "deny",
        "--log-level",
        "error",
        "check",
        "licenses",
        "bans",
        "sources",
    ]))?;
    eprintln!("xtask: bindings and layering");
    check_bindings()?;
    check_core_has_no_tauri()?;
    check_keyring_has_a_real_store()?;
    eprintln!("xtask: Rust tests (private keyring)");
    let keyring_scratch = scratch("rust-tests")?;
    cmd(linted(&mut in_private_session(
        &[
            "cargo",
            "test",
            "--workspace",
            "--exclude",
            "kernteam-bare-window",
        ],
        &keyring_scratch,
        false,
    )))?;
    eprintln!("xtask: UI type check and vitest");
    cmd(Command::new("npm").args(["run", "check"]).current_dir(&ui))?;
    // The UI's formatter and linter (biome.jsonc), with the rule that only ui/src/ipc/ talks to
    // the backend.
    cmd(Command::new("npm").args(["run", "lint"]).current_dir(&ui))?;
    cmd(Command::new("npm").args(["test"]).current_dir(&ui))?;
    end_to_end(None)?;
    // Last, because it is the slowest step (a release build with LTO) and it installs the
    // package on this machine, as a school's IT would.
    eprintln!("xtask: package — build the .deb, install it, start the installed app");
    free_debug_build_if_asked()?;
    crate::dist::dist(true)?;
    eprintln!("xtask: all checks passed");
    Ok(())
}

/// CI's disk once ran out at about 7 GB, and the debug build (4.3 GB) plus the package step's
/// release build (3 GB) come to that. CI (`.ci/run`) asks for the debug build to go once the
/// tests that use it are done; a developer's run keeps it, or the next build would start over.
fn free_debug_build_if_asked() -> Result<()> {
    if std::env::var_os("KERNTEAM_FREE_DEBUG_BUILD").is_none() {
        return Ok(());
    }
    let debug = root().join("target/debug");
    if debug.exists() {
        std::fs::remove_dir_all(&debug).with_context(|| format!("removing {}", debug.display()))?;
        eprintln!(
            "xtask: removed {} to make room for the release build",
            debug.display()
        );
    }
    Ok(())
}

/// Builds the app and drives it in a real window; `filter` picks tests by name.
pub fn end_to_end(filter: Option<&str>) -> Result<()> {
    eprintln!("xtask: end-to-end in a real window");
    build_all_targets()?;
    let e2e_scratch = scratch("e2e")?;
    // A developer may point the tests at a wrapper (say, one that fakes the date).
    let app = std::env::var_os("KERNTEAM_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/debug/kernteam"));
    let driver = crate::setup::tauri_driver();
    let failures = root().join("target/e2e-artifacts/failures.txt");
    let run = |names: &[&str], exact: bool| -> Result<()> {
        let _ = std::fs::remove_file(&failures);
        let mut args = vec![
            "cargo",
            "test",
            "--workspace",
            "--exclude",
            "kernteam-bare-window",
            "--test",
            "e2e",
            "--",
            "--ignored",
            "--test-threads=1",
            "--nocapture",
        ];
        if exact {
            args.push("--exact");
        }
        args.extend(names);
        let mut e2e = in_private_session(&args, &e2e_scratch, true);
        linted(&mut e2e)
            .env("KERNTEAM_APP", &app)
            .env("KERNTEAM_TAURI_DRIVER", &driver)
            .env("KERNTEAM_E2E_SCRATCH", &e2e_scratch)
            // The stories' errors say where they stood; a backtrace of the test harness would
            // push that out of the tail of a CI log.
            .env("RUST_LIB_BACKTRACE", "0");
        let outcome = cmd_within(&mut e2e, E2E_LIMIT);
        if outcome.is_err()
            && let Ok(text) = std::fs::read_to_string(&failures)
        {
            eprintln!("xtask: end-to-end stories that failed:\n{text}");
        }
        outcome
    };
    let first = run(filter.as_slice(), false);
    let Err(first) = first else { return Ok(()) };
    // A story that failed is run once more on its own: a window that was slow once on a busy
    // machine should not sink a run, but the first failure stays in the log above, and a story
    // that fails twice fails the run.
    let text = std::fs::read_to_string(&failures).unwrap_or_default();
    let failed: Vec<&str> = text
        .lines()
        .filter_map(|line| line.split_once(':').map(|(name, _)| name))
        .collect();
    if failed.is_empty() {
        return Err(first);
    }
    eprintln!(
        "xtask: running the failed stories again: {}",
        failed.join(", ")
    );
    run(&failed, true).with_context(|| format!("failed twice; the first time: {first:#}"))?;
    eprintln!(
        "xtask: WARNING: passed only the second time: {}",
        failed.join(", ")
    );
    Ok(())
}

/// The four stories take about three minutes here; each has its own five-minute limit too.
const E2E_LIMIT: std::time::Duration = std::time::Duration::from_secs(25 * 60);

pub fn run_app() -> Result<()> {
    cmd(&mut cargo(&["run", "-p", "kernteam"]))
}

/// The long forms of the reliability suite: the SIGKILL writer for 500 rounds instead of 50,
/// and the SIGKILL backup for 200 rounds instead of 20.
pub fn soak() -> Result<()> {
    eprintln!("xtask: soak — a writer killed at 500 random moments");
    build_all_targets()?;
    let mut c = cargo(&[
        "test",
        "--workspace",
        "--lib",
        "tests_damage::a_writer_killed_at_random_moments",
        "--",
        "--nocapture",
    ]);
    c.env("KERNTEAM_KILL_ROUNDS", "500");
    cmd(&mut c)?;
    eprintln!("xtask: soak — a backup killed at 200 random moments");
    let mut c = cargo(&[
        "test",
        "-p",
        "kernteam-store",
        "--lib",
        "tests_backup::backup_survives_kill_9",
        "--",
        "--exact",
        "--nocapture",
    ]);
    c.env("KERNTEAM_SOAK", "1");
    cmd(&mut c)?;
    eprintln!("xtask: soak passed");
    Ok(())
}
