//! The action list of one organisation: its own open actions, only for pupils whose consent
//! covers it, overdue marked; read from the Markdown.

use kernteam_domain::date;
use kernteam_domain::recipient::{CasusForExport, Recipient, RecipientKind};
use kernteam_domain::{
    ActionId, ActionRow, ActionStatus, CasusId, OrganisationId, OrganisationKind as O,
};
use kernteam_export::{ActionListRequest, CasusContext, action_list_for, markdown};

fn row(
    casus: Option<CasusId>,
    initials: &str,
    what: &str,
    org: OrganisationId,
    due: &str,
    status: ActionStatus,
) -> ActionRow {
    ActionRow {
        id: ActionId::new(),
        casus_id: casus,
        casus_initials: casus.map(|_| initials.to_owned()),
        description: what.into(),
        owner: Some("GGD JGZ (fictief)".into()),
        owner_member_id: None,
        owner_organisation_id: Some(org),
        owner_organisation: Some("GGD JGZ (fictief)".into()),
        team_name: Some("kernteam De Linde".into()),
        agreed_on: Some(kernteam_domain::date!(2025 - 09 - 30)),
        due_on: Some(due.parse().expect("an ISO date")),
        status,
        feedback: None,
        urgent_logged_at: None,
        category: kernteam_domain::DataCategory::School,
    }
}

#[test]
fn only_its_own_open_actions_for_pupils_whose_consent_covers_it() {
    let (jgz, lp) = (OrganisationId::new(), OrganisationId::new());
    let (noor, jayden) = (CasusId::new(), CasusId::new());
    let consent = |scope: &[O]| CasusForExport {
        pupil_age: Some(14),
        consent_scope: Some(scope.to_vec()),
        ..CasusForExport::default()
    };
    let casussen = vec![
        CasusContext {
            casus_id: noor,
            name: "Noor Verbeek".into(),
            facts: consent(&[O::School, O::Jgz]),
            own_name: Some(kernteam_domain::recipient::PupilName::new(
                "Noor", "Verbeek",
            )),
            other_pupils: vec![kernteam_domain::recipient::PupilName::new(
                "Lisa", "Verbeek",
            )],
        },
        CasusContext {
            casus_id: jayden,
            name: "Jayden Smit".into(),
            facts: consent(&[O::School, O::Leerplicht]),
            own_name: None,
            other_pupils: vec![],
        },
    ];
    let actions = vec![
        row(
            Some(noor),
            "N.V. (klas 2 vmbo-t)",
            "M@ZL-consult met Noor en Lisa",
            jgz,
            "2025-10-14",
            ActionStatus::Open,
        ),
        row(
            Some(noor),
            "N.V. (klas 2 vmbo-t)",
            "Huisarts bellen",
            jgz,
            "2025-09-01",
            ActionStatus::Open,
        ),
        row(
            Some(noor),
            "N.V. (klas 2 vmbo-t)",
            "Oud gesprek",
            jgz,
            "2025-09-01",
            ActionStatus::Gedaan,
        ),
        row(
            Some(jayden),
            "J.S. (klas 1 vmbo-b)",
            "Gezondheid nagaan",
            jgz,
            "2025-10-20",
            ActionStatus::Open,
        ),
        row(
            Some(noor),
            "N.V. (klas 2 vmbo-t)",
            "Gesprek leerplicht",
            lp,
            "2025-10-20",
            ActionStatus::Open,
        ),
        row(
            None,
            "",
            "Voorlichting op de ouderavond",
            jgz,
            "2025-11-01",
            ActionStatus::Open,
        ),
    ];
    let recipient = Recipient {
        kind: RecipientKind::Partner,
        organisation_id: Some(jgz),
        organisation_kind: Some(O::Jgz),
        name: "GGD JGZ (fictief)".into(),
    };
    let (doc, excluded) = action_list_for(&ActionListRequest {
        recipient: &recipient,
        school: "VO-school De Linde (fictief)",
        team: "kernteam De Linde",
        actions: &actions,
        casussen: &casussen,
        today: date!(2025 - 10 - 01),
    });
    let md = markdown::render(&doc);
    for must in [
        "# Actielijst GGD JGZ (fictief)",
        "## Noor Verbeek — N.V. (klas 2 vmbo-t)",
        // Brackets escaped: Markdown shows them as typed, never as a link.
        "M@ZL-consult met Noor en \\[andere leerling\\]",
        "Huisarts bellen | GGD JGZ (fictief) | ma 1 sep 2025 (te laat)",
        "## Zonder leerling",
        "Voorlichting op de ouderavond",
        "3 open, waarvan 1 te laat",
    ] {
        assert!(md.contains(must), "{must:?} in:\n{md}");
    }
    for never in [
        "Jayden",
        "Gezondheid nagaan",
        "Oud gesprek",
        "Gesprek leerplicht",
        "Lisa",
    ] {
        assert!(!md.contains(never), "{never:?} in:\n{md}");
    }
    assert_eq!(excluded.len(), 1);
    assert_eq!(excluded[0].title, "J.S. (klas 1 vmbo-b)");
}
