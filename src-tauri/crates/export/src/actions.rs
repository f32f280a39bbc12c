//! The action list of one organisation: its open actions, per pupil whose consent covers that
//! organisation (the same rule as the minutes), overdue ones marked.

use kernteam_domain::dates::{dutch_date, parse_iso};
use kernteam_domain::recipient::{Naming, Part, PartShare, Recipient, Share, rule};
use kernteam_domain::{ActionRow, ActionStatus};

use crate::document::{ActionLine, Document, Section};
use crate::minutes::{CasusContext, Excluded};

pub struct ActionListRequest<'a> {
    pub recipient: &'a Recipient,
    pub school: &'a str,
    pub team: &'a str,
    /// The team's actions; only the recipient organisation's open ones are listed.
    pub actions: &'a [ActionRow],
    pub casussen: &'a [CasusContext],
    pub today: time::Date,
}

fn due_text(due: Option<&str>, today: time::Date) -> String {
    match due.and_then(parse_iso) {
        Some(d) if d < today => format!("{} (te laat)", dutch_date(d)),
        Some(d) => dutch_date(d),
        None => "—".into(),
    }
}

pub fn action_list_for(request: &ActionListRequest<'_>) -> (Document, Vec<Excluded>) {
    let recipient = request.recipient;
    let mine: Vec<&ActionRow> = request
        .actions
        .iter()
        .filter(|a| {
            a.status == ActionStatus::Open
                && recipient.organisation_id.is_some()
                && a.owner_organisation_id == recipient.organisation_id
        })
        .collect();
    let mut doc = Document {
        title: format!("Actielijst {}", recipient.name),
        subtitle: format!(
            "Openstaande acties, stand van {}",
            dutch_date(request.today)
        ),
        school: request.school.to_owned(),
        team: request.team.to_owned(),
        recipient: recipient.name.clone(),
        status: String::new(),
        made_on: dutch_date(request.today),
        sections: Vec::new(),
    };
    let mut excluded = Vec::new();
    let mut without_pupil = Section {
        heading: "Zonder leerling".into(),
        ..Section::default()
    };
    for context in request.casussen {
        let theirs: Vec<&&ActionRow> = mine
            .iter()
            .filter(|a| a.casus_id == Some(context.casus_id))
            .collect();
        let Some(first) = theirs.first() else {
            continue;
        };
        let title = first.casus_initials.clone().unwrap_or_default();
        let allowed = match rule(recipient, &context.facts) {
            Share::Included { allowed } => allowed,
            Share::Excluded { reason } => {
                excluded.push(Excluded { title, reason });
                continue;
            }
        };
        let heading = match allowed.naming {
            Naming::FullName => format!("{} — {title}", context.name),
            Naming::Pseudonym => context.name.clone(),
        };
        for a in &theirs {
            if let PartShare::LeftOut(reason) = allowed.part(Part::Action(a.category)) {
                excluded.push(Excluded {
                    title: format!("{title} — een actie"),
                    reason,
                });
            }
        }
        let shown: Vec<&&&ActionRow> = theirs
            .iter()
            .filter(|a| allowed.shows(Part::Action(a.category)))
            .collect();
        if shown.is_empty() {
            continue;
        }
        doc.sections.push(Section {
            heading,
            actions: shown
                .iter()
                .map(|a| ActionLine {
                    what: context.clean(&a.description),
                    who: a.owner.clone().unwrap_or_else(|| "—".into()),
                    due: due_text(a.due_on.as_deref(), request.today),
                })
                .collect(),
            ..Section::default()
        });
    }
    without_pupil.actions = mine
        .iter()
        .filter(|a| a.casus_id.is_none())
        .map(|a| ActionLine {
            what: a.description.clone(),
            who: a.owner.clone().unwrap_or_else(|| "—".into()),
            due: due_text(a.due_on.as_deref(), request.today),
        })
        .collect();
    if !without_pupil.actions.is_empty() {
        doc.sections.push(without_pupil);
    }
    // Counted over what is listed: an excluded pupil's actions are not even a number here.
    let listed: Vec<&ActionLine> = doc.sections.iter().flat_map(|s| &s.actions).collect();
    doc.status = format!(
        "{} open, waarvan {} te laat",
        listed.len(),
        listed
            .iter()
            .filter(|a| a.due.ends_with("(te laat)"))
            .count()
    );
    (doc, excluded)
}
