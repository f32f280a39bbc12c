//! The casus summary (overdracht, for instance to a new school): the hulpvraag, what was tried,
//! strengths and concerns, shared notes, the actions and how it ended — each part only as far
//! as the recipient's rule allows, never a private preparation note, never another pupil.

use kernteam_domain::casus::SignalCategory;
use kernteam_domain::dates::{amsterdam_date, dutch_date};
use kernteam_domain::recipient::{ActionsShown, Allowed, Part, PartShare, Recipient, Share, rule};
use kernteam_domain::{
    CasusDossier, DataCategory, NoteRow, NoteVisibility, OrganisationId, OrganisationKind,
};

use crate::document::{ActionLine, Document, Field, Section};
use crate::minutes::{CasusContext, Excluded};

/// What the summary (overdracht: the hand-over of a casus, e.g. to a new school) is made from.
pub struct SummaryRequest<'a> {
    /// The casus as the store holds it: intake, notes, actions and closure.
    pub dossier: &'a CasusDossier,
    /// The casus's export context: its name or pseudonym, what the rule needs, and the other
    /// pupils' names to keep out.
    pub context: &'a CasusContext,
    /// Who the summary is for; the rule decides what of the casus goes.
    pub recipient: &'a Recipient,
    /// The team's organisations as (id, kind, name), to tell which actions are a partner's own.
    pub organisations: &'a [(OrganisationId, OrganisationKind, String)],
    /// The day of the summary: its date, and "stand van" (as of) for a casus still open.
    pub today: chrono::NaiveDate,
}

/// The data category a concern's domain falls under.
fn category_of(domain: SignalCategory) -> DataCategory {
    match domain {
        SignalCategory::Verzuim => DataCategory::Verzuim,
        SignalCategory::Gezondheid => DataCategory::Gezondheid,
        SignalCategory::Veiligheid => DataCategory::Veiligheid,
        SignalCategory::Thuissituatie => DataCategory::Gezin,
        SignalCategory::Ontwikkeling | SignalCategory::Gedrag => DataCategory::School,
    }
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(dutch_date).unwrap_or_else(|| "—".into())
}

/// The summary and what was left out of it and why (for the preview), or the reason nothing
/// of this casus may go to this recipient.
pub fn summary_for(request: &SummaryRequest<'_>) -> Result<(Document, Vec<Excluded>), String> {
    let allowed = match rule(request.recipient, &request.context.facts) {
        Share::Included { allowed } => allowed,
        Share::Excluded { reason } => return Err(reason),
    };
    let d = request.dossier;
    let mut doc = summary_header(request);
    let mut excluded = Vec::new();
    let mut left_out = |title: String, reason: String| excluded.push(Excluded { title, reason });
    let professional = allowed.facts;
    if !professional {
        left_out(
            "Hulpvraag, notities en zorgen".into(),
            "Hoort niet bij wat deze ontvanger krijgt.".into(),
        );
    }
    if professional {
        doc.sections
            .push(intake_section(d, &allowed, request.context, &mut left_out));
        doc.sections
            .extend(notes_section(d, &allowed, request.context, &mut left_out));
    }
    doc.sections
        .extend(actions_section(request, &allowed, &mut left_out));
    doc.sections.extend(closure_section(d, request.context));
    Ok((doc, excluded))
}

fn summary_header(request: &SummaryRequest<'_>) -> Document {
    let d = request.dossier;
    // The context's name is the pseudonym for an anonymous consultation (the rule's naming).
    let title_name = request.context.name.clone();
    let class = d.summary.class_name.clone().unwrap_or_default();
    Document {
        title: format!("Overdracht {title_name}"),
        subtitle: format!(
            "{}{} · aangemeld {}",
            if class.is_empty() {
                String::new()
            } else {
                format!("{class} · ")
            },
            d.school_name,
            date_text(Some(d.summary.opened_on))
        ),
        school: d.school_name.clone(),
        team: d.summary.team_name.clone(),
        recipient: request.recipient.name.clone(),
        status: match &d.closure {
            Some(c) => format!(
                "afgesloten {}: {}",
                date_text(Some(c.closed_on)),
                c.reason_label
            ),
            None => format!("stand van {}", dutch_date(request.today)),
        },
        made_on: dutch_date(request.today),
        sections: Vec::new(),
    }
}

/// The intake as the school brought it: the question, what was tried, strengths, the views of
/// parents and pupil as far as the profile takes them, and the concerns the rule lets go.
fn intake_section(
    d: &CasusDossier,
    allowed: &Allowed,
    context: &CasusContext,
    left_out: &mut impl FnMut(String, String),
) -> Section {
    let mut intake = Section {
        heading: "Hulpvraag".into(),
        ..Section::default()
    };
    let mut add = |label: &str, text: &str| {
        if !text.trim().is_empty() {
            intake.fields.push(Field {
                label: label.into(),
                text: context.clean(text),
            });
        }
    };
    add("Hulpvraag", &d.summary.hulpvraag);
    add("Wat de school deed", &d.intake.tried);
    add("Met welk effect", &d.intake.tried_effect);
    add("Sterke kanten", &d.intake.strengths);
    let views = [
        ("Visie van ouders", &d.intake.parents_view),
        ("Visie van de leerling", &d.intake.pupil_view),
    ];
    if allowed.analysis || allowed.to_parents {
        for (label, text) in views {
            add(label, text);
        }
    } else {
        for (label, _) in views.iter().filter(|(_, t)| !t.trim().is_empty()) {
            left_out(
                (*label).to_owned(),
                "Hoort niet bij wat deze ontvanger krijgt.".into(),
            );
        }
    }
    for concern in &d.intake.concerns {
        match allowed.part(Part::Note(category_of(concern.category))) {
            PartShare::Shown => intake.bullets.push(format!(
                "{}: {}",
                concern.category.label(),
                context.clean(&concern.text)
            )),
            PartShare::LeftOut(reason) => {
                left_out(format!("Zorg ({})", concern.category.label()), reason);
            }
        }
    }
    intake
}

/// The team's shared notes the rule lets go, with the opinions only where analysis may go.
fn notes_section(
    d: &CasusDossier,
    allowed: &Allowed,
    context: &CasusContext,
    left_out: &mut impl FnMut(String, String),
) -> Option<Section> {
    // Only what the team shared; a preparation note stays with its author and is never
    // an export's to leave out.
    let shared = d
        .notes
        .iter()
        .filter(|n| n.visibility == NoteVisibility::Team);
    let mut notes = Vec::new();
    for n in shared {
        if let PartShare::LeftOut(reason) = allowed.part(Part::Note(n.category)) {
            left_out(note_label(n), reason);
            continue;
        }
        notes.push(n);
    }
    let notes: Vec<Field> = notes
        .into_iter()
        .map(|n| Field {
            label: note_label(n),
            text: if allowed.analysis && !n.opinions.trim().is_empty() {
                format!(
                    "{}\nVisie: {}",
                    context.clean(&n.facts),
                    context.clean(&n.opinions)
                )
            } else {
                context.clean(&n.facts)
            },
        })
        .filter(|f| !f.text.trim().is_empty())
        .collect();
    if notes.is_empty() {
        return None;
    }
    Some(Section {
        heading: "Notities".into(),
        fields: notes,
        ..Section::default()
    })
}

/// A note as the summary and its preview name it: its kind, category and day.
fn note_label(n: &NoteRow) -> String {
    format!(
        "{} ({}), {}",
        n.kind.label(),
        n.category.label().to_lowercase(),
        date_text(Some(amsterdam_date(n.created_at)))
    )
}

/// The casus's actions the profile shows (a partner only its own), less those the rule leaves
/// out.
fn actions_section(
    request: &SummaryRequest<'_>,
    allowed: &Allowed,
    left_out: &mut impl FnMut(String, String),
) -> Option<Section> {
    let org_kind = |id: Option<OrganisationId>| {
        request
            .organisations
            .iter()
            .find(|(o, _, _)| Some(*o) == id)
            .map(|(_, k, _)| *k)
    };
    let owned: Vec<_> = request
        .dossier
        .actions
        .iter()
        .filter(|a| match allowed.actions {
            ActionsShown::All => true,
            ActionsShown::OwnedBy(kind) => org_kind(a.owner_organisation_id) == Some(kind),
        })
        .collect();
    for a in &owned {
        if let PartShare::LeftOut(reason) = allowed.part(Part::Action(a.category)) {
            left_out(
                format!("Actie ({})", a.category.label().to_lowercase()),
                reason,
            );
        }
    }
    let actions: Vec<ActionLine> = owned
        .into_iter()
        .filter(|a| allowed.shows(Part::Action(a.category)))
        .map(|a| ActionLine {
            what: format!(
                "{} ({})",
                request.context.clean(&a.description),
                a.status.label().to_lowercase()
            ),
            who: a.owner.clone().unwrap_or_else(|| "—".into()),
            due: date_text(a.due_on),
        })
        .collect();
    if actions.is_empty() {
        return None;
    }
    Some(Section {
        heading: "Acties".into(),
        actions,
        ..Section::default()
    })
}

/// How the casus ended, when it has.
fn closure_section(d: &CasusDossier, context: &CasusContext) -> Option<Section> {
    let c = d.closure.as_ref()?;
    let mut fields = vec![Field {
        label: "Reden".into(),
        text: c.reason_label.clone(),
    }];
    if let Some(outcome) = c.outcome.as_deref().filter(|o| !o.trim().is_empty()) {
        fields.push(Field {
            label: "Resultaat".into(),
            text: context.clean(outcome),
        });
    }
    Some(Section {
        heading: format!("Afgesloten {}", date_text(Some(c.closed_on))),
        fields,
        ..Section::default()
    })
}
