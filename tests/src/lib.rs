//! Cross-crate stories and end-to-end tests live in `tests/`; this library is empty on purpose.
