//! The whole store as an interchange document, and an import that is all-or-nothing (one
//! transaction) and idempotent by id (a record that exists is left as it is).

mod checks;
mod export;
mod import;

pub use import::ImportCounts;
