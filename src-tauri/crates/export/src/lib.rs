//! Kernteam's documents (minutes, summaries, action lists as PDF, DOCX and Markdown): model in,
//! bytes out. Empty until the partner exports (issue 5); it exists now so the layout and the
//! dependency arrows (app → export → domain) are fixed from the start.
