//! Exports for a partner (issue 5): the finalised minutes, a casus's overdracht, an
//! organisation's action list and the agenda, minimised per recipient by the domain's rules,
//! previewed exactly as they will leave, written atomically and logged. PDF (AES-256) and DOCX
//! (ECMA-376 agile) leave under a password unless the user confirms otherwise; Markdown cannot be
//! encrypted, so it always needs that recorded confirmation.

mod documents;
mod request;
mod save;

pub use request::{
    ActionListExportRequest, AgendaExportRequest, ExcludedItem, ExportFormat, ExportPreview,
    ExportRequest, MinutesExportRequest, SummaryExportRequest, propose_export_password,
};
