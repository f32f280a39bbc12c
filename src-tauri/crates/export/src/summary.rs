//! The casus summary (overdracht, for instance to a new school): the hulpvraag, what was tried,
//! strengths and concerns, shared notes, the actions and how it ended — each part only as far
//! as the recipient's rule allows, never a private preparation note, never another pupil.

use kernteam_domain::casus::SignalCategory;
use kernteam_domain::dates::{dutch_date, parse_iso};
use kernteam_domain::recipient::{ActionsShown, Part, PartShare, Recipient, Share, rule};
use kernteam_domain::{
    CasusDossier, DataCategory, NoteVisibility, OrganisationId, OrganisationKind,
};

use crate::document::{ActionLine, Document, Field, Section};
use crate::minutes::{CasusContext, Excluded};

pub struct SummaryRequest<'a> {
    pub dossier: &'a CasusDossier,
    pub context: &'a CasusContext,
    pub recipient: &'a Recipient,
    pub organisations: &'a [(OrganisationId, OrganisationKind, String)],
    pub today: time::Date,
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

fn date_text(iso: Option<&str>) -> String {
    iso.and_then(parse_iso)
        .map(dutch_date)
        .unwrap_or_else(|| "—".into())
}

/// The summary and what was left out of it and why (for the preview), or the reason nothing
/// of this casus may go to this recipient.
pub fn summary_for(request: &SummaryRequest<'_>) -> Result<(Document, Vec<Excluded>), String> {
    let allowed = match rule(request.recipient, &request.context.facts) {
        Share::Included { allowed } => allowed,
        Share::Excluded { reason } => return Err(reason),
    };
    let d = request.dossier;
    let clean = |text: &str| request.context.clean(text);
    // The context's name is the pseudonym for an anonymous consultation (the rule's naming).
    let title_name = request.context.name.clone();
    let class = d.summary.class_name.clone().unwrap_or_default();
    let mut doc = Document {
        title: format!("Overdracht {title_name}"),
        subtitle: format!(
            "{}{} · aangemeld {}",
            if class.is_empty() {
                String::new()
            } else {
                format!("{class} · ")
            },
            d.school_name,
            date_text(Some(&d.summary.opened_on))
        ),
        school: d.school_name.clone(),
        team: d.summary.team_name.clone(),
        recipient: request.recipient.name.clone(),
        status: match &d.closure {
            Some(c) => format!(
                "afgesloten {}: {}",
                date_text(Some(&c.closed_on)),
                c.reason_label
            ),
            None => format!("stand van {}", dutch_date(request.today)),
        },
        made_on: dutch_date(request.today),
        sections: Vec::new(),
    };
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
        let mut intake = Section {
            heading: "Hulpvraag".into(),
            ..Section::default()
        };
        let mut add = |label: &str, text: &str| {
            if !text.trim().is_empty() {
                intake.fields.push(Field {
                    label: label.into(),
                    text: clean(text),
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
                    clean(&concern.text)
                )),
                PartShare::LeftOut(reason) => {
                    left_out(format!("Zorg ({})", concern.category.label()), reason);
                }
            }
        }
        doc.sections.push(intake);
        // Only what the team shared; a preparation note stays with its author and is never
        // an export's to leave out.
        let shared = d
            .notes
            .iter()
            .filter(|n| n.visibility == NoteVisibility::Team);
        let mut notes = Vec::new();
        for n in shared {
            if let PartShare::LeftOut(reason) = allowed.part(Part::Note(n.category)) {
                left_out(
                    format!(
                        "{} ({}), {}",
                        n.kind.label(),
                        n.category.label().to_lowercase(),
                        date_text(n.created_at.get(..10))
                    ),
                    reason,
                );
                continue;
            }
            notes.push(n);
        }
        let notes: Vec<Field> = notes
            .into_iter()
            .map(|n| Field {
                label: format!(
                    "{} ({}), {}",
                    n.kind.label(),
                    n.category.label().to_lowercase(),
                    date_text(n.created_at.get(..10))
                ),
                text: if allowed.analysis && !n.opinions.trim().is_empty() {
                    format!("{}\nVisie: {}", clean(&n.facts), clean(&n.opinions))
                } else {
                    clean(&n.facts)
                },
            })
            .filter(|f| !f.text.trim().is_empty())
            .collect();
        if !notes.is_empty() {
            doc.sections.push(Section {
                heading: "Notities".into(),
                fields: notes,
                ..Section::default()
            });
        }
    }
    let org_kind = |id: Option<OrganisationId>| {
        request
            .organisations
            .iter()
            .find(|(o, _, _)| Some(*o) == id)
            .map(|(_, k, _)| *k)
    };
    let owned: Vec<_> = d
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
                clean(&a.description),
                a.status.label().to_lowercase()
            ),
            who: a.owner.clone().unwrap_or_else(|| "—".into()),
            due: date_text(a.due_on.as_deref()),
        })
        .collect();
    if !actions.is_empty() {
        doc.sections.push(Section {
            heading: "Acties".into(),
            actions,
            ..Section::default()
        });
    }
    if let Some(c) = &d.closure {
        let mut fields = vec![Field {
            label: "Reden".into(),
            text: c.reason_label.clone(),
        }];
        if let Some(outcome) = c.outcome.as_deref().filter(|o| !o.trim().is_empty()) {
            fields.push(Field {
                label: "Resultaat".into(),
                text: clean(outcome),
            });
        }
        doc.sections.push(Section {
            heading: format!("Afgesloten {}", date_text(Some(&c.closed_on))),
            fields,
            ..Section::default()
        });
    }
    Ok((doc, excluded))
}
