//! The people: schools, kernteams and members, and who uses this laptop.

mod profile;
mod roster;
