//! The agenda as a document for the team's members: each item with its start time and planned
//! minutes; a pupil only by initials and class (or the pseudonym), whatever the item's title
//! says — the chair may have typed a name into it.

use kernteam_domain::CasusId;
use kernteam_domain::agenda::{AgendaItem, AgendaKind};
use kernteam_domain::dates::{dutch_date, dutch_instant};

use crate::document::{Document, Section};

/// What the agenda document of one meeting is made from.
pub struct AgendaRequest<'a> {
    /// The kernteam's name, for the title and header.
    pub team: &'a str,
    /// The school's name, for the header.
    pub school: &'a str,
    /// UTC, as stored ("2026-11-24T08:00:00Z").
    pub starts_at: chrono::DateTime<chrono::Utc>,
    /// Where the meeting is held, or `None` to name no place.
    pub location: Option<&'a str>,
    /// The meeting's agenda items in any order; they are listed by `position`.
    pub items: &'a [AgendaItem],
    /// Initials and class (or the pseudonym) of each casus on the agenda.
    pub pupils: &'a [(CasusId, String)],
    /// The day the document is made.
    pub made_on: chrono::NaiveDate,
}

fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

/// The agenda as a document: each item with its start time (from the meeting start plus the
/// planned minutes before it); a casus item shows its entry in `pupils`, never its title.
pub fn agenda_for(request: &AgendaRequest<'_>) -> Document {
    let when = dutch_instant(request.starts_at);
    // "di 24 nov 2026, 09:00": the local start is the text after the comma.
    let mut at = when
        .rsplit(", ")
        .next()
        .and_then(|t| t.split_once(':'))
        .and_then(|(h, m)| Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?))
        .unwrap_or(0);
    let mut items = Vec::new();
    let mut sorted: Vec<&AgendaItem> = request.items.iter().collect();
    sorted.sort_by_key(|i| i.position);
    for (n, item) in sorted.iter().enumerate() {
        let title = match item.casus_id {
            Some(id) => request
                .pupils
                .iter()
                .find(|(c, _)| *c == id)
                .map(|(_, label)| label.clone())
                .unwrap_or_else(|| "leerling".into()),
            None => item.title.clone(),
        };
        let kind = match item.kind {
            AgendaKind::Casus | AgendaKind::Nieuw | AgendaKind::Afsluiting => {
                format!(" — {}", item.kind.label().to_lowercase())
            }
            _ => String::new(),
        };
        let guest = item
            .guest_name
            .as_deref()
            .filter(|g| !g.trim().is_empty())
            .map(|g| format!(" · gast: {}", g.trim()))
            .unwrap_or_default();
        items.push(format!(
            "{}  {}. {title}{kind} ({} min){guest}",
            clock(at),
            n + 1,
            item.planned_minutes
        ));
        at += item.planned_minutes;
    }
    let total: u32 = request.items.iter().map(|i| i.planned_minutes).sum();
    Document {
        title: format!("Agenda {}", request.team),
        subtitle: [Some(when.as_str()), request.location]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        school: request.school.to_owned(),
        team: request.team.to_owned(),
        recipient: format!("de leden van {}", request.team),
        status: format!(
            "{} punten, samen {total} minuten; leerlingen alleen met initialen en klas",
            request.items.len()
        ),
        made_on: dutch_date(request.made_on),
        sections: vec![Section {
            heading: "Agenda".into(),
            bullets: items,
            ..Section::default()
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernteam_domain::AgendaItemId;
    use kernteam_domain::date;

    fn item(
        position: u32,
        kind: AgendaKind,
        casus: Option<CasusId>,
        title: &str,
        minutes: u32,
    ) -> AgendaItem {
        AgendaItem {
            id: AgendaItemId::new(),
            position,
            kind,
            casus_id: casus,
            title: title.into(),
            planned_minutes: minutes,
            guest_name: None,
        }
    }

    #[test]
    fn pupils_appear_by_initials_and_class_with_start_times() {
        let noor = CasusId::new();
        let items = [
            item(
                0,
                AgendaKind::Opening,
                None,
                "Opening, aanwezigheid en geheimhouding",
                5,
            ),
            // The chair typed the full name into the title; it does not leave.
            item(1, AgendaKind::Casus, Some(noor), "Noor Verbeek", 15),
            item(
                2,
                AgendaKind::Rondvraag,
                None,
                "Rondvraag en datum volgend overleg",
                5,
            ),
        ];
        let doc = agenda_for(&AgendaRequest {
            team: "kernteam De Linde",
            school: "VO-school De Linde (fictief)",
            starts_at: "2026-11-24T08:00:00Z".parse().expect("an instant"),
            location: Some("Kamer zorgteam"),
            items: &items,
            pupils: &[(noor, "N.V. (klas 2 vmbo-t)".into())],
            made_on: date!(2026 - 11 - 20),
        });
        let text = crate::markdown::render(&doc);
        assert!(!text.contains("Verbeek"), "{text}");
        for line in [
            "09:00  1. Opening, aanwezigheid en geheimhouding (5 min)",
            "09:05  2. N.V. (klas 2 vmbo-t) — lopende casus (15 min)",
            "09:20  3. Rondvraag en datum volgend overleg (5 min)",
            "di 24 nov 2026, 09:00 · Kamer zorgteam",
            "Vertrouwelijk — bestemd voor de leden van kernteam De Linde",
        ] {
            assert!(text.contains(line), "{line:?} in:\n{text}");
        }
    }
}
