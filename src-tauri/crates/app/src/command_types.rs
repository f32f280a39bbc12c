//! The names the command list (`commands.rs`) writes its argument and result types with. The
//! shell and the TypeScript generator import this module whole, so the list resolves the same
//! way in both.

pub use crate::demo::DemoSummary;
pub use crate::{
    ActionListExportRequest, AgendaExportRequest, AuditCheck, ExportPreview, Language,
    MinutesExportRequest, Overview, PassphraseCheck, Preferences, ScheduleView, SchoolSettings,
    SetupOutcome, SetupRequest, StoreStatus, SummaryExportRequest, UnlockRequest,
};
pub use crate::{
    BackupFile, BackupReport, BackupStatus, ImportSummary, RestoreReport, RestoreSecret,
};
pub use kernteam_domain::agenda::{AgendaDraft, AgendaItem, AgendaItemInput};
pub use kernteam_domain::anonymity::IdentifyingText;
pub use kernteam_domain::casus::{Closure, Intake, RouteStep};
pub use kernteam_domain::live::{
    LiveMeeting, MinuteBlock, MinutesBody, MinutesVersion, NewAction, UrgentAction,
};
pub use kernteam_domain::schedule::{Exception, Recurrence};
pub use kernteam_domain::verzuim::{HolidayCalendar, ThuiszitterDefinition};
pub use kernteam_domain::{
    AbsenceInput, ActionId, ActionRow, ActionStatus, AgendaItemId, AttendanceInput, CasusDossier,
    CasusId, CasusSummary, ConsentId, ConvertToNamed, DataCategory, ExportLogRow, GezagHolderInput,
    MeetingId, MeetingRow, Member, MemberId, MonitorCounts, NewAnonymousCasus, NewConsent,
    NewMember, NewNamedCasus, NewSchoolWithTeam, NewSignal, NoteDraft, NoteId, Organisation, Role,
    RouteSuggestion, School, SearchHit, Team, TeamId,
};
