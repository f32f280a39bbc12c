//! The action list of one organisation: its open actions, per pupil whose consent covers that
//! organisation (the same rule as the minutes), overdue ones marked.

use kernteam_domain::dates::dutch_date;
use kernteam_domain::recipient::{Naming, Part, PartShare, Recipient, Share, rule};
use kernteam_domain::{ActionRow, ActionStatus};

use crate::document::{ActionLine, Document, Section};
use crate::minutes::{CasusContext, Excluded};

/// What the action list of one organisation is made from.
pub struct ActionListRequest<'a> {
    /// The partner organisation the list is for; without an organisation id nothing is listed.
    pub recipient: &'a Recipient,
    /// The school's name, for the header.
    pub school: &'a str,
    /// The kernteam's name, for the header.
    pub team: &'a str,
    /// The team's actions; only the recipient organisation's open ones are listed.
    pub actions: &'a [ActionRow],
    /// The casussen the actions belong to; a pupil's actions go only as far as the recipient
    /// rule allows.
    pub casussen: &'a [CasusContext],
    /// The day of the list: its date, and actions due before it are marked overdue.
    pub today: chrono::NaiveDate,
}

fn due_text(due: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> String {
    match due {
        Some(d) if d < today => format!("{} (te laat)", dutch_date(d)),
        Some(d) => dutch_date(d),
        None => "—".into(),
    }
}

/// The recipient's action list and what was left out (for the preview): per pupil, then the
/// actions without a pupil, with open and overdue counted over what is listed.
pub fn action_list_for(request: &ActionListRequest<'_>) -> (Document, Vec<Excluded>) {
    let recipient = request.recipient;
    let mine = open_actions_of(request);
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
    for context in request.casussen {
        doc.sections
            .extend(pupil_section(request, context, &mine, &mut excluded));
    }
    doc.sections
        .extend(without_pupil_section(&mine, request.today));
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

/// The open actions of the recipient's own organisation; none for a recipient that is not one.
fn open_actions_of<'a>(request: &ActionListRequest<'a>) -> Vec<&'a ActionRow> {
    let recipient = request.recipient;
    request
        .actions
        .iter()
        .filter(|a| {
            a.status == ActionStatus::Open
                && recipient.organisation_id.is_some()
                && a.owner_organisation_id == recipient.organisation_id
        })
        .collect()
}

/// One pupil's actions under the name the rule allows, or `None` when none of them is listed
/// (a pupil the rule leaves out is said in `excluded`).
fn pupil_section(
    request: &ActionListRequest<'_>,
    context: &CasusContext,
    mine: &[&ActionRow],
    excluded: &mut Vec<Excluded>,
) -> Option<Section> {
    let theirs: Vec<&&ActionRow> = mine
        .iter()
        .filter(|a| a.casus_id == Some(context.casus_id))
        .collect();
    let first = theirs.first()?;
    let title = first.casus_initials.clone().unwrap_or_default();
    let allowed = match rule(request.recipient, &context.facts) {
        Share::Included { allowed } => allowed,
        Share::Excluded { reason } => {
            excluded.push(Excluded { title, reason });
            return None;
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
        return None;
    }
    Some(Section {
        heading,
        actions: shown
            .iter()
            .map(|a| ActionLine {
                what: context.clean(&a.description),
                who: a.owner.clone().unwrap_or_else(|| "—".into()),
                due: due_text(a.due_on, request.today),
            })
            .collect(),
        ..Section::default()
    })
}

/// The actions that belong to no pupil, listed as they are (no pupil, so no rule to ask).
fn without_pupil_section(mine: &[&ActionRow], today: chrono::NaiveDate) -> Option<Section> {
    let actions: Vec<ActionLine> = mine
        .iter()
        .filter(|a| a.casus_id.is_none())
        .map(|a| ActionLine {
            what: a.description.clone(),
            who: a.owner.clone().unwrap_or_else(|| "—".into()),
            due: due_text(a.due_on, today),
        })
        .collect();
    if actions.is_empty() {
        return None;
    }
    Some(Section {
        heading: "Zonder leerling".into(),
        actions,
        ..Section::default()
    })
}
