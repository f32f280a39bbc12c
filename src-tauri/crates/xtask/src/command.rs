//! Running the commands every step needs: the workspace root, a command that must succeed (with
//! or without a time limit), cargo in the workspace (linted as it builds), and the private session
//! tests run in.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .canonicalize()
        .expect("workspace root")
}

pub fn ui_dir() -> PathBuf {
    root().join("ui")
}

pub fn cmd(command: &mut Command) -> Result<()> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .with_context(|| format!("starting {shown}"))?;
    if !status.success() {
        bail!("failed ({status}): {shown}");
    }
    Ok(())
}

/// Like `cmd`, but a step that outlives `limit` is killed with everything it started, so a hang
/// fails in minutes instead of holding CI until its own limit.
pub fn cmd_within(command: &mut Command, limit: std::time::Duration) -> Result<()> {
    use std::os::unix::process::CommandExt as _;
    let shown = format!("{command:?}");
    let mut child = command
        .process_group(0)
        .spawn()
        .with_context(|| format!("starting {shown}"))?;
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            if !status.success() {
                bail!("failed ({status}): {shown}");
            }
            return Ok(());
        }
        if started.elapsed() > limit {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
            bail!("stopped after {} s: {shown}", limit.as_secs());
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
}

/// Cargo in the workspace, with clippy as the compiler of the workspace's own crates (see
/// `linted`).
pub fn cargo(args: &[&str]) -> Command {
    let mut c = Command::new("cargo");
    c.args(args).current_dir(root());
    linted(&mut c);
    c
}

/// Builds with `clippy-driver` as the workspace's compiler, its warnings (clippy's and rustc's)
/// denied: one build is also the lint, where `cargo clippy` and then `cargo build` compiled
/// every dependency twice (a check and a build) and took a third of a clean run. The
/// dependencies are built by plain rustc as always. Every cargo call of `cargo xtask` sets it, so
/// the builds reuse each other; a plain `cargo build` or `cargo test` outside xtask rebuilds the
/// workspace's crates once (not the dependencies).
pub fn linted(c: &mut Command) -> &mut Command {
    c.env("RUSTC_WORKSPACE_WRAPPER", "clippy-driver").env(
        "CLIPPY_ARGS",
        "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
    )
}

pub fn in_private_session(inner: &[&str], scratch: &Path, xvfb: bool) -> Command {
    for dir in ["data", "config", "cache", "runtime", "home", "tmp"] {
        let _ = std::fs::create_dir_all(scratch.join(dir));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(
            scratch.join("runtime"),
            std::fs::Permissions::from_mode(0o700),
        );
    }
    let script = "printf %s \"$KERNTEAM_KEYRING_PW\" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$@\"";
    let mut c = if xvfb {
        let mut c = Command::new("xvfb-run");
        c.args([
            "-a",
            "-s",
            "-screen 0 1440x900x24",
            "dbus-run-session",
            "--",
            "sh",
            "-c",
            script,
            "sh",
        ]);
        c
    } else {
        let mut c = Command::new("dbus-run-session");
        c.args(["--", "sh", "-c", script, "sh"]);
        c
    };
    c.args(inner)
        .current_dir(root())
        .env("KERNTEAM_KEYRING_PW", "kernteam-test-keyring")
        .env("KERNTEAM_TEST_KEYRING", "1")
        .env("XDG_DATA_HOME", scratch.join("data"))
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .env("XDG_RUNTIME_DIR", scratch.join("runtime"))
        // The app's and WebKit's temp files land here too, so a scan of `scratch` sees them.
        .env("TMPDIR", scratch.join("tmp"))
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    c
}

pub fn scratch(name: &str) -> Result<PathBuf> {
    let dir = root().join("target/xtask").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
