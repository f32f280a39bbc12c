//! One function per subcommand: what it reads, unlocks, changes and prints.

use std::path::{Path, PathBuf};

use kernteam_app::{DataDir, ErrorCode, ExportProtection, Session, SetupRequest, StoreState};

use crate::{ExportCommand, Failure, export, failure, read_passphrase, unlocked, write_file};

pub(crate) fn init(
    dir: DataDir,
    passphrase_file: &Option<PathBuf>,
    no_keyring: bool,
) -> Result<(), Failure> {
    let passphrase = read_passphrase(passphrase_file)?.ok_or_else(|| {
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
    println!("Herstelsleutel (wordt maar één keer getoond, schrijf hem op en bewaar hem veilig):");
    println!("    {}", outcome.recovery_key);
    session.lock();
    Ok(())
}

pub(crate) fn status(dir: DataDir) -> Result<(), Failure> {
    let session = Session::new(dir);
    let status = session.status();
    let root = session.data_dir().root().display();
    match status.state {
        StoreState::New => Err(failure(
            4,
            format!("geen Kernteam-opslag in {root}; maak er een met `kernteam-cli init`."),
        )),
        StoreState::Unreadable => Err(failure(
            5,
            format!(
                "in {root} staat een database, maar keys.json ontbreekt of is beschadigd; zet het terug uit een back-up."
            ),
        )),
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
            Ok(())
        }
    }
}

pub(crate) fn check(dir: DataDir, passphrase_file: &Option<PathBuf>) -> Result<(), Failure> {
    let mut session = unlocked(dir, read_passphrase(passphrase_file)?, false)?;
    let events = session.check().map_err(|e| failure(5, e.message))?;
    println!(
        "In orde: versleuteling, databasestructuur en auditketen ({events} gebeurtenissen) gecontroleerd."
    );
    Ok(())
}

pub(crate) fn import(
    dir: DataDir,
    passphrase_file: &Option<PathBuf>,
    file: &Path,
    password_file: &Option<PathBuf>,
) -> Result<(), Failure> {
    let bytes = std::fs::read(file).map_err(|_| {
        failure(
            2,
            format!("kan {} niet lezen; controleer het pad.", file.display()),
        )
    })?;
    let password = read_passphrase(password_file)?;
    let mut session = unlocked(dir, read_passphrase(passphrase_file)?, true)?;
    let summary = session
        .import_file(&bytes, password.as_deref())
        .map_err(|e| match e.code {
            ErrorCode::Validation => failure(2, e.message),
            _ => Failure::from(e),
        })?;
    if summary.whole_store {
        println!(
            "Volledige export ingelezen: {} rijen, met notulen, agenda's en het auditlog; de keten is gecontroleerd.",
            summary.added
        );
        if let Some(folder) = &summary.set_aside {
            println!("De lege opslag die er stond, staat apart in {folder}.");
        }
        return Ok(());
    }
    println!(
        "Geïmporteerd: {} nieuw, {} waren er al, {} geweigerd.",
        summary.added,
        summary.already_present,
        summary.refused.len()
    );
    for line in &summary.refused {
        println!("Geweigerd: {line}");
    }
    if let Some(note) = &summary.note {
        println!("{note}");
    }
    Ok(())
}

pub(crate) fn export_data(
    dir: DataDir,
    passphrase_file: &Option<PathBuf>,
    out: &Path,
    password_file: &Option<PathBuf>,
    unencrypted: bool,
) -> Result<(), Failure> {
    let password = read_passphrase(password_file)?;
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
    let mut session = unlocked(dir, read_passphrase(passphrase_file)?, true)?;
    let bytes = session.export_file(protection).map_err(|e| match e.code {
        ErrorCode::Validation => failure(2, e.message),
        _ => Failure::from(e),
    })?;
    session.record_data_export(unencrypted)?;
    write_file(out, &bytes)?;
    println!(
        "Alle gegevens geschreven naar {}{}.",
        out.display(),
        if unencrypted {
            " (onversleuteld: bewaar en verwijder het bestand zorgvuldig)"
        } else {
            " (versleuteld met het opgegeven wachtwoord)"
        }
    );
    Ok(())
}

pub(crate) fn export_document(
    dir: DataDir,
    passphrase_file: &Option<PathBuf>,
    command: &ExportCommand,
) -> Result<(), Failure> {
    let mut session = unlocked(dir, read_passphrase(passphrase_file)?, true)?;
    match command {
        ExportCommand::Minutes(args) => export::run(&mut session, args),
        ExportCommand::Actions(args) => export::run_actions(&mut session, args),
        ExportCommand::Summary(args) => export::run_summary(&mut session, args),
    }
}

pub(crate) fn demo(dir: DataDir, passphrase_file: &Option<PathBuf>) -> Result<(), Failure> {
    let mut session = unlocked(dir, read_passphrase(passphrase_file)?, true)?;
    let summary = session.load_demo()?;
    println!(
        "Demo-gegevens geladen: {} scholen, {} casussen, {} acties, {} overleggen (alle namen zijn fictief).",
        summary.schools, summary.casussen, summary.actions, summary.meetings
    );
    Ok(())
}
