//! What a command changed, as the shell announces it to every window after the command
//! succeeded. The UI's data layer refreshes each query whose command shows one of these topics
//! (`commands.rs` says which commands show and change which); changes that later arrive from
//! another laptop are announced the same way.

use serde::Serialize;
use ts_rs::TS;

/// The event the shell emits with a [`Changed`] payload.
pub const CHANGED_EVENT: &str = "kernteam://changed";

/// A part of the store that screens show. Coarse on purpose: a refresh costs a read, a missed
/// refresh shows a person something out of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
pub enum Topic {
    /// The store itself: set up, unlocked, locked, keys, audit chain, demo loaded. Everything
    /// shown may have changed.
    Store,
    /// The user's preferences, such as the minutes before the idle lock.
    Preferences,
    /// Schools, teams, members and their roles, organisations.
    Teams,
    /// Casussen and everything under them (consent, notes, signals, absence, closure).
    Casussen,
    /// Meetings, their schedule, agendas, presence, minutes.
    Meetings,
    /// Follow-up actions.
    Actions,
    /// Holidays, routekaart, thuiszitter definition, school settings.
    Regional,
    /// The export log.
    Exports,
    /// Backups: the folder, the last good one.
    Backups,
}

/// The payload of [`CHANGED_EVENT`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Changed {
    /// The parts of the store the command changed; every query that shows one of them refreshes.
    pub topics: Vec<Topic>,
}
