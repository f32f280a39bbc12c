//! What the reminders on Vandaag need to know about every casus, read in one query.

use chrono::NaiveDate;
use kernteam_domain::CasusId;
use kernteam_domain::verzuim::AttendanceFacts;

use crate::records::{casus_label, parse_id};
use crate::{Result, Store};

/// What the reminders on Vandaag need about one casus.
pub struct ReminderFacts {
    /// The casus the facts are about.
    pub casus: CasusId,
    /// The pupil's initials, or the pseudonym of an anonymous consultation: never a full name.
    pub initials: String,
    /// Whether the casus is closed (afgesloten).
    pub closed: bool,
    /// The pupil's birth date as ISO `YYYY-MM-DD`; `None` for an anonymous consultation.
    pub birth_date: Option<NaiveDate>,
    /// The absence facts entered for the casus; empty (and not sick) when none were entered.
    pub attendance: AttendanceFacts,
    /// The day until which the closed casus is kept, as ISO `YYYY-MM-DD`; `None` while open.
    pub retention_until: Option<NaiveDate>,
}

impl Store {
    /// The facts of every casus, except anonymous consultations converted into a named casus.
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
