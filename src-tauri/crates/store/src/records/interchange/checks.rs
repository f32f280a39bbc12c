//! What an import may not do to what is here already: change an existing casus, or add roles
//! and meetings to an existing kernteam. Read before the import's transaction starts.

use std::collections::HashMap;

use kernteam_domain::interchange::*;
use kernteam_domain::{CasusId, CasusStatus};

use crate::{Result, Store};

impl Store {
    /// The file's casussen that exist here already, each with whether the file's copy is
    /// identical, and a reason for each one that is not (see `Store::import`).
    pub(super) fn existing_casussen(
        &self,
        doc: &Interchange,
    ) -> Result<(HashMap<CasusId, bool>, Vec<String>)> {
        let mut existing = HashMap::new();
        let mut refused = Vec::new();
        for casus in &doc.casussen {
            if let Some(here) = self.casus_as_interchange(casus.id)? {
                existing.insert(casus.id, &here == casus);
                if &here != casus {
                    refused.push(format!(
                        "{}: deze casus bestaat hier al{}; het bestand voegt niets toe aan een bestaande casus en verandert er niets aan.",
                        casus_label(casus),
                        if here.status == CasusStatus::Afgesloten {
                            " en is afgesloten"
                        } else {
                            ""
                        }
                    ));
                }
            }
        }
        Ok((existing, refused))
    }
}

/// What a file may not add to a kernteam that already exists here: a role (who sits in the
/// team, and who chairs it, is the team's own decision) or a meeting (its history). Identical
/// records already present are simply skipped.
#[derive(Default)]
pub(super) struct HeldBack {
    pub(super) roles: std::collections::HashSet<(String, String, &'static str)>,
    pub(super) meetings: std::collections::HashSet<String>,
    pub(super) reasons: Vec<String>,
}

pub(super) fn held_back_from_existing_teams(
    conn: &rusqlite::Connection,
    doc: &Interchange,
) -> Result<HeldBack> {
    let team_name = |id: &str| -> Result<Option<String>> {
        match conn.query_row("SELECT name FROM teams WHERE id = ?1", [id], |r| r.get(0)) {
            Ok(name) => Ok(Some(name)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(other) => Err(other.into()),
        }
    };
    let exists = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<bool> {
        Ok(conn.query_row(sql, args, |r| r.get(0))?)
    };
    let mut held = HeldBack::default();
    for m in &doc.members {
        for r in &m.roles {
            let (team, member) = (r.team_id.to_string(), m.id.to_string());
            let Some(name) = team_name(&team)? else {
                continue;
            };
            let present = exists(
                "SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = ?1 AND member_id = ?2 AND role = ?3)",
                &[&team, &member, &r.role.code()],
            )?;
            if !present {
                held.reasons.push(format!(
                    "{} als {} in het bestaande {name}: niet toegevoegd; een bestand verandert de samenstelling van een bestaand kernteam niet.",
                    m.name.trim(),
                    r.role.label().to_lowercase()
                ));
                held.roles.insert((team, member, r.role.code()));
            }
        }
    }
    for meeting in &doc.meetings {
        let (team, id) = (meeting.team_id.to_string(), meeting.id.to_string());
        let Some(name) = team_name(&team)? else {
            continue;
        };
        if !exists(
            "SELECT EXISTS (SELECT 1 FROM meetings WHERE id = ?1)",
            &[&id],
        )? {
            held.reasons.push(format!(
                "Overleg van {} in het bestaande {name}: niet toegevoegd; een bestand voegt geen overleggen toe aan een bestaand kernteam.",
                meeting.starts_at.get(..10).unwrap_or(&meeting.starts_at)
            ));
            held.meetings.insert(id);
        }
    }
    Ok(held)
}

/// A casus as a report may name it: initials and class, or the pseudonym.
fn casus_label(casus: &XCasus) -> String {
    match &casus.pupil {
        Some(p) => format!(
            "{}.{}. ({})",
            p.given_name.chars().next().unwrap_or('?'),
            p.family_name
                .split_whitespace()
                .last()
                .and_then(|w| w.chars().next())
                .unwrap_or('?'),
            p.class_name
        ),
        None => casus
            .pseudonym
            .clone()
            .unwrap_or_else(|| "Anonieme casus".into()),
    }
}
