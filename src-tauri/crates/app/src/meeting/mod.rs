//! Meetings as use cases: the year schedule, the agenda, the live meeting and its minutes.

mod agenda;
mod live;
mod minutes;
mod schedule;

pub use schedule::ScheduleView;
