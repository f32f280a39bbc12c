//! Absence (verzuim): weekly snapshots taken at set moments, and the attendance facts.

use kernteam_domain::verzuim::{AbsenceWeek, AttendanceFacts};
use kernteam_domain::{AbsenceSnapshot, CasusId, SnapshotMoment};
use rusqlite::params;

use super::{ensure_open, to_json};
use crate::audit::{self, AuditAction};
use crate::records::{opt, parse_code};
use crate::{Actor, Result, Store, now_from_clock};

impl Store {
    /// Records the weekly absence hours as they stood on `taken_on` (ISO date) at one moment
    /// (intake, evaluatie, afsluiting). `NotFound` for an unknown casus, `ReadOnly` once closed.
    pub fn add_absence_snapshot(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        moment: SnapshotMoment,
        taken_on: &str,
        weeks: &[AbsenceWeek],
    ) -> Result<()> {
        let id = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO absence_snapshots (id, casus_id, moment, taken_on, weeks_json, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                casus.to_string(),
                moment.code(),
                taken_on,
                to_json(&weeks)?,
                now_from_clock()
            ],
        )?;
        audit::append(&tx, &actor.0, AuditAction::Create, "absence_snapshot", &id)?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The casus's absence snapshots, oldest first; weeks that cannot be read come back empty.
    pub fn absence_snapshots(&self, casus: CasusId) -> Result<Vec<AbsenceSnapshot>> {
        let mut stmt = self.conn.prepare(
            "SELECT moment, taken_on, weeks_json FROM absence_snapshots WHERE casus_id = ?1
             ORDER BY taken_on, created_at",
        )?;
        let rows = stmt.query_map([casus.to_string()], |r| {
            let weeks: String = r.get(2)?;
            Ok(AbsenceSnapshot {
                moment: parse_code(r.get(0)?, SnapshotMoment::from_code)?,
                taken_on: r.get(1)?,
                weeks: serde_json::from_str(&weeks).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the casus's attendance facts as a whole. `NotFound` for an unknown casus,
    /// `ReadOnly` once it is closed.
    pub fn set_attendance(
        &mut self,
        actor: &Actor,
        casus: CasusId,
        facts: &AttendanceFacts,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, casus)?;
        tx.execute(
            "INSERT INTO casus_attendance (casus_id, absent_since, reported_sick, duo_reported_on, exemption_5a_from, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(casus_id) DO UPDATE SET absent_since = excluded.absent_since,
                reported_sick = excluded.reported_sick, duo_reported_on = excluded.duo_reported_on,
                exemption_5a_from = excluded.exemption_5a_from, updated_at = excluded.updated_at",
            params![casus.to_string(), facts.absent_since, facts.reported_sick, facts.duo_reported_on,
                facts.exemption_5a_from, now_from_clock()],
        )?;
        audit::append(
            &tx,
            &actor.0,
            AuditAction::Change,
            "attendance",
            &casus.to_string(),
        )?;
        crate::audit::commit(tx, &mut self.head, &self.key)?;
        Ok(())
    }

    /// The casus's attendance facts; the empty default when none were entered.
    pub fn attendance(&self, casus: CasusId) -> Result<AttendanceFacts> {
        Ok(opt(self.conn.query_row(
            "SELECT absent_since, reported_sick, duo_reported_on, exemption_5a_from
             FROM casus_attendance WHERE casus_id = ?1",
            [casus.to_string()],
            |r| {
                Ok(AttendanceFacts {
                    absent_since: r.get(0)?,
                    reported_sick: r.get(1)?,
                    duo_reported_on: r.get(2)?,
                    exemption_5a_from: r.get(3)?,
                })
            },
        ))?
        .unwrap_or_default())
    }
}
