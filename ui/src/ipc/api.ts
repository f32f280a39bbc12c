// Typed commands, one function each; names match src-tauri/src/commands.
import { listen } from '@tauri-apps/api/event';
import { call } from './invoke';
import type {
  AuditCheck, LiveMeeting, MinuteBlock, MinutesBody, MinutesVersion, NewAction, Organisation,
  AbsenceInput, AgendaDraft, DataCategory, AgendaItem, AgendaItemInput, Exception, Recurrence, ScheduleView, ActionRow, ActionStatus, AttendanceInput, CasusDossier, CasusSummary, Closure,
  ConvertToNamed, DemoSummary, GezagHolderInput, HolidayCalendar, IdentifyingText, Intake,
  MeetingRow, Member, MonitorCounts, NewAnonymousCasus, NewConsent, NewMember, NewNamedCasus,
  NewSchoolWithTeam, NewSignal, NoteDraft, Overview, PassphraseCheck, Preferences, RouteStep,
  Role, RouteSuggestion, School, SchoolSettings, SearchHit, SetupOutcome, SetupRequest, StoreStatus,
  Team, ThuiszitterDefinition, UnlockRequest, UrgentAction, MinutesExportRequest, ExportPreview, ExportLogRow,
  SummaryExportRequest, ActionListExportRequest, AgendaExportRequest,
} from './gen_types';

/** The store's state the shell handed to this page's first load (`open_main_window` in
 * src-tauri/src/lib.rs), so the first screen draws without a round trip; null after a reload,
 * when it may be out of date. */
export function handedOverStatus(): StoreStatus | null {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'reload') return null;
  return (window as { __KERNTEAM_FIRST_STATUS__?: StoreStatus }).__KERNTEAM_FIRST_STATUS__ ?? null;
}

/** Runs `then` when the shell locked the store by itself (its idle timer); returns the unsubscribe. */
export async function onLockedByShell(then: () => void): Promise<() => void> {
  try {
    return await listen(LOCKED_EVENT, () => then());
  } catch {
    // Outside the app (tests without the event plugin) there is nobody to lock from Rust.
    return () => {};
  }
}

/** The event name the shell emits (`src-tauri/src/state.rs`, LOCKED_EVENT). */
const LOCKED_EVENT = 'kernteam://locked';

export const api = {
  storeStatus: () => call<StoreStatus>('store_status'),
  keyringAvailable: () => call<boolean>('keyring_available'),
  checkPassphrase: (passphrase: string) => call<PassphraseCheck>('check_passphrase', { passphrase }),
  setupStore: (request: SetupRequest) => call<SetupOutcome>('setup_store', { request }),
  unlock: (request: UnlockRequest) => call<null>('unlock', { request }),
  lock: () => call<null>('lock'),
  noteActivity: () => call<null>('note_activity'),
  changePassphrase: (passphrase: string) => call<null>('change_passphrase', { passphrase }),
  enableKeyring: () => call<null>('enable_keyring'),
  acceptAuditChain: () => call<AuditCheck>('accept_audit_chain'),
  recheckAuditChain: () => call<AuditCheck>('recheck_audit_chain'),
  getPreferences: () => call<Preferences>('get_preferences'),
  setPreferences: (preferences: Preferences) => call<Preferences>('set_preferences', { preferences }),
  loadDemo: () => call<DemoSummary>('load_demo'),
  overview: () => call<Overview>('overview'),
  monitor: () => call<MonitorCounts>('monitor'),
  listTeams: () => call<Team[]>('list_teams'),
  listSchools: () => call<School[]>('list_schools'),
  listMembers: () => call<Member[]>('list_members'),
  createSchoolWithTeam: (input: NewSchoolWithTeam) => call<Team>('create_school_with_team', { input }),
  addMember: (input: NewMember) => call<Member>('add_member', { input }),
  assignMember: (teamId: string, memberId: string, role: Role) => call<Member>('assign_member', { teamId, memberId, role }),
  listCasussen: (teamId: string | null = null) => call<CasusSummary[]>('list_casussen', { teamId }),
  getCasus: (id: string) => call<CasusDossier>('get_casus', { id }),
  createCasus: (input: NewNamedCasus) => call<CasusSummary>('create_casus', { input }),
  createAnonymousCasus: (input: NewAnonymousCasus) => call<CasusSummary>('create_anonymous_casus', { input }),
  checkAnonymousText: (text: string) => call<IdentifyingText[]>('check_anonymous_text', { text }),
  convertToNamed: (input: ConvertToNamed) => call<CasusSummary>('convert_to_named', { input }),
  addConsent: (casusId: string, input: NewConsent) => call<null>('add_consent', { casusId, input }),
  withdrawConsent: (consentId: string, reason: string) => call<null>('withdraw_consent', { consentId, reason }),
  addGezagHolder: (casusId: string, holder: GezagHolderInput) => call<null>('add_gezag_holder', { casusId, holder }),
  addSignal: (casusId: string, signal: NewSignal) => call<RouteSuggestion>('add_signal', { casusId, signal }),
  updateIntake: (casusId: string, intake: Intake) => call<null>('update_intake', { casusId, intake }),
  saveNote: (draft: NoteDraft) => call<null>('save_note', { draft }),
  shareNote: (noteId: string) => call<null>('share_note', { noteId }),
  addAbsence: (input: AbsenceInput) => call<null>('add_absence', { input }),
  setAttendance: (input: AttendanceInput) => call<null>('set_attendance', { input }),
  linkSibling: (casusId: string, siblingId: string, familyNote: string | null) =>
    call<null>('link_sibling', { casusId, siblingId, familyNote }),
  resolveAction: (actionId: string, status: ActionStatus, feedback: string | null) =>
    call<null>('resolve_action', { actionId, status, feedback }),
  closeCasus: (casusId: string, closure: Closure) => call<null>('close_casus', { casusId, closure }),
  search: (text: string) => call<SearchHit[]>('search', { text }),
  getProfile: () => call<Member | null>('get_profile'),
  setProfile: (memberId: string) => call<null>('set_profile', { memberId }),
  getHolidays: () => call<HolidayCalendar>('get_holidays'),
  setHolidays: (calendar: HolidayCalendar) => call<null>('set_holidays', { calendar }),
  getRoutekaart: (region: string | null) => call<RouteStep[]>('get_routekaart', { region }),
  setRoutekaart: (region: string | null, steps: RouteStep[]) => call<null>('set_routekaart', { region, steps }),
  getThuiszitterDefinition: () => call<ThuiszitterDefinition>('get_thuiszitter_definition'),
  setThuiszitterDefinition: (definition: ThuiszitterDefinition) =>
    call<null>('set_thuiszitter_definition', { definition }),
  updateSchool: (settings: SchoolSettings) => call<null>('update_school', { settings }),
  listMeetings: () => call<MeetingRow[]>('list_meetings'),
  getSchedule: (teamId: string) => call<ScheduleView>('get_schedule', { teamId }),
  setSchedule: (teamId: string, recurrence: Recurrence, exceptions: Exception[]) =>
    call<ScheduleView>('set_schedule', { teamId, recurrence, exceptions }),
  buildAgenda: (meetingId: string, themes: string[]) => call<AgendaDraft>('build_agenda', { meetingId, themes }),
  saveAgenda: (meetingId: string, items: AgendaItemInput[]) => call<AgendaItem[]>('save_agenda', { meetingId, items }),
  getAgenda: (meetingId: string) => call<AgendaItem[]>('get_agenda', { meetingId }),
  liveMeeting: (meetingId: string) => call<LiveMeeting>('live_meeting', { meetingId }),
  startMeeting: (meetingId: string) => call<LiveMeeting>('start_meeting', { meetingId }),
  setPresence: (meetingId: string, memberId: string, present: boolean) =>
    call<null>('set_presence', { meetingId, memberId, present }),
  saveBlock: (agendaItemId: string, block: MinuteBlock) => call<null>('save_block', { agendaItemId, block }),
  addDecision: (meetingId: string, agendaItemId: string | null, casusId: string | null, text: string, category: DataCategory = 'school') =>
    call<null>('add_decision', { meetingId, agendaItemId, casusId, text, category }),
  addAction: (input: NewAction) => call<null>('add_action', { input }),
  previewMinutesExport: (request: MinutesExportRequest) => call<ExportPreview>('preview_minutes_export', { request }),
  saveMinutesExport: (request: MinutesExportRequest, password: string | null, unencryptedConfirmed: boolean) =>
    call<string | null>('save_minutes_export', { request, password, unencryptedConfirmed }),
  previewSummaryExport: (request: SummaryExportRequest) => call<ExportPreview>('preview_summary_export', { request }),
  saveSummaryExport: (request: SummaryExportRequest, password: string | null, unencryptedConfirmed: boolean) =>
    call<string | null>('save_summary_export', { request, password, unencryptedConfirmed }),
  previewActionListExport: (request: ActionListExportRequest) => call<ExportPreview>('preview_action_list_export', { request }),
  saveActionListExport: (request: ActionListExportRequest, password: string | null, unencryptedConfirmed: boolean) =>
    call<string | null>('save_action_list_export', { request, password, unencryptedConfirmed }),
  previewAgendaExport: (request: AgendaExportRequest) => call<ExportPreview>('preview_agenda_export', { request }),
  saveAgendaExport: (request: AgendaExportRequest, password: string | null, unencryptedConfirmed: boolean) =>
    call<string | null>('save_agenda_export', { request, password, unencryptedConfirmed }),
  proposeExportPassword: () => call<string>('propose_export_password'),
  exportLog: () => call<ExportLogRow[]>('export_log'),
  logUrgentAction: (input: UrgentAction) => call<null>('log_urgent_action', { input }),
  reviewAction: (meetingId: string, agendaItemId: string, actionId: string, status: ActionStatus, feedback: string | null) =>
    call<null>('review_action', { meetingId, agendaItemId, actionId, status, feedback }),
  closeCasusInMeeting: (meetingId: string, agendaItemId: string, casusId: string, closure: Closure) =>
    call<null>('close_casus_in_meeting', { meetingId, agendaItemId, casusId, closure }),
  editConceptBlock: (meetingId: string, index: number, block: MinuteBlock) =>
    call<null>('edit_concept_block', { meetingId, index, block }),
  addSpent: (agendaItemId: string, seconds: number) => call<null>('add_spent', { agendaItemId, seconds }),
  closeMeeting: (meetingId: string) => call<null>('close_meeting', { meetingId }),
  listOrganisations: () => call<Organisation[]>('list_organisations'),
  exportScheduleIcs: (teamId: string) => call<boolean>('export_schedule_ics', { teamId }),
  getMinutes: (meetingId: string) => call<MinutesVersion[]>('get_minutes', { meetingId }),
  finaliseMinutes: (meetingId: string) => call<null>('finalise_minutes', { meetingId }),
  correctMinutes: (meetingId: string, reason: string, body: MinutesBody | null) =>
    call<number>('correct_minutes', { meetingId, reason, body }),
  listActions: () => call<ActionRow[]>('list_actions'),
  firstScreenShown: (screen: string) => call<null>('first_screen_shown', { screen }),
};
