//! `cargo xtask bench`: figures as `name value unit` lines, each beside its reference and their
//! ratio where it has one, also written to `target/bench/latest.txt`. Release builds; the first
//! run of each figure is a warm-up.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::command::{cmd, in_private_session, root, scratch};
use crate::window::{AppRun, CliStore, Display, start_until_screen};

const STARTUP_ROUNDS: usize = 11;
/// How long after its first list the app's memory is read: WebKit settles within a second or two.
const MEMORY_SETTLE: Duration = Duration::from_secs(3);
/// Memory is read in this many of the last rounds and the median taken: one reading of WebKit's
/// processes swung by tens of MiB from run to run.
const MEMORY_ROUNDS: usize = 3;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// The summed memory of one reading, by process.
fn total_kib(by_process: &[(String, u64)]) -> u64 {
    by_process.iter().map(|(_, kib)| kib).sum()
}

fn release(name: &str) -> PathBuf {
    root().join("target/release").join(name)
}

/// One binary's starts: times to its screen and the memory read in the last rounds.
#[derive(Default)]
struct Starts {
    times: Vec<f64>,
    memory: Vec<Vec<(String, u64)>>,
}

impl Starts {
    fn record(
        &mut self,
        display: &Display,
        run: &AppRun<'_>,
        screen: &str,
        round: usize,
    ) -> Result<()> {
        let measure_memory = round + MEMORY_ROUNDS >= STARTUP_ROUNDS;
        let shown = start_until_screen(
            display,
            run,
            screen,
            measure_memory.then_some(MEMORY_SETTLE),
        )?;
        // The first round of each is a warm-up (page cache, fontconfig, WebKit's caches).
        if round > 0 {
            self.times.push(shown.ms);
        }
        self.memory.extend(shown.memory);
        Ok(())
    }

    /// The reading with the median total, by process.
    fn memory_median(&mut self) -> Vec<(String, u64)> {
        self.memory.sort_by_key(|reading| total_kib(reading));
        self.memory
            .get(self.memory.len() / 2)
            .cloned()
            .unwrap_or_default()
    }

    fn p50_p95(&mut self) -> (f64, f64) {
        self.times.sort_by(|a, b| a.total_cmp(b));
        (percentile(&self.times, 0.5), percentile(&self.times, 0.95))
    }
}

fn ratio_lines(lines: &mut Vec<String>, name: &str, ours: (f64, f64), bare: (f64, f64)) {
    for (suffix, o, b) in [("p50", ours.0, bare.0), ("p95", ours.1, bare.1)] {
        lines.push(format!("{name}_{suffix} {o:.0} ms"));
        lines.push(format!("{name}_{suffix}_bare_window {b:.0} ms"));
        lines.push(format!("{name}_{suffix}_ratio {:.2} x", o / b));
    }
}

/// The window figures; runs inside a private D-Bus session with its own keyring (started by
/// `bench` as `xtask bench-window <data set>`), so the app can unlock the way a user with the
/// keyring slot does: straight to the first list.
pub fn bench_window(dataset: &Path) -> Result<()> {
    let display = Display::start()?;

    // The bare Tauri window: same Tauri, plugins and window size, one static page.
    let bare_work = scratch("bench-bare")?;
    let bare_binary = release("kernteam-bare-window");
    let bare = AppRun {
        binary: &bare_binary,
        data: &bare_work,
        scratch: &bare_work,
        keyring: false,
    };

    // A new user's store (passphrase only): the unlock screen is the first screen.
    let new_work = scratch("bench-startup")?;
    let new_data = CliStore::init_in_app(&release("kernteam"), &new_work, false)?.data;
    let app = release("kernteam");
    let new_user = AppRun {
        binary: &app,
        data: &new_data,
        scratch: &new_work,
        keyring: false,
    };

    // The bench data set behind the keyring slot: start, unlock by itself, first list.
    let work = scratch("bench-dataset")?;
    let (data, import_ms) = store_with_dataset(&work, dataset)?;
    let with_data = AppRun {
        binary: &app,
        data: &data,
        scratch: &work,
        keyring: true,
    };

    let (mut bare_starts, mut unlock_starts, mut list_starts) =
        start_in_turns(&display, &bare, &new_user, &with_data)?;
    drop(display);
    let mut lines = vec![format!("app_import_dataset {import_ms:.0} ms")];
    startup_lines(
        &mut lines,
        &mut bare_starts,
        &mut unlock_starts,
        &mut list_starts,
    );
    memory_lines(&mut lines, &mut bare_starts, &mut list_starts);
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

/// A store with the keyring slot and the data set imported, and how long the import took (ms).
fn store_with_dataset(work: &Path, dataset: &Path) -> Result<(PathBuf, f64)> {
    let store = CliStore::init_in_app(&release("kernteam"), work, true)?;
    let import_started = Instant::now();
    store.run(&["import", dataset.to_str().context("data set path")?])?;
    let import_ms = import_started.elapsed().as_secs_f64() * 1000.0;
    Ok((store.data, import_ms))
}

/// Every round starts the bare window, the new user's app and the app with the data set.
fn start_in_turns(
    display: &Display,
    bare: &AppRun<'_>,
    new_user: &AppRun<'_>,
    with_data: &AppRun<'_>,
) -> Result<(Starts, Starts, Starts)> {
    // In turns, round by round, so a busy moment of the machine falls on all three alike.
    let (mut bare_starts, mut unlock_starts, mut list_starts) =
        (Starts::default(), Starts::default(), Starts::default());
    for round in 0..STARTUP_ROUNDS {
        bare_starts.record(display, bare, "shown", round)?;
        unlock_starts.record(display, new_user, "locked", round)?;
        list_starts.record(display, with_data, "list", round)?;
    }
    Ok((bare_starts, unlock_starts, list_starts))
}

/// The times to the unlock screen and to the first list, each beside the bare window's.
fn startup_lines(
    lines: &mut Vec<String>,
    bare_starts: &mut Starts,
    unlock_starts: &mut Starts,
    list_starts: &mut Starts,
) {
    let (bare_times, unlock_times, list_times) = (
        bare_starts.p50_p95(),
        unlock_starts.p50_p95(),
        list_starts.p50_p95(),
    );
    ratio_lines(
        lines,
        "app_start_to_unlock_screen",
        unlock_times,
        bare_times,
    );
    ratio_lines(
        lines,
        "app_start_to_first_list_dataset",
        list_times,
        bare_times,
    );
}

/// The memory of the app with the data set unlocked beside the bare window's, in total and by
/// process.
fn memory_lines(lines: &mut Vec<String>, bare_starts: &mut Starts, list_starts: &mut Starts) {
    let (bare_by_process, app_by_process) =
        (bare_starts.memory_median(), list_starts.memory_median());
    let (bare_memory, app_memory) = (total_kib(&bare_by_process), total_kib(&app_by_process));
    let mib = |kib: u64| kib as f64 / 1024.0;
    lines.push(format!(
        "app_memory_dataset_unlocked {:.1} MiB",
        mib(app_memory)
    ));
    lines.push(format!("bare_window_memory {:.1} MiB", mib(bare_memory)));
    lines.push(format!(
        "app_memory_over_bare_window {:.1} MiB",
        mib(app_memory) - mib(bare_memory)
    ));
    // Which process carries the difference: the app's own, or WebKit's.
    for (who, by_process) in [("app", &app_by_process), ("bare_window", &bare_by_process)] {
        for (name, kib) in by_process.iter() {
            let name: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            lines.push(format!("{who}_memory_process_{name} {:.1} MiB", mib(*kib)));
        }
    }
}

pub fn bench() -> Result<()> {
    let started = Instant::now();
    build_release()?;
    let mut lines = example_figures()?;
    lines.extend(window_figures()?);
    lines.extend(binary_sizes()?);
    lines.extend(package_sizes()?);

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

/// A release build (plain cargo: the bench measures what ships, not the linted debug build).
fn release_build(args: &[&str]) -> Result<()> {
    cmd(Command::new("cargo")
        .args(["build", "--release"])
        .args(args)
        .current_dir(root()))
}

/// The app (with the CLI inside, as shipped) and the bare reference window.
fn build_release() -> Result<()> {
    release_build(&["-p", "kernteam", "-p", "kernteam-bare-window"])
}

fn example(name: &str) -> PathBuf {
    release(&format!("examples/{name}"))
}

/// Every bench example in one release build, so their dependencies are resolved and compiled
/// once (one `cargo run -p … --example …` each resolved features anew and rebuilt much of the
/// tree). The shell is selected too, only so features unify as in the app's own build and its
/// release dependencies are reused; examples are no binary of the shell, so the plain-SQLite twin
/// (a store feature only these examples turn on) never reaches the app measured here.
fn build_examples() -> Result<()> {
    release_build(&[
        "-p",
        "kernteam",
        "-p",
        "kernteam-store",
        "-p",
        "kernteam-app",
        "-p",
        "kernteam-export",
        // Only the examples that measure: each is a fat-LTO link, Typst's two take minutes.
        "--example",
        "open_times",
        "--example",
        "workload_times",
        "--example",
        "agenda_times",
        "--example",
        "export_times",
        "--features",
        "kernteam-store/plain-reference",
    ])
}

/// The store, agenda and export figures, from the crates' bench examples.
fn example_figures() -> Result<Vec<String>> {
    build_examples()?;
    let mut lines = Vec::new();
    // Store open times run in the private keyring session so the keyring slot is measured too.
    let keyring = scratch("bench-keyring")?;
    // The workload runs a second time with SQLCipher's memory security on (it cannot be
    // turned off within a process): the figures that decide `cipher_memory_security`.
    for (name, memory_security) in [
        ("open_times", false),
        ("workload_times", false),
        ("workload_times", true),
        ("agenda_times", false),
        ("export_times", false),
    ] {
        let binary = example(name);
        let binary = binary.to_str().context("example path")?;
        let mut run = in_private_session(&[binary], &keyring, false);
        if memory_security {
            run.env("KERNTEAM_BENCH_MEMORY_SECURITY", "1");
        }
        let out = run.stderr(Stdio::inherit()).output()?;
        if !out.status.success() {
            bail!("bench example {name} failed");
        }
        lines.extend(figure_lines(&String::from_utf8(out.stdout)?));
    }
    Ok(lines)
}

/// The window figures, from `xtask bench-window` in a private keyring session.
fn window_figures() -> Result<Vec<String>> {
    // The data set as an interchange file, only for as long as the window figures take.
    let work = scratch("bench-window")?;
    let dataset = work.join("dataset.json");
    cmd(Command::new(example("workload_times"))
        .arg("--write")
        .arg(&dataset))?;
    let xtask = std::env::current_exe().context("the xtask binary")?;
    let xtask = xtask.to_str().context("xtask path")?;
    let dataset_arg = dataset.to_str().context("data set path")?;
    let out = in_private_session(&[xtask, "bench-window", dataset_arg], &work, false)
        .stderr(Stdio::inherit())
        .output()?;
    let _ = std::fs::remove_file(&dataset);
    if !out.status.success() {
        bail!("the window figures failed");
    }
    Ok(figure_lines(&String::from_utf8(out.stdout)?))
}

/// The sizes of the release binaries.
fn binary_sizes() -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for (name, path) in [
        ("release_binary_kernteam", "target/release/kernteam"),
        (
            "release_binary_bare_window",
            "target/release/kernteam-bare-window",
        ),
    ] {
        let bytes = std::fs::metadata(root().join(path))?.len();
        lines.push(format!(
            "{name} {:.2} MiB",
            bytes as f64 / (1024.0 * 1024.0)
        ));
    }
    Ok(lines)
}

/// Only `name value unit` lines: the private session's daemons also write to stdout.
fn figure_lines(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            parts.len() == 3
                && parts[0]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                && parts[1].parse::<f64>().is_ok()
        })
        .map(str::to_owned)
        .collect()
}

/// The packages `cargo xtask dist` made, if it has run: building them takes longer than the
/// whole bench, so the bench reads them rather than making them.
fn package_sizes() -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for kind in ["deb", "rpm"] {
        let dir = root().join("target/release/bundle").join(kind);
        let newest = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == kind))
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
        match newest {
            Some(entry) => lines.push(format!(
                "package_{kind} {:.2} MiB",
                entry.metadata()?.len() as f64 / (1024.0 * 1024.0)
            )),
            None => eprintln!("xtask: no .{kind} yet: `cargo xtask dist` makes it"),
        }
    }
    Ok(lines)
}
