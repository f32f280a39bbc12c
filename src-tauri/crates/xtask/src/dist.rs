//! `cargo xtask dist [--check]`: the packages the Tauri bundler makes here without downloading
//! tools (.deb and .rpm): one binary (the CLI is `kernteam cli …`, and `/usr/bin/kernteam-cli` a
//! script that calls it), the icons from `assets/`, a Dutch desktop entry and the workspace's
//! version. `--check` installs the .deb on this machine
//! (`apt-get install ./…deb`, so its dependencies come along), looks at what it put where, and
//! starts the installed binary under Xvfb until it shows the unlock screen.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::command::{cmd, root, scratch};
use crate::setup::{as_root, root_prefix};

/// The same version as the `tauri` crate in Cargo.lock.
const TAURI_CLI: &str = "2.12.5";
use crate::window::{AppRun, CliStore, Display, time_to_screen};

fn bundles(kind: &str) -> Result<Vec<PathBuf>> {
    let dir = root().join("target/release/bundle").join(kind);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == kind))
        .collect();
    found.sort();
    Ok(found)
}

/// The Tauri CLI (which holds the bundler) from npm, kept apart from the UI's packages: the
/// npm mirror here has only the Linux builds of its platform packages, and a lock file that
/// lists them all could not be installed with `npm ci` from it.
fn tauri_cli() -> Result<PathBuf> {
    let dir = root().join("target/xtask/tauri-cli");
    let bin = dir.join("node_modules/.bin/tauri");
    if !bin.exists() {
        std::fs::create_dir_all(&dir)?;
        cmd(Command::new("npm")
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                &dir.to_string_lossy(),
                &format!("@tauri-apps/cli@{TAURI_CLI}"),
            ])
            .current_dir(&dir))
        .context("installing the Tauri CLI from npm")?;
    }
    Ok(bin)
}

fn version() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))?;
    manifest
        .lines()
        .skip_while(|l| l.trim() != "[workspace.package]")
        .find_map(|l| l.strip_prefix("version = "))
        .map(|v| v.trim_matches('"').to_owned())
        .context("no version in [workspace.package]")
}

pub fn dist(check: bool) -> Result<()> {
    let version = version()?;
    for kind in ["deb", "rpm"] {
        let _ = std::fs::remove_dir_all(root().join("target/release/bundle").join(kind));
    }
    cmd(Command::new(tauri_cli()?)
        .args(["build", "--bundles", "deb,rpm", "--ci"])
        .current_dir(root().join("src-tauri")))
    .context("the Tauri bundler")?;
    let mut debs = Vec::new();
    for kind in ["deb", "rpm"] {
        for package in bundles(kind)? {
            let name = package
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !name.contains(&version) {
                bail!("{name} does not carry the workspace version {version}");
            }
            let size = std::fs::metadata(&package)?.len() as f64 / (1024.0 * 1024.0);
            println!("package_{kind} {size:.2} MiB ({})", package.display());
            if kind == "deb" {
                debs.push(package);
            }
        }
    }
    let [deb] = debs.as_slice() else {
        bail!("expected one .deb, found {}", debs.len());
    };
    if check {
        install_and_start(deb)?;
    }
    Ok(())
}

fn package_files() -> Result<String> {
    let out = Command::new("dpkg").args(["-L", "kernteam"]).output()?;
    if !out.status.success() {
        bail!("kernteam is not installed after dpkg");
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn install_and_start(deb: &Path) -> Result<()> {
    let Some(prefix) = root_prefix() else {
        bail!("installing the .deb needs root or password-less sudo");
    };
    // apt-get takes a local file only as a path with a slash in it.
    let path = deb.canonicalize()?;
    as_root(
        &prefix,
        &[
            "apt-get",
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            "--reinstall",
            &path.to_string_lossy(),
        ],
    )?;
    let files = package_files()?;
    for must in [
        "/usr/bin/kernteam",
        "/usr/bin/kernteam-cli",
        "/usr/share/icons/hicolor/128x128/apps/kernteam.png",
    ] {
        if !files.lines().any(|l| l == must) {
            bail!("the package does not install {must}:\n{files}");
        }
    }
    let desktop = files
        .lines()
        .find(|l| l.starts_with("/usr/share/applications/") && l.ends_with(".desktop"))
        .context("no desktop entry in the package")?;
    let entry = std::fs::read_to_string(desktop)?;
    for must in [
        "Comment[nl]=Kernteamoverleg op school",
        "GenericName[nl]=Kernteamoverleg",
        "Exec=kernteam",
        "Icon=kernteam",
    ] {
        if !entry.contains(must) {
            bail!("{desktop} lacks {must:?}:\n{entry}");
        }
    }

    // A new user's data dir made by the installed CLI, then the installed app on a display.
    let work = scratch("dist-check")?;
    let data = CliStore::init(Path::new("/usr/bin/kernteam-cli"), &work, false)?.data;
    let display = Display::start()?;
    let ms = time_to_screen(
        &display,
        &AppRun {
            binary: Path::new("/usr/bin/kernteam"),
            data: &data,
            scratch: &work,
            keyring: false,
        },
        "locked",
    )?;
    println!("installed_app_start_to_unlock_screen {ms:.0} ms");
    eprintln!(
        "xtask: {} installed; /usr/bin/kernteam reached the unlock screen",
        deb.display()
    );
    Ok(())
}
