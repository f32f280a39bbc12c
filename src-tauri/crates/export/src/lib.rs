#![warn(missing_docs)]
//! Kernteam's documents (minutes, summaries, action lists): model in, bytes out. What goes
//! into a document is decided here, per recipient, by the rules of
//! `kernteam_domain::recipient`; the renderers only lay out what they are given.

pub mod actions;
pub mod agenda;
pub mod document;
pub mod docx;
pub mod markdown;
pub mod minutes;
pub mod pdf;
pub mod summary;

pub use actions::{ActionListRequest, action_list_for};
pub use agenda::{AgendaRequest, agenda_for};
pub use document::{ActionLine, Document, Field, Section};
pub use minutes::{CasusContext, Excluded, MinutesRequest, minutes_for};
pub use summary::{SummaryRequest, summary_for};
