//! Pupils, casussen and their signals; the timeline; conversion of an anonymous consultation.

mod access_log;
mod conversion;
mod creation;
mod signals;
mod summary;
mod timeline;

pub use creation::{CasusSeed, PupilSeed};
pub use summary::CasusCore;
