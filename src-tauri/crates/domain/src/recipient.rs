//! Who gets what when minutes or a casus leave the laptop (docs/DOMAIN.md §5): one pure rule per
//! recipient, applied to each casus before anything is rendered. The renderers only ever see
//! what [`rule`] allowed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kinds::vocabulary;
use crate::{DataCategory, OrganisationId, OrganisationKind};

vocabulary!(
    /// The export profiles.
    RecipientKind {
        Ouders => ("ouders", "Ouders en leerling"),
        School => ("school", "School (mentor, IB)"),
        Partner => ("partner", "Partnerorganisatie"),
        SwvLoket => ("swv_loket", "Loket samenwerkingsverband"),
    }
);

/// One recipient of an export; a partner is one organisation of the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    /// Which export profile applies: ouders, school, partner or SWV loket.
    pub kind: RecipientKind,
    /// The receiving organisation of the team, for a partner; `None` for the other profiles.
    pub organisation_id: Option<OrganisationId>,
    /// The kind of that organisation, which the partner rule needs; the app fills it in from the
    /// store by `organisation_id`, never from the page.
    pub organisation_kind: Option<OrganisationKind>,
    /// As the footer names it: "Vertrouwelijk — bestemd voor <name>".
    pub name: String,
}

/// What the rule needs to know of one casus, on the day of the export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CasusForExport {
    /// An anonymous consultation: it leaves under its pseudonym, needs no consent and never goes
    /// to the parents.
    pub anonymous: bool,
    /// The pupil's age in whole years on the day of the export; `None` when no birth date is
    /// known.
    pub pupil_age: Option<u8>,
    /// The organisations a complete, valid consent covers today; `None` without such consent.
    pub consent_scope: Option<Vec<OrganisationKind>>,
    /// The data categories of that consent; empty means it names none (no limit of its own).
    pub consent_categories: Vec<DataCategory>,
    /// Health or safety, released for this recipient by the one who exports (recorded).
    pub released: Vec<DataCategory>,
    /// A pupil of 16 or older decides whether the parents receive anything.
    pub pupil_shares_with_parents: bool,
}

/// How the pupil is named in the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Naming {
    /// By the pupil's name.
    FullName,
    /// By the pseudonym of an anonymous consultation only ("Leerling A, groep 8").
    Pseudonym,
}

/// Which actions go out: all of the casus, or only those of the recipient's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ActionsShown {
    /// Every action of the casus.
    All,
    /// Only the actions owned by an organisation of this kind: a partner's own.
    OwnedBy(OrganisationKind),
}

/// The parts of one casus a recipient may receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Allowed {
    /// How the pupil is named.
    pub naming: Naming,
    /// Whether the block's facts go; without them no shared note goes either.
    pub facts: bool,
    /// Whether the analysis and opinions go.
    pub analysis: bool,
    /// Whether the decisions go (each still within its category).
    pub decisions: bool,
    /// Whether the text meant for the parents and the inbrenger goes.
    pub to_parents: bool,
    /// Which of the casus's actions go (each still within its category).
    pub actions: ActionsShown,
    /// Shared notes of these categories (never anyone's private preparation note).
    pub note_categories: Vec<DataCategory>,
    /// The categories any part may carry to this recipient: the general ones, health and
    /// safety only where released, all within what the consent names.
    pub categories: Vec<DataCategory>,
}

/// One field of a casus as it may leave: every renderer (minutes, overdracht, action list,
/// agenda) and later the sync to a partner's laptop asks [`Allowed::part`] per field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The block's facts (kept apart from opinions).
    Facts,
    /// Analysis and opinions.
    Analysis,
    /// What may be told to the parents and the inbrenger.
    ToParents,
    /// The block's health part.
    Health,
    /// The block's safety part.
    Safety,
    /// A decision, with the data category it is about.
    Decision(DataCategory),
    /// An action, with the data category it is about.
    Action(DataCategory),
    /// A shared note or an intake concern of this category (never a private preparation note:
    /// those are not for any recipient).
    Note(DataCategory),
}

/// Whether one part goes, and if not, why (the preview says it per left-out part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartShare {
    /// The part goes to the recipient.
    Shown,
    /// The part stays out, with the reason in Dutch.
    LeftOut(String),
}

impl Allowed {
    /// The one answer, per field, to "may this recipient receive it?".
    pub fn part(&self, part: Part) -> PartShare {
        if let Part::Note(category) = part {
            return self.note_part(category);
        }
        let by_profile = match part {
            Part::Facts => self.facts,
            Part::Analysis => self.analysis,
            Part::ToParents => self.to_parents,
            // Health and safety are facts of their own kind: where facts may not go, they
            // may not either (a parent gets the "told to parents" text, not the table's facts).
            Part::Health | Part::Safety => self.facts || self.to_parents,
            Part::Decision(_) => self.decisions,
            Part::Action(_) => true,
            Part::Note(_) => self.facts,
        };
        if !by_profile {
            return PartShare::LeftOut(PROFILE_REASON.into());
        }
        let category = match part {
            Part::Health => DataCategory::Gezondheid,
            Part::Safety => DataCategory::Veiligheid,
            Part::Decision(c) | Part::Action(c) | Part::Note(c) => c,
            Part::Facts | Part::Analysis | Part::ToParents => return PartShare::Shown,
        };
        match self.category_reason(category) {
            None => PartShare::Shown,
            Some(reason) => PartShare::LeftOut(reason),
        }
    }

    /// Why a part of `category` may not go to this recipient, or `None` when it may.
    fn category_reason(&self, category: DataCategory) -> Option<String> {
        if self.categories.contains(&category) {
            None
        } else if SENSITIVE.contains(&category) {
            Some(format!(
                "{} niet vrijgegeven voor deze ontvanger.",
                category.label()
            ))
        } else {
            Some(format!(
                "De toestemming dekt {} niet.",
                category.label().to_lowercase()
            ))
        }
    }

    /// Notes go by the recipient's own note categories (the school gets no home situation),
    /// within the categories any part may carry.
    fn note_part(&self, category: DataCategory) -> PartShare {
        if !self.facts {
            return PartShare::LeftOut(PROFILE_REASON.into());
        }
        if self.note_categories.contains(&category) {
            return PartShare::Shown;
        }
        match self.category_reason(category) {
            Some(reason) => PartShare::LeftOut(reason),
            None => PartShare::LeftOut(PROFILE_REASON.into()),
        }
    }

    /// Whether `part` goes to this recipient: [`Allowed::part`] without the reason.
    pub fn shows(&self, part: Part) -> bool {
        self.part(part) == PartShare::Shown
    }
}

/// What of one casus goes to one recipient, as [`rule`] decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum Share {
    /// Some of the casus goes to the recipient.
    Included {
        /// Which parts of the casus the recipient may receive.
        allowed: Allowed,
    },
    /// Left out entirely, with the reason the preview shows.
    Excluded {
        /// Why nothing goes, in Dutch (e.g. no valid consent).
        reason: String,
    },
}

/// A part this kind of recipient never gets (parents get no analysis, the school no home
/// situation), whatever the consent.
const PROFILE_REASON: &str = "Hoort niet bij wat deze ontvanger krijgt.";

/// Said when no complete, valid consent stands on the day of the export.
const NO_CONSENT: &str = "Geen geldige toestemming: er gaat niets van deze casus naar buiten.";

/// Health and safety leave only when released for this recipient.
const SENSITIVE: [DataCategory; 2] = [DataCategory::Gezondheid, DataCategory::Veiligheid];

fn note_categories(base: &[DataCategory], casus: &CasusForExport) -> Vec<DataCategory> {
    DataCategory::ALL
        .iter()
        .copied()
        .filter(|c| base.contains(c) || (SENSITIVE.contains(c) && casus.released.contains(c)))
        .filter(|c| casus.consent_categories.is_empty() || casus.consent_categories.contains(c))
        .collect()
}

/// Every category this casus's content may carry to a recipient: the general ones, health and
/// safety where released, within the consent's categories.
fn content_categories(casus: &CasusForExport) -> Vec<DataCategory> {
    note_categories(
        &[
            DataCategory::School,
            DataCategory::Verzuim,
            DataCategory::Gezin,
        ],
        casus,
    )
}

fn excluded(reason: impl Into<String>) -> Share {
    Share::Excluded {
        reason: reason.into(),
    }
}

/// The rule: what of this casus goes to this recipient.
pub fn rule(recipient: &Recipient, casus: &CasusForExport) -> Share {
    match allowed_for(recipient, casus) {
        Ok(allowed) => Share::Included { allowed },
        Err(reason) => excluded(reason),
    }
}

/// The parts of this casus the recipient may receive, or why nothing of it goes to them.
fn allowed_for(recipient: &Recipient, casus: &CasusForExport) -> Result<Allowed, String> {
    // Who the consent has to cover; an anonymous consultation shares no identity, so it
    // needs none (docs/DOMAIN.md §2.4).
    let needs = consent_needed_for(recipient)?;
    if let (Some(kind), false) = (needs, casus.anonymous) {
        consent_covers(casus, kind)?;
    }
    if recipient.kind == RecipientKind::Ouders {
        parents_may_receive(casus)?;
    }
    Ok(profile(recipient, casus))
}

/// The organisation the consent has to reach for this recipient; parents have a gate of their
/// own ([`parents_may_receive`]).
fn consent_needed_for(recipient: &Recipient) -> Result<Option<OrganisationKind>, String> {
    match recipient.kind {
        RecipientKind::Ouders => Ok(None),
        RecipientKind::School => Ok(Some(OrganisationKind::School)),
        RecipientKind::SwvLoket => Ok(Some(OrganisationKind::Swv)),
        RecipientKind::Partner => match recipient.organisation_kind {
            Some(kind) => Ok(Some(kind)),
            None => Err("Kies de partnerorganisatie.".into()),
        },
    }
}

/// Nothing of a named casus leaves without a valid consent that reaches `kind`.
fn consent_covers(casus: &CasusForExport, kind: OrganisationKind) -> Result<(), String> {
    match &casus.consent_scope {
        None => Err(NO_CONSENT.into()),
        Some(scope) if !scope.contains(&kind) => Err(format!(
            "De toestemming dekt delen met {} niet.",
            kind.label()
        )),
        Some(_) => Ok(()),
    }
}

/// Parents need a known pupil, a valid consent, and from 16 the pupil's own yes.
fn parents_may_receive(casus: &CasusForExport) -> Result<(), String> {
    if casus.anonymous {
        return Err(
            "Een anonieme consultatie gaat niet naar ouders: er is geen leerling bekend.".into(),
        );
    }
    if casus.consent_scope.is_none() {
        return Err(NO_CONSENT.into());
    }
    if casus.pupil_age.is_some_and(|a| a >= 16) && !casus.pupil_shares_with_parents {
        return Err(
            "De leerling is 16 of ouder en heeft niet ingestemd met delen met de ouders.".into(),
        );
    }
    Ok(())
}

/// An anonymous consultation leaves under its pseudonym only.
fn pupil_naming(casus: &CasusForExport) -> Naming {
    if casus.anonymous {
        Naming::Pseudonym
    } else {
        Naming::FullName
    }
}

/// What each kind of recipient receives of a casus that may go to them.
fn profile(recipient: &Recipient, casus: &CasusForExport) -> Allowed {
    let naming = pupil_naming(casus);
    let general = [
        DataCategory::School,
        DataCategory::Verzuim,
        DataCategory::Gezin,
    ];
    match recipient.kind {
        // Their own child's block in plain words: what may be told, and who does what.
        RecipientKind::Ouders => Allowed {
            naming,
            facts: false,
            analysis: false,
            decisions: false,
            to_parents: true,
            actions: ActionsShown::All,
            note_categories: Vec::new(),
            categories: content_categories(casus),
        },
        RecipientKind::School => Allowed {
            naming,
            facts: true,
            analysis: false,
            decisions: true,
            to_parents: true,
            actions: ActionsShown::All,
            note_categories: note_categories(&[DataCategory::School, DataCategory::Verzuim], casus),
            categories: content_categories(casus),
        },
        RecipientKind::SwvLoket => Allowed {
            naming,
            facts: true,
            analysis: true,
            decisions: true,
            to_parents: false,
            actions: ActionsShown::All,
            note_categories: note_categories(&general, casus),
            categories: content_categories(casus),
        },
        // A partner without an organisation kind never gets here (`consent_needed_for`).
        RecipientKind::Partner => Allowed {
            naming,
            facts: true,
            analysis: true,
            decisions: true,
            to_parents: false,
            actions: ActionsShown::OwnedBy(
                recipient
                    .organisation_kind
                    .unwrap_or(OrganisationKind::Overig),
            ),
            note_categories: note_categories(&general, casus),
            categories: content_categories(casus),
        },
    }
}

pub use crate::names::{PupilName, without_other_pupils};

#[cfg(test)]
mod tests {
    use super::*;
    use OrganisationKind as O;

    fn partner(kind: OrganisationKind) -> Recipient {
        Recipient {
            kind: RecipientKind::Partner,
            organisation_id: Some(OrganisationId::new()),
            organisation_kind: Some(kind),
            name: kind.label().into(),
        }
    }

    fn of(kind: RecipientKind) -> Recipient {
        Recipient {
            kind,
            organisation_id: None,
            organisation_kind: None,
            name: kind.label().into(),
        }
    }

    /// The consent of each shared scenario as it stands at its meeting.
    fn scenario(id: &str) -> CasusForExport {
        let (age, scope): (u8, &[OrganisationKind]) = match id {
            "S-01" => (14, &[O::School, O::Jgz, O::Smw, O::Leerplicht]),
            "S-02" => (9, &[O::School, O::Cjg, O::Jgz]),
            "S-04" => (12, &[O::School, O::Cjg, O::Swv]),
            "S-05" => (13, &[O::School, O::Leerplicht, O::Smw]),
            "S-06" => (15, &[O::School, O::Leerplicht, O::Swv, O::Jgz]),
            _ => unreachable!(),
        };
        CasusForExport {
            pupil_age: Some(age),
            consent_scope: Some(scope.to_vec()),
            ..CasusForExport::default()
        }
    }

    fn included(share: &Share) -> Option<&Allowed> {
        match share {
            Share::Included { allowed } => Some(allowed),
            Share::Excluded { .. } => None,
        }
    }

    #[test]
    fn every_scenario_and_every_profile() {
        // (scenario, recipient, shared?)
        let cases: Vec<(&str, Recipient, bool)> = vec![
            ("S-01", of(RecipientKind::Ouders), true),
            ("S-01", of(RecipientKind::School), true),
            ("S-01", partner(O::Jgz), true),
            ("S-01", partner(O::Leerplicht), true),
            ("S-01", partner(O::Cjg), false),
            ("S-01", of(RecipientKind::SwvLoket), false),
            ("S-02", of(RecipientKind::Ouders), true),
            ("S-02", partner(O::Cjg), true),
            ("S-02", partner(O::Leerplicht), false),
            ("S-02", partner(O::Smw), false),
            ("S-04", partner(O::Swv), true),
            ("S-04", of(RecipientKind::SwvLoket), true),
            ("S-04", partner(O::Jgz), false),
            ("S-05", partner(O::Leerplicht), true),
            ("S-05", partner(O::Smw), true),
            ("S-05", partner(O::Jgz), false),
            ("S-05", of(RecipientKind::SwvLoket), false),
            ("S-06", of(RecipientKind::SwvLoket), true),
            ("S-06", partner(O::Jgz), true),
            ("S-06", partner(O::Cjg), false),
            ("S-06", of(RecipientKind::Ouders), true),
        ];
        for (id, recipient, shared) in cases {
            let share = rule(&recipient, &scenario(id));
            assert_eq!(
                included(&share).is_some(),
                shared,
                "{id} → {}: {share:?}",
                recipient.name
            );
        }
    }

    #[test]
    fn parents_get_their_own_childs_plain_block_and_no_professional_notes() {
        let share = rule(&of(RecipientKind::Ouders), &scenario("S-01"));
        let allowed = included(&share).expect("included");
        assert!(allowed.to_parents && !allowed.facts && !allowed.analysis && !allowed.decisions);
        assert!(allowed.note_categories.is_empty(), "no JGZ-internal note");
    }

    #[test]
    fn a_pupil_of_sixteen_decides_about_the_parents() {
        let sixteen = CasusForExport {
            pupil_age: Some(16),
            ..scenario("S-06")
        };
        assert!(included(&rule(&of(RecipientKind::Ouders), &sixteen)).is_none());
        let agrees = CasusForExport {
            pupil_shares_with_parents: true,
            ..sixteen.clone()
        };
        assert!(included(&rule(&of(RecipientKind::Ouders), &agrees)).is_some());
        let fifteen = CasusForExport {
            pupil_age: Some(15),
            ..sixteen
        };
        assert!(included(&rule(&of(RecipientKind::Ouders), &fifteen)).is_some());
    }

    #[test]
    fn health_and_safety_only_when_released_and_within_the_consents_categories() {
        let jgz = partner(O::Jgz);
        let plain = rule(&jgz, &scenario("S-01"));
        let cats = &included(&plain).expect("jgz in scope").note_categories;
        assert!(
            !cats.contains(&DataCategory::Gezondheid) && !cats.contains(&DataCategory::Veiligheid)
        );
        let released = CasusForExport {
            released: vec![DataCategory::Gezondheid],
            ..scenario("S-01")
        };
        let cats = included(&rule(&jgz, &released))
            .expect("in scope")
            .note_categories
            .clone();
        assert!(
            cats.contains(&DataCategory::Gezondheid) && !cats.contains(&DataCategory::Veiligheid)
        );
        let narrow = CasusForExport {
            consent_categories: vec![DataCategory::Verzuim],
            released: vec![DataCategory::Gezondheid],
            ..scenario("S-01")
        };
        assert_eq!(
            included(&rule(&jgz, &narrow))
                .expect("in scope")
                .note_categories,
            vec![DataCategory::Verzuim],
            "partial consent: only its categories"
        );
    }

    #[test]
    fn partners_see_their_own_actions_and_no_consent_means_nothing() {
        let lp = included(&rule(&partner(O::Leerplicht), &scenario("S-05")))
            .expect("in scope")
            .clone();
        assert_eq!(lp.actions, ActionsShown::OwnedBy(O::Leerplicht));
        let none = CasusForExport {
            consent_scope: None,
            ..scenario("S-05")
        };
        for r in [
            of(RecipientKind::Ouders),
            of(RecipientKind::School),
            partner(O::Leerplicht),
            of(RecipientKind::SwvLoket),
        ] {
            assert!(included(&rule(&r, &none)).is_none(), "{}", r.name);
        }
    }

    #[test]
    fn an_anonymous_consultation_goes_out_by_pseudonym_and_never_to_parents() {
        let anonymous = CasusForExport {
            anonymous: true,
            consent_scope: None,
            ..CasusForExport::default()
        };
        let to_cjg = rule(&partner(O::Cjg), &anonymous);
        assert_eq!(
            included(&to_cjg).expect("consultation").naming,
            Naming::Pseudonym
        );
        assert!(included(&rule(&of(RecipientKind::Ouders), &anonymous)).is_none());
    }

    /// Issue 12: health and safety in minutes and action lists leave only where released,
    /// per field, for every profile; the reason is said per left-out part.
    #[test]
    fn health_and_safety_leave_per_field_only_where_released() {
        let sara = CasusForExport {
            pupil_age: Some(13),
            consent_scope: Some(vec![O::School, O::Jgz, O::Smw]),
            ..CasusForExport::default()
        };
        for recipient in [
            partner(O::Jgz),
            partner(O::Smw),
            of(RecipientKind::School),
            of(RecipientKind::Ouders),
        ] {
            let allowed = included(&rule(&recipient, &sara))
                .cloned()
                .expect("consent covers it");
            assert!(
                !allowed.shows(Part::Decision(DataCategory::Gezondheid)),
                "a health decision went to {} with nothing released",
                recipient.name
            );
            for part in [
                Part::Health,
                Part::Safety,
                Part::Action(DataCategory::Veiligheid),
            ] {
                let PartShare::LeftOut(reason) = allowed.part(part) else {
                    panic!("{part:?} went to {} with nothing released", recipient.name);
                };
                assert!(reason.contains("niet vrijgegeven"), "{reason}");
            }
            assert!(
                allowed.shows(Part::Action(DataCategory::School)),
                "a school action goes to {}",
                recipient.name
            );
        }
        let released = CasusForExport {
            released: vec![DataCategory::Gezondheid],
            ..sara.clone()
        };
        let jgz = included(&rule(&partner(O::Jgz), &released))
            .cloned()
            .expect("included");
        assert!(jgz.shows(Part::Health), "released for JGZ");
        assert!(jgz.shows(Part::Decision(DataCategory::Gezondheid)));
        assert!(!jgz.shows(Part::Safety), "safety was not released");
        // A consent that names categories limits even the general ones.
        let narrow = CasusForExport {
            consent_categories: vec![DataCategory::School],
            ..sara
        };
        let school = included(&rule(&of(RecipientKind::School), &narrow))
            .cloned()
            .expect("included");
        assert_eq!(
            school.part(Part::Decision(DataCategory::Gezin)),
            PartShare::LeftOut("De toestemming dekt gezin niet.".into())
        );
    }

    /// Issue 12: a note or concern is shown or left out by the one rule, with the reason the
    /// overdracht's preview gives.
    #[test]
    fn notes_go_by_category_with_a_reason_for_each_left_out() {
        let casus = scenario("S-01");
        let jgz = included(&rule(&partner(O::Jgz), &casus))
            .cloned()
            .expect("in scope");
        assert_eq!(jgz.part(Part::Note(DataCategory::School)), PartShare::Shown);
        assert_eq!(
            jgz.part(Part::Note(DataCategory::Gezondheid)),
            PartShare::LeftOut("Gezondheid niet vrijgegeven voor deze ontvanger.".into())
        );
        let released = CasusForExport {
            released: vec![DataCategory::Gezondheid],
            ..casus.clone()
        };
        let jgz = included(&rule(&partner(O::Jgz), &released))
            .cloned()
            .expect("in scope");
        assert_eq!(
            jgz.part(Part::Note(DataCategory::Gezondheid)),
            PartShare::Shown
        );
        let school = included(&rule(&of(RecipientKind::School), &casus))
            .cloned()
            .expect("school");
        assert_eq!(
            school.part(Part::Note(DataCategory::Gezin)),
            PartShare::LeftOut(PROFILE_REASON.into())
        );
        let narrow = CasusForExport {
            consent_categories: vec![DataCategory::School],
            ..casus
        };
        let jgz = included(&rule(&partner(O::Jgz), &narrow))
            .cloned()
            .expect("in scope");
        assert_eq!(
            jgz.part(Part::Note(DataCategory::Verzuim)),
            PartShare::LeftOut("De toestemming dekt verzuim niet.".into())
        );
    }
}
