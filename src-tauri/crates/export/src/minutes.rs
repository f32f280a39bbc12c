//! Minutes for one recipient: per casus item the rule of `kernteam_domain::recipient` decides
//! whether it goes out and which parts; meeting-level items keep their title and decisions.

use kernteam_domain::agenda::AgendaKind;
use kernteam_domain::dates::{dutch_date, dutch_instant, parse_iso};
use kernteam_domain::live::{MinuteBlock, MinutesAction, MinutesBody, MinutesItem};
use kernteam_domain::recipient::{
    ActionsShown, Allowed, CasusForExport, Naming, Part, PartShare, PupilName, Recipient,
    RecipientKind, Share, rule, without_other_pupils,
};
use kernteam_domain::{CasusId, OrganisationId, OrganisationKind};

use crate::document::{ActionLine, Document, Field, Section};

/// What the exporter knows of one casus on the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasusContext {
    /// The casus this context describes.
    pub casus_id: CasusId,
    /// The pupil's name, or the pseudonym of an anonymous consultation.
    pub name: String,
    /// What the recipient rule needs to know of the casus on the day of the export.
    pub facts: CasusForExport,
    /// The pupil's own name (none for an anonymous consultation): the parts she shares with
    /// a sibling name her too.
    pub own_name: Option<PupilName>,
    /// Every other pupil the store knows for this team: never in this one's text.
    pub other_pupils: Vec<PupilName>,
}

impl CasusContext {
    /// Free text of this casus as it may leave: other pupils' names taken out.
    pub fn clean(&self, text: &str) -> String {
        without_other_pupils(text.trim(), self.own_name.as_ref(), &self.other_pupils)
    }
}

/// What one recipient's minutes of a meeting are made from.
pub struct MinutesRequest<'a> {
    /// The minutes of the meeting: who was present, and every item with its block, decisions
    /// and actions.
    pub body: &'a MinutesBody,
    /// "versie 1, vastgesteld di 24 nov 2026".
    pub status: String,
    /// The school's name, for the header.
    pub school: &'a str,
    /// Who the minutes are for; the rule decides per casus what of it goes.
    pub recipient: &'a Recipient,
    /// The context of each casus on the agenda; a casus item without one is left out.
    pub casussen: &'a [CasusContext],
    /// The team's organisations as (id, kind, name): to name who has regie (the case lead) and
    /// to tell which actions are a partner's own.
    pub organisations: &'a [(OrganisationId, OrganisationKind, String)],
    /// Parents get the part about one pupil; others may get the whole meeting.
    pub only_casus: Option<CasusId>,
    /// The day the document is made.
    pub made_on: chrono::NaiveDate,
}

/// A casus item left out, for the preview (initials and class, and why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    /// What was left out: the item's title, or that title with the part ("… — een actie").
    pub title: String,
    /// Why it was left out, in Dutch, as the preview shows it.
    pub reason: String,
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(dutch_date).unwrap_or_else(|| "—".into())
}

/// Health and safety: their absence is worth saying in the preview (the rest follows from the
/// profile, which the preview names).
fn is_sensitive(part: Part) -> bool {
    matches!(part, Part::Health | Part::Safety)
}

/// The minutes as `request.recipient` may receive them, and what was left out.
pub fn minutes_for(request: &MinutesRequest<'_>) -> (Document, Vec<Excluded>) {
    let body = request.body;
    let parents = request.for_parents();
    let mut doc = minutes_header(request);
    if !parents && !body.present.is_empty() {
        doc.sections.push(Section {
            heading: "Aanwezig".into(),
            bullets: vec![body.present.join(", ")],
            ..Section::default()
        });
    }
    let mut excluded = Vec::new();
    for item in &body.items {
        let section = match item.casus_id {
            None => meeting_section(item, parents),
            Some(casus_id) => casus_section(request, item, casus_id, &mut excluded),
        };
        doc.sections.extend(section);
    }
    (doc, excluded)
}

impl MinutesRequest<'_> {
    /// Parents get their own child's part in plain words, without the team around it.
    fn for_parents(&self) -> bool {
        self.recipient.kind == RecipientKind::Ouders
    }
}

fn minutes_header(request: &MinutesRequest<'_>) -> Document {
    let body = request.body;
    Document {
        title: format!("Verslag {}", body.team_name),
        subtitle: format!(
            "{}{}",
            dutch_instant(body.starts_at),
            body.location
                .as_deref()
                .map(|l| format!(" · {l}"))
                .unwrap_or_default()
        ),
        school: request.school.to_owned(),
        team: body.team_name.clone(),
        recipient: request.recipient.name.clone(),
        status: request.status.clone(),
        made_on: dutch_date(request.made_on),
        sections: Vec::new(),
    }
}

/// A meeting-level item: its title and decisions, or `None` when it has nothing to say.
fn meeting_section(item: &MinutesItem, parents: bool) -> Option<Section> {
    // Meeting-level items carry no pupil; the review's lines went to the casus items.
    if parents || item.kind == AgendaKind::Actiereview.label() {
        return None;
    }
    if item.decisions.is_empty() && item.kind != AgendaKind::Thema.label() {
        return None;
    }
    Some(Section {
        heading: item.title.clone(),
        bullets: item.decisions.clone(),
        ..Section::default()
    })
}

/// One casus item as far as the rule lets it go to the recipient, or `None` when nothing of it
/// goes (said in `excluded`, unless the request asked for another casus only).
fn casus_section(
    request: &MinutesRequest<'_>,
    item: &MinutesItem,
    casus_id: CasusId,
    excluded: &mut Vec<Excluded>,
) -> Option<Section> {
    if request.only_casus.is_some_and(|only| only != casus_id) {
        return None;
    }
    let (context, allowed) = match casus_and_allowed(request, casus_id) {
        Ok(found) => found,
        Err(reason) => {
            excluded.push(Excluded {
                title: item.title.clone(),
                reason,
            });
            return None;
        }
    };
    let heading = match allowed.naming {
        Naming::FullName => format!("{} — {}", context.name, item.title),
        Naming::Pseudonym => context.name.clone(),
    };
    // Each field asks the one rule; what it leaves out is said per part in the preview
    // (only for the parts that hold text, and only the profile's own choices are silent).
    let mut left_out = |part_name: &str, reason: String| {
        excluded.push(Excluded {
            title: format!("{} — {part_name}", item.title),
            reason,
        });
    };
    let fields = match &item.block {
        Some(block) => block_fields(request, block, &allowed, context, &mut left_out),
        None => Vec::new(),
    };
    let bullets = decision_bullets(item, &allowed, context, &mut left_out);
    let actions = action_lines(request, item, &allowed, context, &mut left_out);
    // A name with nothing under it would say only that this pupil is discussed.
    if fields.is_empty() && bullets.is_empty() && actions.is_empty() {
        excluded.push(Excluded {
            title: item.title.clone(),
            reason: "Niets in dit verslag voor deze ontvanger.".into(),
        });
        return None;
    }
    Some(Section {
        heading,
        fields,
        bullets,
        actions,
    })
}

/// The casus's context and what the rule allows of it, or why none of it goes.
fn casus_and_allowed<'a>(
    request: &MinutesRequest<'a>,
    casus_id: CasusId,
) -> Result<(&'a CasusContext, Allowed), String> {
    let Some(context) = request.casussen.iter().find(|c| c.casus_id == casus_id) else {
        return Err("Deze casus is niet (meer) te vinden.".into());
    };
    match rule(request.recipient, &context.facts) {
        Share::Included { allowed } => Ok((context, allowed)),
        Share::Excluded { reason } => Err(reason),
    }
}

/// The block's texts the rule allows, then who has regie and when the casus comes back.
fn block_fields(
    request: &MinutesRequest<'_>,
    block: &MinuteBlock,
    allowed: &Allowed,
    context: &CasusContext,
    left_out: &mut impl FnMut(&str, String),
) -> Vec<Field> {
    let parents = request.for_parents();
    let parents_label = if parents {
        "Wat we hebben besproken"
    } else {
        "Voor ouders en inbrenger"
    };
    let mut fields = Vec::new();
    for (part, label, text) in [
        (Part::Facts, "Feiten", &block.facts),
        (Part::Analysis, "Analyse en meningen", &block.analysis),
        (Part::Health, "Gezondheid", &block.health),
        (Part::Safety, "Veiligheid", &block.safety),
        (Part::ToParents, parents_label, &block.to_parents),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        match allowed.part(part) {
            PartShare::Shown => fields.push(Field {
                label: label.into(),
                text: context.clean(text),
            }),
            PartShare::LeftOut(reason) if is_sensitive(part) => left_out(label, reason),
            PartShare::LeftOut(_) => {}
        }
    }
    if !parents
        && let Some((_, _, name)) = organisation(request.organisations, block.regie_organisation_id)
    {
        fields.push(Field {
            label: "Regie".into(),
            text: name.clone(),
        });
    }
    if block.next_review_on.is_some() {
        fields.push(Field {
            label: "Volgende bespreking".into(),
            text: date_text(block.next_review_on.as_deref().and_then(parse_iso)),
        });
    }
    fields
}

/// The decisions, when the profile gets decisions, each as far as its category may go.
fn decision_bullets(
    item: &MinutesItem,
    allowed: &Allowed,
    context: &CasusContext,
    left_out: &mut impl FnMut(&str, String),
) -> Vec<String> {
    let mut bullets = Vec::new();
    if allowed.decisions {
        for (decision, category) in item.categorised_decisions() {
            match allowed.part(Part::Decision(category)) {
                PartShare::Shown => bullets.push(context.clean(decision)),
                PartShare::LeftOut(reason) => left_out("een besluit", reason),
            }
        }
    }
    bullets
}

/// The item's actions the recipient's profile shows (a partner only its own), less those the
/// rule leaves out.
fn action_lines(
    request: &MinutesRequest<'_>,
    item: &MinutesItem,
    allowed: &Allowed,
    context: &CasusContext,
    left_out: &mut impl FnMut(&str, String),
) -> Vec<ActionLine> {
    let owned = |a: &&MinutesAction| match allowed.actions {
        ActionsShown::All => true,
        ActionsShown::OwnedBy(kind) => organisation(request.organisations, a.owner_organisation_id)
            .is_some_and(|(_, k, _)| *k == kind),
    };
    for a in item.action_items.iter().filter(owned) {
        if let PartShare::LeftOut(reason) = allowed.part(Part::Action(a.category)) {
            left_out("een actie", reason);
        }
    }
    item.action_items
        .iter()
        .filter(owned)
        .filter(|a| allowed.shows(Part::Action(a.category)))
        .map(|a| ActionLine {
            what: context.clean(&a.description),
            who: a.owner.clone().unwrap_or_else(|| "—".into()),
            due: date_text(a.due_on),
        })
        .collect()
}

/// The team's organisation with this id, if the team has one.
fn organisation(
    organisations: &[(OrganisationId, OrganisationKind, String)],
    id: Option<OrganisationId>,
) -> Option<&(OrganisationId, OrganisationKind, String)> {
    organisations.iter().find(|(o, _, _)| Some(*o) == id)
}
