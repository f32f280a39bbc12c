#![warn(missing_docs)]
//! Kernteam's words and rules, pure: no I/O, no clock, no randomness beyond what callers pass in.

pub mod agenda;
pub mod anonymity;
pub mod casus;
pub mod clock;
pub mod consent;
pub mod dates;
pub mod dossier;
pub mod ics;
pub mod ids;
pub mod interchange;
pub mod kinds;
pub mod live;
pub mod model;
pub mod names;
pub mod passphrase;
pub mod pupil;
pub mod recipient;
pub mod schedule;
pub mod school_weeks;
pub mod spoken_password;
pub mod validation;
pub mod verzuim;

pub use dossier::*;
pub use ids::*;
pub use kinds::*;
pub use model::*;
