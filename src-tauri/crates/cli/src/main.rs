//! `kernteam-cli`: headless administration of the same store the desktop app uses.
//! Exit codes: 0 ok, 2 usage, 3 wrong passphrase or key, 4 no store, 5 integrity or audit-chain
//! failure, 1 anything else; each failure prints one line that says what to do.

mod export;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kernteam_app::{
    AppError, DataDir, ErrorCode, ExportProtection, Session, SetupRequest, StoreState,
    UnlockRequest,
};

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
    /// Import an interchange v1 file (all or nothing; importing it twice changes nothing).
    Import {
        file: PathBuf,
        /// For a sealed file: a file whose first line is its password.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Documents for a recipient, minimised by the export rules.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Write everything as an interchange v1 file, sealed under a password.
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

fn main() -> ExitCode {
    kernteam_app::process::harden();
    let cli = Cli::parse();
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
            ErrorCode::Damaged => 5,
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
    match cli.command {
        Command::Init { no_keyring } => {
            let passphrase = read_passphrase(&cli.passphrase_file)?.ok_or_else(|| {
                failure(
                    2,
                    "init heeft een wachtwoord nodig: geef --passphrase-file mee.",
                )
            })?;
            let mut session = Session::new(dir);
            let outcome = session
                .setup(&SetupRequest {
                    passphrase,
                    use_keyring: !no_keyring,
                })
                .map_err(|e| match e.code {
                    ErrorCode::AlreadyExists => failure(1, e.message),
                    ErrorCode::Validation => failure(2, e.message),
                    _ => Failure::from(e),
                })?;
            println!(
                "Kernteam-opslag aangemaakt in {}.",
                session.data_dir().root().display()
            );
            if !no_keyring && !outcome.keyring_enabled {
                println!(
                    "De sleutelbos van het systeem is niet beschikbaar: ontgrendelen gaat met het wachtwoord."
                );
            }
            println!(
                "Herstelsleutel (wordt maar één keer getoond, schrijf hem op en bewaar hem veilig):"
            );
            println!("    {}", outcome.recovery_key);
            session.lock();
        }
        Command::Status => {
            let session = Session::new(dir);
            let status = session.status();
            let root = session.data_dir().root().display();
            match status.state {
                StoreState::New => {
                    return Err(failure(
                        4,
                        format!(
                            "geen Kernteam-opslag in {root}; maak er een met `kernteam-cli init`."
                        ),
                    ));
                }
                StoreState::Unreadable => {
                    return Err(failure(
                        5,
                        format!(
                            "in {root} staat een database, maar keys.json ontbreekt of is beschadigd; zet het terug uit een back-up."
                        ),
                    ));
                }
                StoreState::Locked | StoreState::Unlocked => {
                    let slots: Vec<&str> = [
                        (status.has_keyring_slot, "sleutelbos"),
                        (status.has_passphrase_slot, "wachtwoord"),
                        (status.has_recovery_slot, "herstelsleutel"),
                    ]
                    .into_iter()
                    .filter_map(|(on, name)| on.then_some(name))
                    .collect();
                    println!("Kernteam-opslag in {root}");
                    println!("Sleutelsloten: {}", slots.join(", "));
                }
            }
        }
        Command::Check => {
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, false)?;
            let events = session.check().map_err(|e| failure(5, e.message))?;
            println!(
                "In orde: versleuteling, databasestructuur en auditketen ({events} gebeurtenissen) gecontroleerd."
            );
        }
        Command::Import {
            file,
            password_file,
        } => {
            let bytes = std::fs::read(&file).map_err(|_| {
                failure(
                    2,
                    format!("kan {} niet lezen; controleer het pad.", file.display()),
                )
            })?;
            let password = read_passphrase(&password_file)?;
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, true)?;
            let summary =
                session
                    .import_file(&bytes, password.as_deref())
                    .map_err(|e| match e.code {
                        ErrorCode::Validation => failure(2, e.message),
                        _ => Failure::from(e),
                    })?;
            println!(
                "Geïmporteerd: {} nieuw, {} waren er al, {} geweigerd.",
                summary.added,
                summary.already_present,
                summary.refused.len()
            );
            for line in &summary.refused {
                println!("Geweigerd: {line}");
            }
        }
        Command::ExportData {
            out,
            password_file,
            unencrypted,
        } => {
            let password = read_passphrase(&password_file)?;
            let protection = match (&password, unencrypted) {
                (Some(p), _) => ExportProtection::Password(p),
                (None, true) => ExportProtection::Unencrypted,
                (None, false) => {
                    return Err(failure(
                        2,
                        "een export bevat leerlinggegevens: geef --password-file mee, of kies bewust --unencrypted.",
                    ));
                }
            };
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, true)?;
            let bytes = session.export_file(protection).map_err(|e| match e.code {
                ErrorCode::Validation => failure(2, e.message),
                _ => Failure::from(e),
            })?;
            session.record_data_export(unencrypted)?;
            write_file(&out, &bytes)?;
            println!(
                "Alle gegevens geschreven naar {}{}.",
                out.display(),
                if unencrypted {
                    " (onversleuteld: bewaar en verwijder het bestand zorgvuldig)"
                } else {
                    " (versleuteld met het opgegeven wachtwoord)"
                }
            );
        }
        Command::Export(ExportCommand::Minutes(args)) => {
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, true)?;
            export::run(&mut session, &args)?;
        }
        Command::Export(ExportCommand::Actions(args)) => {
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, true)?;
            export::run_actions(&mut session, &args)?;
        }
        Command::Export(ExportCommand::Summary(args)) => {
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, true)?;
            export::run_summary(&mut session, &args)?;
        }
        Command::Demo => {
            let mut session = unlocked(dir, read_passphrase(&cli.passphrase_file)?, true)?;
            let summary = session.load_demo()?;
            println!(
                "Demo-gegevens geladen: {} scholen, {} casussen, {} acties, {} overleggen (alle namen zijn fictief).",
                summary.schools, summary.casussen, summary.actions, summary.meetings
            );
        }
    }
    Ok(())
}
