//! What the casus screens send and show: intake input, consent, notes, verzuim and the
//! timeline. Dates are ISO `YYYY-MM-DD`; times ISO-8601 UTC.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::casus::{ClosureReason, HulpvraagKind, Intake, SignalCategory};
use crate::consent::{ConsentStatus, GezagHolder, Giver};
use crate::kinds::vocabulary;
use crate::verzuim::{
    AbsenceWeek, AttendanceFacts, Reminder, ThuiszitterBand, ThuiszitterDefinition,
};
use crate::{
    CasusId, CasusSummary, ConsentId, DataCategory, HolidayRegion, HourUnit, MemberId, NoteId,
    NoteKind, OrganisationKind, TeamId, Urgency,
};

vocabulary!(
    /// How consent was given.
    ConsentMethod {
        Formulier => ("formulier", "Ondertekend formulier"),
        Mondeling => ("mondeling", "Mondeling, vastgelegd door"),
    }
);

vocabulary!(
    /// Who may read a note: a private preparation note stays with its author until she shares it.
    NoteVisibility {
        Private => ("private", "Alleen voor de auteur"),
        Team => ("team", "Gedeeld met het kernteam"),
    }
);

vocabulary!(
    /// When an absence snapshot was taken (docs/DOMAIN.md §4: intake, each review, closure).
    SnapshotMoment {
        Intake => ("intake", "Bij aanmelding"),
        Evaluatie => ("evaluatie", "Bij evaluatie"),
        Afsluiting => ("afsluiting", "Bij afsluiting"),
    }
);

mod consent;
mod intake;
mod notes;
mod timeline;
mod timeline_event;
mod verzuim;
mod view;
pub use consent::*;
pub use intake::*;
pub use notes::*;
pub use timeline::*;
pub use timeline_event::*;
pub use verzuim::*;
pub use view::*;
