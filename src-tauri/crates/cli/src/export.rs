//! `kernteam-cli export minutes | actions | summary`: the same minimised documents the app previews, for scripts.

use std::path::PathBuf;

use kernteam_app::domain::recipient::{Recipient, RecipientKind};
use kernteam_app::domain::{CasusId, MeetingStatus, OrganisationKind};
use kernteam_app::{
    ActionListExportRequest, ErrorCode, ExportFormat, ExportRequest, MinutesExportRequest, Session,
    SummaryExportRequest,
};

use crate::{Failure, failure};

#[derive(clap::Args)]
pub struct MinutesArgs {
    /// The meeting's id, or `latest`: the team's most recent meeting with minutes.
    #[arg(long)]
    meeting: String,
    /// The team (part of its name).
    #[arg(long)]
    team: String,
    /// ouders, school, swv-loket, or partner:<organisation> (its kind such as jgz, or part of its name).
    #[arg(long)]
    recipient: String,
    /// For the parents: the casus (id) whose part they get.
    #[arg(long)]
    casus: Option<String>,
    /// Health or safety released for this recipient (comma-separated: gezondheid,veiligheid).
    #[arg(long, value_delimiter = ',')]
    release: Vec<String>,
    #[command(flatten)]
    output: OutputArgs,
}

/// Where and how every export is written: format, password or the recorded choice against it.
#[derive(clap::Args)]
pub struct OutputArgs {
    /// pdf or docx (encrypted with --password-file), or md (never encrypted).
    #[arg(long, default_value = "pdf")]
    format: String,
    /// Leave the file unencrypted (Markdown always is): recorded in the export log.
    #[arg(long)]
    unencrypted: bool,
    /// A file whose first line is the document's password (PDF or DOCX).
    #[arg(long, conflicts_with = "unencrypted")]
    password_file: Option<PathBuf>,
    #[arg(long)]
    out: PathBuf,
}

impl OutputArgs {
    /// Builds the request for the chosen format, writes it through the app's one export path
    /// and reports what was written and what was left out.
    fn save<R: ExportRequest>(
        &self,
        session: &mut Session,
        request: impl FnOnce(&mut Session, ExportFormat) -> Result<R, Failure>,
    ) -> Result<(), Failure> {
        let format = format_of(&self.format)?;
        let password = crate::read_passphrase(&self.password_file)?;
        let request = request(session, format)?;
        let preview = session
            .save_export(&request, &self.out, password.as_deref(), self.unencrypted)
            .map_err(refused)?;
        report(&preview, &self.out, password.is_some());
        Ok(())
    }
}

fn usage(message: impl Into<String>) -> Failure {
    failure(2, message)
}

fn recipient(session: &mut Session, spec: &str) -> Result<Recipient, Failure> {
    let plain = |kind, name: &str| Recipient {
        kind,
        organisation_id: None,
        organisation_kind: None,
        name: name.into(),
    };
    match spec {
        "ouders" => Ok(plain(RecipientKind::Ouders, "de ouders")),
        "school" => Ok(plain(RecipientKind::School, "mentor en intern begeleider")),
        "swv-loket" => Ok(plain(
            RecipientKind::SwvLoket,
            "het loket van het samenwerkingsverband",
        )),
        _ => {
            let Some(wanted) = spec.strip_prefix("partner:") else {
                return Err(usage(format!(
                    "onbekende ontvanger {spec:?}: kies ouders, school, swv-loket of partner:<organisatie>."
                )));
            };
            let wanted = wanted.to_lowercase();
            let organisations = session.organisations()?;
            let fits: Vec<_> = organisations
                .into_iter()
                .filter(|o| {
                    o.kind.code() == wanted
                        || (o.kind != OrganisationKind::School
                            && o.name.to_lowercase().contains(&wanted))
                })
                .collect();
            match fits.as_slice() {
                [o] => Ok(Recipient {
                    kind: RecipientKind::Partner,
                    organisation_id: Some(o.id),
                    organisation_kind: Some(o.kind),
                    name: o.name.clone(),
                }),
                [] => Err(usage(format!(
                    "geen partnerorganisatie {wanted:?} gevonden."
                ))),
                _ => Err(usage(format!(
                    "{wanted:?} past bij meer dan één organisatie; geef een langer deel van de naam."
                ))),
            }
        }
    }
}

fn format_of(text: &str) -> Result<ExportFormat, Failure> {
    match text {
        "md" => Ok(ExportFormat::Md),
        "docx" => Ok(ExportFormat::Docx),
        "pdf" => Ok(ExportFormat::Pdf),
        other => Err(usage(format!(
            "onbekend formaat {other:?}: kies pdf, docx of md."
        ))),
    }
}

fn team(session: &mut Session, name: &str) -> Result<kernteam_app::domain::Team, Failure> {
    let wanted = name.to_lowercase();
    let teams: Vec<_> = session
        .teams()?
        .into_iter()
        .filter(|t| t.name.to_lowercase().contains(&wanted))
        .collect();
    match teams.as_slice() {
        [t] => Ok(t.clone()),
        [] => Err(usage(format!("geen kernteam {name:?} gevonden."))),
        _ => Err(usage(format!("{name:?} past bij meer dan één kernteam."))),
    }
}

/// Bad input is a usage error (exit 2) with the app's Dutch message.
fn refused(e: kernteam_app::AppError) -> Failure {
    match e.code {
        ErrorCode::Validation => usage(e.message),
        _ => Failure::from(e),
    }
}

/// Where it went, how, and what was left out.
fn report(preview: &kernteam_app::ExportPreview, out: &std::path::Path, encrypted: bool) {
    println!(
        "Voor {} geschreven naar {} ({}; vastgelegd in het exportlogboek).",
        preview.recipient,
        out.display(),
        if encrypted {
            "versleuteld met het wachtwoord uit het bestand"
        } else {
            "onversleuteld"
        }
    );
    for x in &preview.excluded {
        println!("Niet opgenomen: {}: {}", x.title, x.reason);
    }
}

pub fn run(session: &mut Session, args: &MinutesArgs) -> Result<(), Failure> {
    let team = team(session, &args.team)?;
    let meetings: Vec<_> = session
        .meetings()?
        .into_iter()
        .filter(|m| m.team_id == team.id)
        .collect();
    let meeting = if args.meeting == "latest" {
        meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Gesloten)
            .max_by(|a, b| a.starts_at.cmp(&b.starts_at))
            .ok_or_else(|| usage(format!("{} heeft nog geen afgesloten overleg.", team.name)))?
            .id
    } else {
        meetings
            .iter()
            .find(|m| m.id.to_string() == args.meeting)
            .ok_or_else(|| usage(format!("geen overleg {} van {}.", args.meeting, team.name)))?
            .id
    };
    let only_casus = match &args.casus {
        Some(text) => Some(
            text.parse::<CasusId>()
                .map_err(|_| usage(format!("{text:?} is geen casus-id.")))?,
        ),
        None => None,
    };
    let released = categories(&args.release)?;
    args.output.save(session, |session, format| {
        Ok(MinutesExportRequest {
            meeting_id: meeting,
            format,
            recipient: recipient(session, &args.recipient)?,
            only_casus,
            released,
            pupil_shares_with_parents: false,
        })
    })
}

#[derive(clap::Args)]
pub struct ActionsArgs {
    /// The organisation whose open actions are listed (its kind such as jgz, or part of its name).
    #[arg(long)]
    organisation: String,
    /// The team (part of its name).
    #[arg(long)]
    team: String,
    #[command(flatten)]
    output: OutputArgs,
}

/// `kernteam-cli export actions`: one organisation's open actions of a team.
pub fn run_actions(session: &mut Session, args: &ActionsArgs) -> Result<(), Failure> {
    let team = team(session, &args.team)?;
    args.output.save(session, |session, format| {
        Ok(ActionListExportRequest {
            team_id: team.id,
            recipient: recipient(session, &format!("partner:{}", args.organisation))?,
            format,
        })
    })
}

#[derive(clap::Args)]
pub struct SummaryArgs {
    /// The casus (id) whose overdracht is written.
    #[arg(long)]
    casus: String,
    /// ouders, school, swv-loket, or partner:<organisation>.
    #[arg(long)]
    recipient: String,
    /// Health or safety released for this recipient (comma-separated: gezondheid,veiligheid).
    #[arg(long, value_delimiter = ',')]
    release: Vec<String>,
    #[command(flatten)]
    output: OutputArgs,
}

/// `kernteam-cli export summary`: a casus summary (overdracht) for one recipient.
pub fn run_summary(session: &mut Session, args: &SummaryArgs) -> Result<(), Failure> {
    let casus_id = args
        .casus
        .parse::<CasusId>()
        .map_err(|_| usage(format!("{:?} is geen casus-id.", args.casus)))?;
    let released = categories(&args.release)?;
    args.output.save(session, |session, format| {
        Ok(SummaryExportRequest {
            casus_id,
            recipient: recipient(session, &args.recipient)?,
            format,
            released,
            pupil_shares_with_parents: false,
        })
    })
}

fn categories(codes: &[String]) -> Result<Vec<kernteam_app::domain::DataCategory>, Failure> {
    codes
        .iter()
        .map(|c| {
            kernteam_app::domain::DataCategory::from_code(c.trim()).ok_or_else(|| {
                usage(format!(
                    "onbekende categorie {c:?}: gezondheid of veiligheid."
                ))
            })
        })
        .collect()
}
