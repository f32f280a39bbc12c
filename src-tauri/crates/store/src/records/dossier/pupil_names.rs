//! Pupil names that must not leak: into a casus's exports, or into anonymous free text.

use kernteam_domain::CasusId;
use rusqlite::OptionalExtension;

use crate::{Result, Store};

/// Names as (given names, family name with particles).
pub struct PupilNamesAround {
    /// The casus's own pupil; `None` for an anonymous consultation (or an unknown casus).
    pub own: Option<(String, String)>,
    /// Every other pupil of the same school, other casussen's pupils included.
    pub others: Vec<(String, String)>,
}

impl Store {
    /// The pupil's own name and those of every other pupil of the same school: the names that
    /// must not appear in this casus's exports.
    pub fn pupil_names_around(&self, casus: CasusId) -> Result<PupilNamesAround> {
        let own: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT p.given_name, p.family_name FROM casussen c
                 JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ?1",
                [casus.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let mut stmt = self.conn.prepare(
            "SELECT p.given_name, p.family_name FROM pupils p
             WHERE p.school_id = (SELECT t.school_id FROM casussen c JOIN teams t ON t.id = c.team_id
                                  WHERE c.id = ?1)
               AND p.id IS NOT (SELECT pupil_id FROM casussen WHERE id = ?1)",
        )?;
        let others = stmt
            .query_map([casus.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(PupilNamesAround { own, others })
    }

    /// Given and family names of every pupil, for the anonymity check of free text.
    pub fn known_pupil_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT given_name FROM pupils UNION SELECT family_name FROM pupils")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
