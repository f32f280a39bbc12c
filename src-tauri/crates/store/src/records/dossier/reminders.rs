//! What the reminders on Vandaag need to know about every casus, read in one query.

use kernteam_domain::CasusId;
use kernteam_domain::verzuim::AttendanceFacts;

use crate::records::{casus_label, parse_id};
use crate::{Result, Store};

/// What the reminders on Vandaag need about one casus.
pub struct ReminderFacts {
    pub casus: CasusId,
    pub initials: String,
    pub closed: bool,
    pub birth_date: Option<String>,
    pub attendance: AttendanceFacts,
    pub retention_until: Option<String>,
}

impl Store {
    pub fn reminder_facts(&self) -> Result<Vec<ReminderFacts>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, p.given_name, p.family_name, c.pseudonym, c.status = 'afgesloten', p.birth_date,
                    a.absent_since, coalesce(a.reported_sick, 0), a.duo_reported_on, a.exemption_5a_from,
                    c.retention_until
             FROM casussen c LEFT JOIN pupils p ON p.id = c.pupil_id
             LEFT JOIN casus_attendance a ON a.casus_id = c.id
             WHERE c.closure_reason IS NOT 'omgezet_naar_benoemd'",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ReminderFacts {
                casus: parse_id(r.get(0)?)?,
                initials: casus_label(r, 1)?.1,
                closed: r.get(4)?,
                birth_date: r.get(5)?,
                attendance: AttendanceFacts {
                    absent_since: r.get(6)?,
                    reported_sick: r.get(7)?,
                    duo_reported_on: r.get(8)?,
                    exemption_5a_from: r.get(9)?,
                },
                retention_until: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
