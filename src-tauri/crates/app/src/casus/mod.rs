//! The casus life as use cases: intake, anonymous consultation and its conversion, consent,
//! notes, signals, verzuim, links, closure, search. Rules come from the domain crate; these
//! modules validate input, call the store and assemble what the casus screens show.

mod anonymous;
mod closure;
mod consent;
mod intake;
mod notes;
pub(crate) mod pupil;
mod verzuim;
mod view;
