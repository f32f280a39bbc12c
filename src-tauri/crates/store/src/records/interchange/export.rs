//! Reading the store out as an interchange document: the teams' side table by table, and each
//! casus with all its parts.

use kernteam_domain::casus::Intake;
use kernteam_domain::consent::GezagHolder;
use kernteam_domain::interchange::*;
use kernteam_domain::verzuim::AttendanceFacts;
use kernteam_domain::{
    ActionStatus, CasusId, CasusMode, CasusStatus, DataCategory, MeetingStatus, NoteKind,
    NoteVisibility, OrganisationKind, Role, SchoolKind, SnapshotMoment, Urgency,
};
use rusqlite::Connection;

use crate::records::{parse_code, parse_id};
use crate::{Result, Store};

fn rows<T>(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let out = stmt
        .query_map(args, map)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

fn json<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

impl Store {
    /// Every team, person, meeting and casus with all its parts (the audit log stays behind:
    /// it belongs to this install).
    pub fn export_all(&self) -> Result<Interchange> {
        let c = &self.conn;
        let mut doc = Interchange::empty();
        doc.organisations = organisations(c)?;
        doc.schools = schools(c)?;
        doc.teams = teams(c)?;
        doc.members = members(c)?;
        doc.meetings = meetings(c)?;
        doc.casussen = self.casussen_as_interchange(None)?;
        Ok(doc)
    }

    /// One casus with all its parts as the interchange format has it (none when unknown).
    pub fn casus_as_interchange(&self, id: CasusId) -> Result<Option<XCasus>> {
        Ok(self.casussen_as_interchange(Some(id))?.into_iter().next())
    }

    fn casussen_as_interchange(&self, only: Option<CasusId>) -> Result<Vec<XCasus>> {
        let c = &self.conn;
        rows(c,
            "SELECT id, team_id, mode, pupil_id, pseudonym, anonymous_reason, status, hulpvraag, hulpvraag_category,
                    urgency, intake_json, opened_on, next_review_on, closed_on, closure_reason, closure_outcome,
                    retention_until, converted_from_id
             FROM casussen WHERE ?1 IS NULL OR id = ?1
             ORDER BY converted_from_id IS NOT NULL, id", [only.map(|id| id.to_string())], |r| {
            let pupil: Option<String> = r.get(3)?;
            let intake: String = r.get(10)?;
            Ok((pupil, XCasus {
                id: parse_id(r.get(0)?)?, team_id: parse_id(r.get(1)?)?, mode: parse_code(r.get(2)?, CasusMode::from_code)?,
                pupil: None, pseudonym: r.get(4)?, anonymous_reason: r.get(5)?,
                status: parse_code(r.get(6)?, CasusStatus::from_code)?, hulpvraag: r.get(7)?, hulpvraag_category: r.get(8)?,
                urgency: parse_code(r.get(9)?, Urgency::from_code)?, intake: json::<Intake>(&intake),
                opened_on: r.get(11)?, next_review_on: r.get(12)?, closed_on: r.get(13)?, closure_reason: r.get(14)?,
                closure_outcome: r.get(15)?, retention_until: r.get(16)?,
                converted_from_id: r.get::<_, Option<String>>(17)?.map(parse_id).transpose()?,
                signals: Vec::new(), consents: Vec::new(), notes: Vec::new(), absence: Vec::new(),
                attendance: None, links: Vec::new(), actions: Vec::new(),
            }))
        })?
        .into_iter()
        .map(|(pupil, mut x)| {
            self.fill_casus(&mut x, pupil.as_deref())?;
            Ok(x)
        })
        .collect::<Result<_>>()
    }

    fn fill_casus(&self, x: &mut XCasus, pupil: Option<&str>) -> Result<()> {
        let c = &self.conn;
        let id = x.id.to_string();
        if let Some(pupil) = pupil {
            x.pupil = Some(pupil_with_holders(c, pupil)?);
        }
        x.signals = signals(c, &id)?;
        x.consents = self.consents_as_interchange(x.id)?;
        x.notes = notes(c, &id)?;
        x.absence = absence(c, &id)?;
        let facts = self.attendance(x.id)?;
        x.attendance = (facts != AttendanceFacts::default()).then_some(facts);
        x.links = links(c, &id)?;
        x.actions = actions(c, &id)?;
        Ok(())
    }

    fn consents_as_interchange(&self, casus: CasusId) -> Result<Vec<XConsent>> {
        let mut consents: Vec<XConsent> = self
            .consent_facts(casus)?
            .views
            .into_iter()
            .map(|v| XConsent {
                id: v.id,
                given_on: v.given_on.to_string(),
                givers: v.givers,
                scope_organisations: v
                    .scope_organisations
                    .iter()
                    .map(|o| o.code().to_owned())
                    .collect(),
                scope_categories: v
                    .scope_categories
                    .iter()
                    .map(|c| c.code().to_owned())
                    .collect(),
                method: v.method.code().to_owned(),
                recorded_by: v.recorded_by,
                valid_until: v.valid_until.to_string(),
                withdrawn_on: v.withdrawn_on.map(|d| d.to_string()),
                withdrawn_reason: v.withdrawn_reason,
            })
            .collect();
        consents.sort_by_key(|c| c.id);
        Ok(consents)
    }
}

fn organisations(c: &Connection) -> Result<Vec<XOrganisation>> {
    rows(
        c,
        "SELECT id, name, kind FROM organisations ORDER BY id",
        [],
        |r| {
            Ok(XOrganisation {
                id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                kind: parse_code(r.get(2)?, OrganisationKind::from_code)?,
            })
        },
    )
}

fn schools(c: &Connection) -> Result<Vec<XSchool>> {
    rows(
        c,
        "SELECT id, name, kind, region, holiday_region, retention_years FROM schools ORDER BY id",
        [],
        |r| {
            Ok(XSchool {
                id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                kind: parse_code(r.get(2)?, SchoolKind::from_code)?,
                region: r.get(3)?,
                holiday_region: r.get(4)?,
                retention_years: r.get(5)?,
            })
        },
    )
}

fn teams(c: &Connection) -> Result<Vec<XTeam>> {
    rows(
        c,
        "SELECT id, school_id, name, cadence FROM teams ORDER BY id",
        [],
        |r| {
            Ok(XTeam {
                id: parse_id(r.get(0)?)?,
                school_id: parse_id(r.get(1)?)?,
                name: r.get(2)?,
                cadence: r.get(3)?,
            })
        },
    )
}

fn members(c: &Connection) -> Result<Vec<XMember>> {
    let mut members = rows(
        c,
        "SELECT id, name, email, organisation_id FROM members ORDER BY id",
        [],
        |r| {
            Ok(XMember {
                id: parse_id(r.get(0)?)?,
                name: r.get(1)?,
                email: r.get(2)?,
                organisation_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
                roles: Vec::new(),
            })
        },
    )?;
    for m in &mut members {
        m.roles = rows(
            c,
            "SELECT team_id, role FROM team_members WHERE member_id = ?1 ORDER BY team_id, role",
            [m.id.to_string()],
            |r| {
                Ok(XRole {
                    team_id: parse_id(r.get(0)?)?,
                    role: parse_code(r.get(1)?, Role::from_code)?,
                })
            },
        )?;
    }
    Ok(members)
}

fn meetings(c: &Connection) -> Result<Vec<XMeeting>> {
    rows(
        c,
        "SELECT id, team_id, starts_at, location, status FROM meetings ORDER BY id",
        [],
        |r| {
            Ok(XMeeting {
                id: parse_id(r.get(0)?)?,
                team_id: parse_id(r.get(1)?)?,
                starts_at: r.get(2)?,
                location: r.get(3)?,
                status: parse_code(r.get(4)?, MeetingStatus::from_code)?,
            })
        },
    )
}

fn pupil_with_holders(c: &Connection, pupil: &str) -> Result<XPupil> {
    let holders = rows(
        c,
        "SELECT id, relation, has_gezag FROM gezag_holders WHERE pupil_id = ?1 ORDER BY rowid",
        [pupil],
        |r| {
            Ok(GezagHolder {
                id: r.get(0)?,
                label: r.get(1)?,
                has_gezag: r.get(2)?,
            })
        },
    )?;
    Ok(c.query_row(
        "SELECT id, given_name, family_name, birth_date, class_name, left_school_on FROM pupils WHERE id = ?1",
        [pupil],
        |r| Ok(XPupil {
            id: parse_id(r.get(0)?)?, given_name: r.get(1)?, family_name: r.get(2)?, birth_date: r.get(3)?,
            class_name: r.get(4)?, left_school_on: r.get(5)?, gezag_holders: holders.clone(),
        }),
    )?)
}

fn signals(c: &Connection, id: &str) -> Result<Vec<XSignal>> {
    rows(
        c,
        "SELECT id, observed_on, source, category, description FROM signals WHERE casus_id = ?1 ORDER BY id",
        [id],
        |r| {
            Ok(XSignal {
                id: r.get(0)?,
                observed_on: r.get(1)?,
                source: r.get(2)?,
                category: r.get(3)?,
                description: r.get(4)?,
            })
        },
    )
}

fn notes(c: &Connection, id: &str) -> Result<Vec<XNote>> {
    rows(c,
        "SELECT id, author_member_id, kind, category, visibility, facts, opinions, created_at, updated_at, shared_at
             FROM notes WHERE casus_id = ?1 ORDER BY id", [id], |r| {
        Ok(XNote {
            id: parse_id(r.get(0)?)?, author_id: r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?,
            kind: parse_code(r.get(2)?, NoteKind::from_code)?, category: parse_code(r.get(3)?, DataCategory::from_code)?,
            visibility: parse_code(r.get(4)?, NoteVisibility::from_code)?, facts: r.get(5)?, opinions: r.get(6)?,
            created_at: r.get(7)?, updated_at: r.get(8)?, shared_at: r.get(9)?,
        })
    })
}

fn absence(c: &Connection, id: &str) -> Result<Vec<XAbsenceSnapshot>> {
    rows(
        c,
        "SELECT id, moment, taken_on, weeks_json FROM absence_snapshots WHERE casus_id = ?1 ORDER BY id",
        [id],
        |r| {
            let weeks: String = r.get(3)?;
            Ok(XAbsenceSnapshot {
                id: r.get(0)?,
                moment: parse_code(r.get(1)?, SnapshotMoment::from_code)?,
                taken_on: r.get(2)?,
                weeks: json(&weeks),
            })
        },
    )
}

fn links(c: &Connection, id: &str) -> Result<Vec<XLink>> {
    rows(
        c,
        "SELECT linked_casus_id, family_note FROM casus_links WHERE casus_id = ?1 ORDER BY linked_casus_id",
        [id],
        |r| {
            Ok(XLink {
                linked_casus_id: parse_id(r.get(0)?)?,
                family_note: r.get(1)?,
            })
        },
    )
}

fn actions(c: &Connection, id: &str) -> Result<Vec<XAction>> {
    rows(c,
        "SELECT id, meeting_id, description, owner_member_id, owner_organisation_id, due_on, status, feedback, created_at,
                    urgent_logged_at
             FROM actions WHERE casus_id = ?1 ORDER BY id", [id], |r| {
        Ok(XAction {
            id: parse_id(r.get(0)?)?, meeting_id: r.get::<_, Option<String>>(1)?.map(parse_id).transpose()?,
            description: r.get(2)?, owner_member_id: r.get::<_, Option<String>>(3)?.map(parse_id).transpose()?,
            owner_organisation_id: r.get::<_, Option<String>>(4)?.map(parse_id).transpose()?,
            due_on: r.get(5)?, status: parse_code(r.get(6)?, ActionStatus::from_code)?, feedback: r.get(7)?,
            created_at: r.get(8)?, urgent_logged_at: r.get(9)?,
        })
    })
}
