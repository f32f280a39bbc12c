//! Starting the release app (or the installed one) under Xvfb and waiting for its first screen,
//! for the start-up figures of `bench` and the install check of `dist`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

#[path = "../../../testing/process_tree.rs"]
mod process_tree;
use process_tree::descendants;

/// Longer than any start on a loaded CI machine; a hung app fails instead of hanging the run.
const FIRST_SCREEN_TIMEOUT: Duration = Duration::from_secs(60);

fn free_display() -> u32 {
    (90..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .unwrap_or(99)
}

/// An X server of our own for the time it lives.
pub struct Display {
    server: std::process::Child,
    number: u32,
}

impl Display {
    pub fn start() -> Result<Self> {
        let number = free_display();
        let server = Command::new("Xvfb")
            .args([
                format!(":{number}"),
                "-screen".into(),
                "0".into(),
                "1440x900x24".into(),
                "-nolisten".into(),
                "tcp".into(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting Xvfb")?;
        std::thread::sleep(Duration::from_millis(700));
        Ok(Self { server, number })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// A store made by a `kernteam-cli` binary in `work/data`, with its passphrase in `work/pass`:
/// for the bench, the install check and the fuzz seeds.
pub struct CliStore {
    cli: PathBuf,
    /// `cli` when the CLI is the app's binary (`kernteam cli …`), nothing for `kernteam-cli`.
    subcommand: Option<&'static str>,
    pub data: PathBuf,
    pass: PathBuf,
}

impl CliStore {
    /// `init` by the CLI at `cli`, with a keyring slot only if `keyring` (and a keyring is
    /// reachable).
    pub fn init(cli: &Path, work: &Path, keyring: bool) -> Result<Self> {
        Self::init_with(cli, None, work, keyring)
    }

    /// The same through the app's binary, as the package's `kernteam-cli` script calls it.
    pub fn init_in_app(app: &Path, work: &Path, keyring: bool) -> Result<Self> {
        Self::init_with(app, Some("cli"), work, keyring)
    }

    fn init_with(
        cli: &Path,
        subcommand: Option<&'static str>,
        work: &Path,
        keyring: bool,
    ) -> Result<Self> {
        let store = Self {
            cli: cli.to_path_buf(),
            subcommand,
            data: work.join("data"),
            pass: work.join("pass"),
        };
        std::fs::write(&store.pass, "fiets regen koffie tafel\n")?;
        store.run(if keyring {
            &["init"]
        } else {
            &["init", "--no-keyring"]
        })?;
        Ok(store)
    }

    /// Runs the CLI on this store with `args`; its output is not shown.
    pub fn run(&self, args: &[&str]) -> Result<()> {
        crate::command::cmd(
            Command::new(&self.cli)
                .args(self.subcommand)
                .arg("--data-dir")
                .arg(&self.data)
                .arg("--passphrase-file")
                .arg(&self.pass)
                .args(args)
                .stdout(Stdio::null()),
        )
    }
}

/// Where an app run keeps everything: its data dir and XDG dirs under one scratch folder.
pub struct AppRun<'a> {
    pub binary: &'a Path,
    pub data: &'a Path,
    pub scratch: &'a Path,
    /// Whether the app may reach the session's keyring (only inside a private session).
    pub keyring: bool,
}

/// What one start of the app gave.
pub struct Shown {
    /// From spawning the process to the UI reporting the screen.
    pub ms: f64,
    /// Proportional set size of the app and of every process it started (WebKit's web and
    /// network processes), each by its name, `settle` after the screen was reported; only when
    /// asked for.
    pub memory: Option<Vec<(String, u64)>>,
}

/// Milliseconds from spawning the app to the UI reporting `screen` ("locked" is the unlock
/// screen); the app is stopped afterwards.
pub fn time_to_screen(display: &Display, run: &AppRun<'_>, screen: &str) -> Result<f64> {
    Ok(start_until_screen(display, run, screen, None)?.ms)
}

/// Starts the app, waits for `screen`, and with `settle` also measures its memory that long
/// after; the app and its children are stopped afterwards.
pub fn start_until_screen(
    display: &Display,
    run: &AppRun<'_>,
    screen: &str,
    settle: Option<Duration>,
) -> Result<Shown> {
    let xdg = |name: &str| -> PathBuf { run.scratch.join(name) };
    let mut command = Command::new(run.binary);
    command
        .env("DISPLAY", format!(":{}", display.number))
        .env("KERNTEAM_DATA_DIR", run.data)
        .env("KERNTEAM_REPORT_STARTUP", "1")
        .env("XDG_DATA_HOME", xdg("xdg-data"))
        .env("XDG_CONFIG_HOME", xdg("xdg-config"))
        .env("XDG_CACHE_HOME", xdg("xdg-cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if !run.keyring {
        // No keyring: the unlock screen is the first screen.
        command.env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/kernteam-xtask",
        );
    }
    let start = Instant::now();
    let mut app = command
        .spawn()
        .with_context(|| format!("starting {}", run.binary.display()))?;
    let stderr = app.stderr.take().context("stderr")?;
    let wanted = format!("kernteam-startup: {screen}");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut sent = false;
        // Read to the end, so the app never blocks on a full pipe.
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if !sent && line.starts_with(&wanted) {
                let _ = tx.send(start.elapsed().as_secs_f64() * 1000.0);
                sent = true;
            }
        }
    });
    let shown = rx.recv_timeout(FIRST_SCREEN_TIMEOUT).ok();
    let memory = match (shown, settle) {
        (Some(_), Some(settle)) => {
            std::thread::sleep(settle);
            Some(pss_by_process(app.id()))
        }
        _ => None,
    };
    let tree = descendants(app.id());
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(app.id().to_string())
        .status();
    let _ = app.wait();
    for pid in tree {
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .stderr(Stdio::null())
            .status();
    }
    match shown {
        Some(ms) => Ok(Shown { ms, memory }),
        None => bail!(
            "{} never reported its {screen} screen",
            run.binary.display()
        ),
    }
}

/// The `Pss` of a process and of each of its descendants (from /proc/<pid>/smaps_rollup), by
/// process name; the app itself first.
fn pss_by_process(root: u32) -> Vec<(String, u64)> {
    std::iter::once(root)
        .chain(descendants(root))
        .filter_map(|pid| {
            let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
            let kib = rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())?;
            let name = if pid == root {
                "main".to_owned()
            } else {
                std::fs::read_to_string(format!("/proc/{pid}/comm"))
                    .map(|c| c.trim().to_owned())
                    .unwrap_or_default()
            };
            Some((name, kib))
        })
        .collect()
}
