//! The year schedule and action deadlines as an iCalendar file (RFC 5545) for the team's
//! calendars. Calendar entries leave the app and sync to phones: they never carry pupil data,
//! only the team, the time and which organisation has a deadline.

/// One event: a meeting (with its time) or an action deadline (a whole day).
pub enum CalendarEntry<'a> {
    /// A kernteam meeting, from its start for the given number of minutes.
    Meeting {
        /// The event's stable id, written as `<uid>@kernteam`, so a calendar recognises it again.
        uid: String,
        /// The start as RFC 3339 (`2025-09-30T07:00:00Z`); a meeting whose start does not parse is
        /// left out of the calendar.
        starts_at_utc: &'a str,
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
        /// The due date, as ISO `YYYY-MM-DD`.
        on: &'a str,
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

fn parse_utc(rfc3339: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| t.to_utc())
}

/// An instant as `20250930T070000Z`.
fn stamp_of(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// `2025-09-30T07:00:00Z` → `20250930T070000Z`.
fn utc_stamp(rfc3339: &str) -> Option<String> {
    parse_utc(rfc3339).map(stamp_of)
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
/// `stamp_utc` (RFC 3339) becomes every event's DTSTAMP; the epoch when it does not parse.
pub fn calendar(entries: &[CalendarEntry<'_>], stamp_utc: &str) -> String {
    let stamp = utc_stamp(stamp_utc).unwrap_or_else(|| "19700101T000000Z".into());
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
                starts_at_utc,
                minutes,
                team,
                location,
            } => {
                let Some(start) = utc_stamp(starts_at_utc) else {
                    lines.pop();
                    continue;
                };
                let end = parse_utc(starts_at_utc)
                    .map(|t| stamp_of(t + chrono::Duration::minutes(i64::from(*minutes))))
                    .unwrap_or_else(|| start.clone());
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
                let day = on.replace('-', "");
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

    #[test]
    fn meetings_and_deadlines_as_icalendar_without_pupil_data() {
        let text = calendar(
            &[
                CalendarEntry::Meeting {
                    uid: "m1".into(),
                    starts_at_utc: "2025-09-30T07:00:00Z",
                    minutes: 90,
                    team: "kernteam De Linde",
                    location: Some("Kamer zorgteam, 1e verdieping"),
                },
                CalendarEntry::Deadline {
                    uid: "a1".into(),
                    on: "2025-10-14",
                    owner: "GGD JGZ",
                    team: "kernteam De Linde",
                },
            ],
            "2025-09-01T10:00:00Z",
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
