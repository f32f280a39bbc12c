//! The demo's past meetings, held through the same use cases a chair uses: an agenda built
//! and saved, everyone present, one block per casus, a decision, the meeting closed, the
//! minutes finalised; the most recent one corrected once (version 2). So a newcomer sees
//! minutes, per-recipient exports and the action review without running a meeting first.
//! Each meeting is held with the one clock set to its morning, so the log says when.

use chrono::NaiveDate;
use kernteam_domain::dates::{amsterdam_date, amsterdam_instant};
use kernteam_domain::{CasusStatus, DataCategory, MeetingId, MeetingStatus, clock};

use crate::error::AppResult;
use crate::session::Session;

/// Holds every planned demo meeting before `today`, oldest first.
pub(crate) fn hold_past_meetings(session: &mut Session, today: NaiveDate) -> AppResult<()> {
    let mut past: Vec<(NaiveDate, MeetingId)> = session
        .meetings()?
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Gepland)
        .map(|m| (amsterdam_date(m.starts_at), m.id))
        .filter(|(day, _)| *day < today)
        .collect();
    past.sort();
    for (day, meeting) in &past {
        hold(session, *day, *meeting)?;
    }
    // The most recent minutes with a casus block get one correction.
    for (day, meeting) in past.iter().rev() {
        if correct_once(session, *day, *meeting)? {
            break;
        }
    }
    Ok(())
}

/// The one clock at a time of the meeting's day (Amsterdam), UTC.
fn at(day: NaiveDate, hour: u8) -> clock::FixedClock {
    let at = amsterdam_instant(day, hour, 0).unwrap_or(chrono::DateTime::UNIX_EPOCH);
    clock::fixed_at(at)
}

fn hold(session: &mut Session, day: NaiveDate, meeting: MeetingId) -> AppResult<()> {
    let _morning = at(day, 10);
    let casussen = session.casussen(None)?;
    // Discussed before: a casus that was running on that day. A new aanmelding waits for the
    // meeting still to come (the demo's own), so it keeps its status.
    let running_then = |id| {
        casussen
            .iter()
            .any(|c| c.id == id && c.status != CasusStatus::Aangemeld && c.opened_on <= day)
    };
    let items: Vec<_> = session
        .build_agenda(meeting, &[])?
        .as_inputs()
        .into_iter()
        .filter(|i| i.casus_id.is_none_or(running_then))
        .collect();
    session.save_agenda(meeting, &items)?;
    let live = session.start_meeting(meeting)?;
    for p in &live.presence {
        session.set_presence(meeting, p.member_id, true)?;
    }
    for item in live.items.iter() {
        let Some(casus) = item.casus_id else {
            continue;
        };
        let spoken = spoken_on(session, casus, day)?.unwrap_or_else(|| {
            "Stand van zaken besproken; de afspraken staan bij de acties.".into()
        });
        session.save_block(
            item.id,
            &kernteam_domain::live::MinuteBlock {
                facts: spoken,
                analysis: "Het kernteam ziet vooruitgang; de regie blijft waar hij lag.".into(),
                to_parents:
                    "We hebben besproken hoe het gaat en wie wat doet; u hoort het van de mentor."
                        .into(),
                ..Default::default()
            },
        )?;
        session.add_decision(
            meeting,
            Some(item.id),
            Some(casus),
            "Vervolg zoals afgesproken; evaluatie in een volgend overleg.",
            DataCategory::School,
        )?;
    }
    session.close_meeting(meeting)?;
    let _afternoon = at(day, 15);
    session.finalise_minutes(meeting)?;
    Ok(())
}

/// What was said about the casus that day, as the shared notes of the day have it.
fn spoken_on(
    session: &mut Session,
    casus: kernteam_domain::CasusId,
    day: NaiveDate,
) -> AppResult<Option<String>> {
    let said: Vec<String> = session
        .store()?
        .notes(casus, None)?
        .into_iter()
        .filter(|n| amsterdam_date(n.created_at) == day)
        .map(|n| n.facts)
        .collect();
    Ok((!said.is_empty()).then(|| said.join(" ")))
}

/// One correction of a meeting's minutes, as version 2 with its reason; false when they hold
/// no casus block to correct.
fn correct_once(session: &mut Session, day: NaiveDate, meeting: MeetingId) -> AppResult<bool> {
    let _next_morning = at(day + chrono::Duration::days(1), 9);
    let Some(mut body) = session.minutes(meeting)?.into_iter().next().map(|m| m.body) else {
        return Ok(false);
    };
    let Some(block) = body.items.iter_mut().find_map(|i| i.block.as_mut()) else {
        return Ok(false);
    };
    block
        .facts
        .push_str(" (Aangevuld: de mentor was bij dit punt aanwezig.)");
    session.correct_minutes(meeting, "Aanwezigheid van de mentor aangevuld", Some(&body))?;
    session.finalise_minutes(meeting)?;
    Ok(true)
}
