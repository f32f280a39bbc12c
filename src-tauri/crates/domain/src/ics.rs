//! The year schedule and action deadlines as an iCalendar file (RFC 5545) for the team's
//! calendars. Calendar entries leave the app and sync to phones: they never carry pupil data,
//! only the team, the time and which organisation has a deadline.

use chrono::{DateTime, NaiveDate, Utc};

/// One event: a meeting (with its time) or an action deadline (a whole day).
pub enum CalendarEntry<'a> {
    /// A kernteam meeting, from its start for the given number of minutes.
    Meeting {
        /// The event's stable id, written as `<uid>@kernteam`, so a calendar recognises it again.
        uid: String,
        /// The start.
        starts_at: DateTime<Utc>,
        /// How long the meeting lasts, in minutes; sets the event's end.
        minutes: u32,
        /// The kernteam's name, shown as `Kernteamoverleg <team>`.
        team: &'a str,
        /// Where the meeting is held, or `None` to give no location.
        location: Option<&'a str>,
    },
    /// The due date of an action as a whole-day event, naming only the owner and the team.
    Deadline {
        /// The event's stable id, written as `<uid>@kernteam`, so a calendar recognises it again.
        uid: String,
        /// The due date.
        on: NaiveDate,
        /// Who owns the action, as the action names it (e.g. "GGD JGZ"); never pupil data.
        owner: &'a str,
        /// The name of the kernteam the action belongs to.
        team: &'a str,
    },
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// An instant as `20250930T070000Z`.
fn stamp_of(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Folds lines longer than 75 octets as RFC 5545 asks.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for c in line.chars() {
        if count + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(c);
        count += c.len_utf8();
    }
    out
}

/// The entries as one iCalendar text (CRLF line ends, lines folded at 75 octets).
/// `stamp` becomes every event's DTSTAMP.
pub fn calendar(entries: &[CalendarEntry<'_>], stamp: DateTime<Utc>) -> String {
    let stamp = stamp_of(stamp);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Kernteam//Jaarrooster//NL".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    for e in entries {
        lines.push("BEGIN:VEVENT".into());
        match e {
            CalendarEntry::Meeting {
                uid,
                starts_at,
                minutes,
                team,
                location,
            } => {
                let start = stamp_of(*starts_at);
                let end = stamp_of(*starts_at + chrono::Duration::minutes(i64::from(*minutes)));
                lines.push(format!("UID:{uid}@kernteam"));
                lines.push(format!("DTSTAMP:{stamp}"));
                lines.push(format!("DTSTART:{start}"));
                lines.push(format!("DTEND:{end}"));
                lines.push(format!(
                    "SUMMARY:{}",
                    escape(&format!("Kernteamoverleg {team}"))
                ));
                if let Some(l) = location {
                    lines.push(format!("LOCATION:{}", escape(l)));
                }
            }
            CalendarEntry::Deadline {
                uid,
                on,
                owner,
                team,
            } => {
                let day = on.format("%Y%m%d");
                lines.push(format!("UID:{uid}@kernteam"));
                lines.push(format!("DTSTAMP:{stamp}"));
                lines.push(format!("DTSTART;VALUE=DATE:{day}"));
                lines.push(format!(
                    "SUMMARY:{}",
                    escape(&format!("Actie {owner} ({team}) — zie Kernteam"))
                ));
            }
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines
        .iter()
        .map(|l| fold(l))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .to_utc()
    }

    #[test]
    fn meetings_and_deadlines_as_icalendar_without_pupil_data() {
        let text = calendar(
            &[
                CalendarEntry::Meeting {
                    uid: "m1".into(),
                    starts_at: utc("2025-09-30T07:00:00Z"),
                    minutes: 90,
                    team: "kernteam De Linde",
                    location: Some("Kamer zorgteam, 1e verdieping"),
                },
                CalendarEntry::Deadline {
                    uid: "a1".into(),
                    on: crate::date!(2025 - 10 - 14),
                    owner: "GGD JGZ",
                    team: "kernteam De Linde",
                },
            ],
            utc("2025-09-01T10:00:00Z"),
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART:20250930T070000Z\r\nDTEND:20250930T083000Z"));
        assert!(
            text.contains("LOCATION:Kamer zorgteam\\, 1e verdieping"),
            "commas escaped"
        );
        assert!(text.contains("DTSTART;VALUE=DATE:20251014"));
        assert!(text.lines().all(|l| l.len() <= 75), "folded");
    }
}
