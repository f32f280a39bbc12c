//! `backup --to DIR` and `restore FILE`: the same backups the app takes and puts back.

use std::path::{Path, PathBuf};

use kernteam_app::{DataDir, RestoreSecret, Session, StoreState};

use crate::{Failure, failure, read_passphrase, unlocked};

pub(crate) fn backup(
    dir: DataDir,
    passphrase_file: &Option<PathBuf>,
    folder: &Path,
) -> Result<(), Failure> {
    let mut session = unlocked(dir, read_passphrase(passphrase_file)?, true)?;
    let report = session.backup_to(folder)?;
    println!(
        "Back-up gemaakt en gecontroleerd: {} in {} ({:.1} MiB, {} auditgebeurtenissen).",
        report.file_name,
        report.folder,
        report.file_bytes as f64 / 1_048_576.0,
        report.audit_events
    );
    if report.pruned > 0 {
        println!(
            "{} oudere back-ups opgeruimd (bewaard: 7 dagelijkse, 4 wekelijkse, 12 maandelijkse).",
            report.pruned
        );
    }
    session.lock();
    Ok(())
}

pub(crate) fn restore(
    dir: DataDir,
    passphrase_file: &Option<PathBuf>,
    file: &Path,
    recovery_key_file: &Option<PathBuf>,
    replace: bool,
    no_keyring: bool,
) -> Result<(), Failure> {
    let secret = match (
        read_passphrase(recovery_key_file)?,
        read_passphrase(passphrase_file)?,
    ) {
        (Some(recovery_key), _) => RestoreSecret::RecoveryKey { recovery_key },
        (None, Some(passphrase)) => RestoreSecret::Passphrase { passphrase },
        (None, None) => {
            return Err(failure(
                2,
                "restore heeft het wachtwoord of de herstelsleutel van de back-up nodig: geef --passphrase-file of --recovery-key-file mee.",
            ));
        }
    };
    let mut session = Session::new(dir);
    if session.status().state != StoreState::New && !replace {
        return Err(failure(
            2,
            format!(
                "in {} staat al een Kernteam-opslag. Die wordt bij terugzetten apart gezet in een map vorige-opslag-… ernaast (niet gewist); bevestig met --replace.",
                session.data_dir().root().display()
            ),
        ));
    }
    let report = session.restore_from(file, &secret, !no_keyring)?;
    println!(
        "Back-up van {} teruggezet ({} auditgebeurtenissen, gecontroleerd).",
        kernteam_app::domain::dates::dutch_instant(report.taken_at),
        report.audit_events
    );
    if let Some(folder) = report.set_aside {
        println!("De opslag die er stond, staat apart in {folder}.");
    }
    if !no_keyring && !report.keyring_enabled {
        println!(
            "De sleutelbos van het systeem is niet beschikbaar: ontgrendelen gaat met het wachtwoord."
        );
    }
    session.lock();
    Ok(())
}
