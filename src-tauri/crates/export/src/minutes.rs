//! Minutes for one recipient: per casus item the rule of `kernteam_domain::recipient` decides
//! whether it goes out and which parts; meeting-level items keep their title and decisions.

use kernteam_domain::agenda::AgendaKind;
use kernteam_domain::dates::{dutch_date, dutch_date_time, parse_iso};
use kernteam_domain::live::MinutesBody;
use kernteam_domain::recipient::{
    ActionsShown, CasusForExport, Naming, Part, PartShare, PupilName, Recipient, RecipientKind,
    Share, rule, without_other_pupils,
};
use kernteam_domain::{CasusId, OrganisationId, OrganisationKind};

use crate::document::{ActionLine, Document, Field, Section};

/// What the exporter knows of one casus on the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasusContext {
    pub casus_id: CasusId,
    /// The pupil's name, or the pseudonym of an anonymous consultation.
    pub name: String,
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

pub struct MinutesRequest<'a> {
    pub body: &'a MinutesBody,
    /// "versie 1, vastgesteld di 24 nov 2026".
    pub status: String,
    pub school: &'a str,
    pub recipient: &'a Recipient,
    pub casussen: &'a [CasusContext],
    pub organisations: &'a [(OrganisationId, OrganisationKind, String)],
    /// Parents get the part about one pupil; others may get the whole meeting.
    pub only_casus: Option<CasusId>,
    pub made_on: time::Date,
}

/// A casus item left out, for the preview (initials and class, and why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub title: String,
    pub reason: String,
}

fn date_text(iso: Option<&str>) -> String {
    iso.and_then(parse_iso)
        .map(dutch_date)
        .unwrap_or_else(|| "—".into())
}

/// Health and safety: their absence is worth saying in the preview (the rest follows from the
/// profile, which the preview names).
fn is_sensitive(part: Part) -> bool {
    matches!(part, Part::Health | Part::Safety)
}

/// The minutes as `request.recipient` may receive them, and what was left out.
pub fn minutes_for(request: &MinutesRequest<'_>) -> (Document, Vec<Excluded>) {
    let body = request.body;
    let recipient = request.recipient;
    let parents = recipient.kind == RecipientKind::Ouders;
    let org = |id: Option<OrganisationId>| {
        request
            .organisations
            .iter()
            .find(|(o, _, _)| Some(*o) == id)
    };
    let mut doc = Document {
        title: format!("Verslag {}", body.team_name),
        subtitle: format!(
            "{}{}",
            dutch_date_time(&body.starts_at).unwrap_or_default(),
            body.location
                .as_deref()
                .map(|l| format!(" · {l}"))
                .unwrap_or_default()
        ),
        school: request.school.to_owned(),
        team: body.team_name.clone(),
        recipient: recipient.name.clone(),
        status: request.status.clone(),
        made_on: dutch_date(request.made_on),
        sections: Vec::new(),
    };
    if !parents && !body.present.is_empty() {
        doc.sections.push(Section {
            heading: "Aanwezig".into(),
            bullets: vec![body.present.join(", ")],
            ..Section::default()
        });
    }
    let mut excluded = Vec::new();
    for item in &body.items {
        let Some(casus_id) = item.casus_id else {
            // Meeting-level items carry no pupil; the review's lines went to the casus items.
            if parents || item.kind == AgendaKind::Actiereview.label() {
                continue;
            }
            if item.decisions.is_empty() && item.kind != AgendaKind::Thema.label() {
                continue;
            }
            doc.sections.push(Section {
                heading: item.title.clone(),
                bullets: item.decisions.clone(),
                ..Section::default()
            });
            continue;
        };
        if request.only_casus.is_some_and(|only| only != casus_id) {
            continue;
        }
        let Some(context) = request.casussen.iter().find(|c| c.casus_id == casus_id) else {
            excluded.push(Excluded {
                title: item.title.clone(),
                reason: "Deze casus is niet (meer) te vinden.".into(),
            });
            continue;
        };
        let allowed = match rule(recipient, &context.facts) {
            Share::Included { allowed } => allowed,
            Share::Excluded { reason } => {
                excluded.push(Excluded {
                    title: item.title.clone(),
                    reason,
                });
                continue;
            }
        };
        let clean = |text: &str| context.clean(text);
        let heading = match allowed.naming {
            Naming::FullName => format!("{} — {}", context.name, item.title),
            Naming::Pseudonym => context.name.clone(),
        };
        let mut section = Section {
            heading,
            ..Section::default()
        };
        // Each field asks the one rule; what it leaves out is said per part in the preview
        // (only for the parts that hold text, and only the profile's own choices are silent).
        let mut left_out = |part_name: &str, reason: String| {
            excluded.push(Excluded {
                title: format!("{} — {part_name}", item.title),
                reason,
            });
        };
        if let Some(block) = &item.block {
            let parents_label = if parents {
                "Wat we hebben besproken"
            } else {
                "Voor ouders en inbrenger"
            };
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
                    PartShare::Shown => section.fields.push(Field {
                        label: label.into(),
                        text: clean(text),
                    }),
                    PartShare::LeftOut(reason) if is_sensitive(part) => left_out(label, reason),
                    PartShare::LeftOut(_) => {}
                }
            }
            if !parents && let Some((_, _, name)) = org(block.regie_organisation_id) {
                section.fields.push(Field {
                    label: "Regie".into(),
                    text: name.clone(),
                });
            }
            if block.next_review_on.is_some() {
                section.fields.push(Field {
                    label: "Volgende bespreking".into(),
                    text: date_text(block.next_review_on.as_deref()),
                });
            }
        }
        if allowed.decisions {
            for (decision, category) in item.categorised_decisions() {
                match allowed.part(Part::Decision(category)) {
                    PartShare::Shown => section.bullets.push(clean(decision)),
                    PartShare::LeftOut(reason) => left_out("een besluit", reason),
                }
            }
        }
        let owned = |a: &&kernteam_domain::live::MinutesAction| match allowed.actions {
            ActionsShown::All => true,
            ActionsShown::OwnedBy(kind) => {
                org(a.owner_organisation_id).is_some_and(|(_, k, _)| *k == kind)
            }
        };
        for a in item.action_items.iter().filter(owned) {
            if let PartShare::LeftOut(reason) = allowed.part(Part::Action(a.category)) {
                left_out("een actie", reason);
            }
        }
        section.actions = item
            .action_items
            .iter()
            .filter(owned)
            .filter(|a| allowed.shows(Part::Action(a.category)))
            .map(|a| ActionLine {
                what: clean(&a.description),
                who: a.owner.clone().unwrap_or_else(|| "—".into()),
                due: date_text(a.due_on.as_deref()),
            })
            .collect();
        // A name with nothing under it would say only that this pupil is discussed.
        if section.fields.is_empty() && section.bullets.is_empty() && section.actions.is_empty() {
            excluded.push(Excluded {
                title: item.title.clone(),
                reason: "Niets in dit verslag voor deze ontvanger.".into(),
            });
            continue;
        }
        doc.sections.push(section);
    }
    (doc, excluded)
}
