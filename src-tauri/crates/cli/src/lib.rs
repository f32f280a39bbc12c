//! `kernteam-cli`: headless administration of the same store the desktop app uses. It ships inside
//! the app's own binary (`kernteam cli …`, with `/usr/bin/kernteam-cli` a two-line script), so
//! the store, the exports and Typst are linked once; `src/main.rs` is the same CLI for development.
//! Exit codes: 0 ok, 2 usage, 3 wrong passphrase or key, 4 no store, 5 integrity or audit-chain
//! failure, 1 anything else; each failure prints one line that says what to do.

mod backup;
mod commands;
mod export;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kernteam_app::{AppError, DataDir, ErrorCode, Session, StoreState, UnlockRequest};

#[derive(Parser)]
#[command(
    name = "kernteam-cli",
    version,
    about = "Beheer van een Kernteam-opslag zonder venster"
)]
struct Cli {
    /// The data dir (default: the desktop app's own).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// A file whose first line is the passphrase (otherwise the OS keyring is used).
    #[arg(long, global = true)]
    passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new store; prints the recovery key once.
    Init {
        /// Do not put a key slot in the OS keyring.
        #[arg(long)]
        no_keyring: bool,
    },
    /// Whether a store exists and which key slots it has.
    Status,
    /// cipher_integrity_check, integrity_check and the audit chain.
    Check,
    /// Load the fictitious demo data.
    Demo,
    /// Take an encrypted backup into a folder and verify it; older ones are pruned (7 daily,
    /// 4 weekly, 12 monthly).
    Backup {
        /// The folder to write the backup to (a USB stick, the school's synced folder).
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a backup back as this data dir's store (a store already there is set aside).
    Restore {
        file: PathBuf,
        /// A file whose first line is the recovery key (otherwise --passphrase-file).
        #[arg(long)]
        recovery_key_file: Option<PathBuf>,
        /// Confirms that a store already in the data dir is set aside.
        #[arg(long)]
        replace: bool,
        /// Do not put a key slot in this machine's OS keyring.
        #[arg(long)]
        no_keyring: bool,
    },
    /// Import an interchange file: a full export (v2) becomes a store that holds nothing yet,
    /// whole; into a store with records, and for a v1 file, records are merged (all or
    /// nothing; importing it twice changes nothing).
    Import {
        file: PathBuf,
        /// For a sealed file: a file whose first line is its password.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Documents for a recipient, minimised by the export rules.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Write everything the store keeps as a full export (interchange v2), sealed under a
    /// password: minutes, agendas, the audit log and all, for a move to another laptop.
    ExportData {
        #[arg(long)]
        out: PathBuf,
        /// A file whose first line is the password the export is sealed with.
        #[arg(long, conflicts_with = "unencrypted")]
        password_file: Option<PathBuf>,
        /// Write readable JSON instead (pupil data in plain text; recorded in the audit log).
        #[arg(long)]
        unencrypted: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// A meeting's finalised minutes for one recipient.
    Minutes(export::MinutesArgs),
    /// One organisation's open actions of a team.
    Actions(export::ActionsArgs),
    /// A casus summary (overdracht) for one recipient.
    Summary(export::SummaryArgs),
}

/// Runs the CLI on `args` (the program's name first, as `std::env::args_os` gives them) and
/// returns the exit code the header above lists.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    kernteam_app::process::harden();
    let cli = Cli::parse_from(args);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("kernteam-cli: {}", failure.message);
            ExitCode::from(failure.exit_code)
        }
    }
}

struct Failure {
    exit_code: u8,
    message: String,
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        let exit_code = match e.code {
            ErrorCode::WrongPassphrase => 3,
            ErrorCode::NoStore => 4,
            ErrorCode::Damaged | ErrorCode::BackupDamaged => 5,
            _ => 1,
        };
        Self {
            exit_code,
            message: e.message,
        }
    }
}

fn failure(exit_code: u8, message: impl Into<String>) -> Failure {
    Failure {
        exit_code,
        message: message.into(),
    }
}

fn read_passphrase(file: &Option<PathBuf>) -> Result<Option<String>, Failure> {
    let Some(path) = file else { return Ok(None) };
    let text = std::fs::read_to_string(path).map_err(|_| {
        failure(
            2,
            format!(
                "kan het wachtwoordbestand {} niet lezen; controleer het pad.",
                path.display()
            ),
        )
    })?;
    let line = text.lines().next().unwrap_or("").to_owned();
    Ok(Some(line))
}

/// Writes next to the target and renames, so a failure never leaves half a file.
fn write_file(target: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    kernteam_app::write_atomically(target, bytes).map_err(|e| {
        failure(
            1,
            format!(
                "kan {} niet schrijven ({}); er is niets achtergelaten.",
                target.display(),
                e.kind()
            ),
        )
    })
}

fn unlocked(dir: DataDir, passphrase: Option<String>, write: bool) -> Result<Session, Failure> {
    let mut session = Session::new(dir);
    match session.status().state {
        StoreState::New => {
            return Err(failure(
                4,
                format!(
                    "geen Kernteam-opslag in {}; maak er een met `kernteam-cli init`.",
                    session.data_dir().root().display()
                ),
            ));
        }
        StoreState::Unreadable => {
            return Err(failure(
                5,
                "keys.json ontbreekt of is beschadigd; zet het terug uit een back-up (er is niets gewijzigd).",
            ));
        }
        StoreState::Locked | StoreState::Unlocked => {}
    }
    let request = match passphrase {
        Some(passphrase) => UnlockRequest::Passphrase { passphrase },
        None => UnlockRequest::Keyring,
    };
    let result = if write {
        session.unlock(&request)
    } else {
        session.unlock_without_writing(&request)
    };
    result.map_err(|e| match e.code {
        ErrorCode::KeyringUnavailable => failure(
            3,
            "de sleutelbos is niet beschikbaar of heeft geen sleutel voor deze opslag; geef --passphrase-file mee.",
        ),
        _ => Failure::from(e),
    })?;
    Ok(session)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let root = cli
        .data_dir
        .clone()
        .or_else(kernteam_app::default_data_dir)
        .ok_or_else(|| failure(2, "geen datamap bekend; geef --data-dir mee."))?;
    let dir = DataDir::new(root);
    let passphrase_file = &cli.passphrase_file;
    match cli.command {
        Command::Init { no_keyring } => commands::init(dir, passphrase_file, no_keyring),
        Command::Status => commands::status(dir),
        Command::Check => commands::check(dir, passphrase_file),
        Command::Import {
            file,
            password_file,
        } => commands::import(dir, passphrase_file, &file, &password_file),
        Command::ExportData {
            out,
            password_file,
            unencrypted,
        } => commands::export_data(dir, passphrase_file, &out, &password_file, unencrypted),
        Command::Export(command) => commands::export_document(dir, passphrase_file, &command),
        Command::Demo => commands::demo(dir, passphrase_file),
        Command::Backup { to } => backup::backup(dir, passphrase_file, &to),
        Command::Restore {
            file,
            recovery_key_file,
            replace,
            no_keyring,
        } => backup::restore(
            dir,
            passphrase_file,
            &file,
            &recovery_key_file,
            replace,
            no_keyring,
        ),
    }
}
