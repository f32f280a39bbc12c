//! System packages, tauri-driver and the UI's npm packages.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::command::{cmd, ui_dir};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Run,
    Test,
}

const BUILD_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "pkg-config",
    "libssl-dev",
];
// No dbus-x11: with DISPLAY set it autolaunches a session bus with a locked keyring.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus",
    "gnome-keyring",
    "poppler-utils",
    "qpdf",
    "mupdf-tools",
    // Answers the native file and folder dialogs in the backup and restore story.
    "xdotool",
];

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false)
}

fn install_system_packages(needs: Needs) -> Result<()> {
    if Command::new("dpkg-query")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "xtask: not a Debian/Ubuntu system; install the WebKitGTK 4.1 development files yourself (see README.md)."
        );
        return Ok(());
    }
    let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
    if needs == Needs::Test {
        wanted.extend_from_slice(TEST_PACKAGES);
    }
    let missing: Vec<&str> = wanted.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let line = format!(
        "apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    let Some(prefix) = root_prefix() else {
        bail!(
            "missing system packages; run this once and try again:\n    sudo apt-get update && sudo {line}"
        );
    };
    eprintln!("xtask: installing {}", missing.join(" "));
    let run = |args: &[&str]| as_root(&prefix, args);
    run(&["apt-get", "update", "-q"])?;
    let mut install = vec!["apt-get", "install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing.iter().copied());
    run(&install)
}

/// How to run a command as root here: directly, through password-less sudo, or not at all.
pub fn root_prefix() -> Option<Vec<&'static str>> {
    if is_root() {
        Some(vec![])
    } else if Command::new("sudo")
        .args(["-n", "true"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
    {
        Some(vec!["sudo", "-n"])
    } else {
        None
    }
}

pub fn as_root(prefix: &[&str], args: &[&str]) -> Result<()> {
    let mut all: Vec<&str> = prefix.to_vec();
    all.extend_from_slice(args);
    let mut c = Command::new(all[0]);
    c.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
    cmd(&mut c)
}

pub fn tauri_driver() -> PathBuf {
    cargo_bin("tauri-driver")
}

/// A tool `cargo install` put in cargo's bin folder, or else the name to find on the PATH.
pub fn cargo_bin(name: &str) -> PathBuf {
    let in_cargo = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin").join(name));
    match in_cargo {
        Some(p) if p.exists() => p,
        _ => PathBuf::from(name),
    }
}

/// cargo-deny checks the dependency policy (`deny.toml`): licences, bans, sources.
fn install_cargo_deny() -> Result<()> {
    let found = Command::new(cargo_bin("cargo-deny"))
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        install_tool("cargo-deny", "^0.20")?;
    }
    Ok(())
}

fn install_tauri_driver() -> Result<()> {
    let found = Command::new(tauri_driver()).arg("--help").output().is_ok();
    if !found {
        install_tool("tauri-driver", "^2")?;
    }
    Ok(())
}

/// `cargo install` of a tool the checks run, built for a quick install rather than for speed:
/// cargo-deny's own release profile (fat LTO, one codegen unit) took 8 of a clean run's minutes
/// on two cores, for a tool that then runs for seconds.
fn install_tool(name: &str, version: &str) -> Result<()> {
    eprintln!("xtask: installing {name}");
    cmd(Command::new("cargo")
        .args(["install", name, "--version", version, "--locked"])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1"))
}

/// The export tests read DOCX files with tools that are not ours: msoffcrypto-tool decrypts
/// (ECMA-376 agile), python-docx reads. Both from PyPI, for this user only.
fn install_docx_readers() -> Result<()> {
    let present = Command::new("python3")
        .args(["-c", "import msoffcrypto, docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        eprintln!("xtask: installing msoffcrypto-tool and python-docx (PyPI)");
        cmd(Command::new("python3").args([
            "-m",
            "pip",
            "install",
            "--user",
            "--quiet",
            "msoffcrypto-tool==6.1.0",
            "python-docx==1.2.0",
        ]))?;
    }
    Ok(())
}

/// Vite 8 needs Node ≥ 20.19; Debian's own nodejs is older, so this is checked, not installed.
fn check_node() -> Result<()> {
    let out = Command::new("node").arg("--version").output();
    let version = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .trim()
            .trim_start_matches('v')
            .to_owned(),
        _ => bail!("Node.js is missing: install Node 20.19 or newer (with npm) and try again"),
    };
    let parts: Vec<u32> = version.split('.').filter_map(|p| p.parse().ok()).collect();
    if parts.len() < 2 || (parts[0], parts[1]) < (20, 19) {
        bail!(
            "Node.js {version} is too old for the UI build: install Node 20.19 or newer and try again"
        );
    }
    Ok(())
}

pub fn prepare(needs: Needs) -> Result<()> {
    install_system_packages(needs)?;
    check_node()?;
    if needs == Needs::Test {
        install_tauri_driver()?;
        install_cargo_deny()?;
        install_docx_readers()?;
    }
    let ui = ui_dir();
    cmd(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&ui))
    .context("npm ci in ui/")?;
    // The shell embeds ui/dist at compile time: build it before any cargo step touches the shell.
    cmd(Command::new("npm").args(["run", "build"]).current_dir(&ui)).context("building the UI")?;
    Ok(())
}
