#![warn(missing_docs)]
//! Kernteam's words and rules, pure: no I/O, no clock, no randomness beyond what callers pass in.

pub mod agenda;
pub mod anonymity;
pub mod backup_policy;
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

/// A calendar date written `date!(2026 - 03 - 01)`, checked when the code is compiled (a
/// 30 February does not build). Tests and fixed reference days use it.
#[macro_export]
macro_rules! date {
    ($year:literal - $month:literal - $day:literal) => {
        const {
            // `03` is how dates are written, not an octal number.
            #[allow(clippy::zero_prefixed_literal)]
            let day = $crate::__chrono::NaiveDate::from_ymd_opt($year, $month, $day);
            match day {
                Some(day) => day,
                None => panic!("not a calendar date"),
            }
        }
    };
}

#[doc(hidden)]
pub use chrono as __chrono;
