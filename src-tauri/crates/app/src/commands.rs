// The one list of commands the UI may call. An entry names the command, its arguments and
// result, the topics it shows or changes, and the use case it runs:
//
// ```text
// name(arg: Type, ...) -> Result; shows|changes [Topic, ...] = kind { ... }
// ```
//
// `kind` is `session { |s| use_case }` (runs with the session on the blocking pool), `free {
// expr }` (needs no store) or `shell { path }` (a shell function given the app handle, the state
// and the arguments: native dialogs). From this list
// - the shell generates its thin Tauri adapters, the handler and the change events
//   (`src-tauri/src/commands/mod.rs`);
// - `src-tauri/build.rs` declares an `allow-<command>` permission per command;
// - `cargo xtask bindings` writes the TypeScript client (`ui/src/ipc/gen_commands.ts`) and the
//   window's capability (`src-tauri/capabilities/main-window.json`), and `cargo xtask test`
//   fails when either drifts from it.
//
// Types are written as `crate::command_types` exports them (the shell imports the same names).
// `shows` names what a reading screen must refresh on; `changes` what the shell announces after
// the command succeeded. A command that changes what another shows must say so here: the UI
// refreshes by these topics only.

/// Calls `$then! { entries }` with the whole list (the callback pattern lets each consumer
/// expand it its own way; `build.rs` includes this file, so it holds nothing else).
#[macro_export]
macro_rules! for_each_command {
    ($then:ident) => {
        $then! {
            // The store, its keys and the session
            store_status() -> StoreStatus; shows [Store] = session { |s| Ok(s.status()) }
            keyring_available() -> bool; shows [Store] = session { |s| Ok(s.keyring_available()) }
            check_passphrase(passphrase: String) -> PassphraseCheck; shows []
                = free { $crate::check_passphrase(&passphrase) }
            setup_store(request: SetupRequest) -> SetupOutcome; changes [Store]
                = session { |s| s.setup(&request) }
            unlock(request: UnlockRequest) -> (); changes [Store] = session { |s| s.unlock(&request) }
            lock() -> (); changes [Store] = session { |s| { s.lock(); Ok(()) } }
            note_activity() -> (); shows [] = session { |s| { s.note_activity(); Ok(()) } }
            change_passphrase(passphrase: String) -> (); changes [Store]
                = session { |s| s.change_passphrase(&passphrase) }
            enable_keyring() -> (); changes [Store] = session { |s| s.enable_keyring() }
            rotate_keys(passphrase: String) -> String; changes [Store]
                = session { |s| s.rotate_keys(&passphrase) }
            reset_recovery_key() -> String; changes [Store] = session { |s| s.reset_recovery_key() }
            accept_audit_chain() -> AuditCheck; changes [Store]
                = session { |s| s.accept_audit_chain() }
            recheck_audit_chain() -> AuditCheck; shows [Store]
                = session { |s| s.recheck_audit_chain() }
            get_preferences() -> Preferences; shows [Preferences] = session { |s| s.preferences() }
            set_preferences(preferences: Preferences) -> Preferences; changes [Preferences]
                = session { |s| s.set_preferences(&preferences) }
            set_language(language: Language) -> (); changes [Preferences]
                = session { |s| s.set_language(language) }
            load_demo() -> DemoSummary; changes [Store] = session { |s| s.load_demo() }
            first_screen_shown(screen: String) -> (); shows [] = shell { startup::first_screen_shown }

            // Backups and restore
            backup_status() -> BackupStatus; shows [Backups] = session { |s| s.backup_status() }
            choose_backup_folder() -> Option<BackupStatus>; changes [Backups]
                = shell { backups::choose_folder }
            backup_now() -> BackupReport; changes [Backups] = shell { backups::backup_now }
            choose_backup_file() -> Option<BackupFile>; shows [] = shell { backups::choose_file }
            restore_backup(file: String, secret: RestoreSecret, use_keyring: bool) -> RestoreReport;
                changes [Store]
                = session { |s| s.restore_from(std::path::Path::new(&file), &secret, use_keyring) }
            save_full_export(password: String) -> Option<String>; changes [Store]
                = shell { full_export::save }
            import_export_file(password: String) -> Option<ImportSummary>; changes [Store]
                = shell { full_export::import }

            // Teams, schools, people
            list_teams() -> Vec<Team>; shows [Teams] = session { |s| s.teams() }
            list_schools() -> Vec<School>; shows [Teams, Regional] = session { |s| s.schools() }
            list_members() -> Vec<Member>; shows [Teams] = session { |s| s.members() }
            list_organisations() -> Vec<Organisation>; shows [Teams]
                = session { |s| s.organisations() }
            create_school_with_team(input: NewSchoolWithTeam) -> Team; changes [Teams]
                = session { |s| s.create_school_with_team(&input) }
            add_member(input: NewMember) -> Member; changes [Teams]
                = session { |s| s.add_member(&input) }
            assign_member(team_id: TeamId, member_id: MemberId, role: Role) -> Member; changes [Teams]
                = session { |s| s.assign_member(team_id, member_id, role) }
            get_profile() -> Option<Member>; shows [Teams, Preferences]
                = session { |s| s.profile_member() }
            set_profile(member_id: MemberId) -> (); changes [Preferences]
                = session { |s| s.set_profile(member_id) }

            // Casussen
            overview() -> Overview; shows [Casussen, Meetings, Actions, Teams]
                = session { |s| s.overview() }
            monitor() -> MonitorCounts; shows [Casussen, Meetings, Actions]
                = session { |s| s.monitor() }
            list_casussen(team_id: Option<TeamId>) -> Vec<CasusSummary>; shows [Casussen, Actions, Teams]
                = session { |s| s.casussen(team_id) }
            get_casus(id: CasusId) -> CasusDossier; shows [Casussen, Actions, Meetings, Teams, Regional]
                = session { |s| s.dossier(id) }
            search(text: String) -> Vec<SearchHit>; shows [Casussen] = session { |s| s.search(&text) }
            create_casus(input: NewNamedCasus) -> CasusSummary; changes [Casussen]
                = session { |s| s.create_casus(&input) }
            create_anonymous_casus(input: NewAnonymousCasus) -> CasusSummary; changes [Casussen]
                = session { |s| s.create_anonymous_casus(&input) }
            check_anonymous_text(text: String) -> Vec<IdentifyingText>; shows []
                = session { |s| s.check_anonymous_text(&text) }
            convert_to_named(input: ConvertToNamed) -> CasusSummary; changes [Casussen]
                = session { |s| s.convert_to_named(&input) }
            add_consent(casus_id: CasusId, input: NewConsent) -> (); changes [Casussen]
                = session { |s| s.add_consent(casus_id, &input) }
            withdraw_consent(consent_id: ConsentId, reason: String) -> (); changes [Casussen]
                = session { |s| s.withdraw_consent(consent_id, &reason) }
            add_gezag_holder(casus_id: CasusId, holder: GezagHolderInput) -> (); changes [Casussen]
                = session { |s| s.add_gezag_holder(casus_id, &holder) }
            add_signal(casus_id: CasusId, signal: NewSignal) -> RouteSuggestion; changes [Casussen]
                = session { |s| s.add_signal(casus_id, &signal) }
            update_intake(casus_id: CasusId, intake: Intake) -> (); changes [Casussen]
                = session { |s| s.update_intake(casus_id, &intake) }
            save_note(draft: NoteDraft) -> (); changes [Casussen] = session { |s| s.save_note(&draft) }
            share_note(note_id: NoteId) -> (); changes [Casussen]
                = session { |s| s.share_note(note_id) }
            add_absence(input: AbsenceInput) -> (); changes [Casussen]
                = session { |s| s.add_absence(&input) }
            set_attendance(input: AttendanceInput) -> (); changes [Casussen]
                = session { |s| s.set_attendance(&input) }
            link_sibling(casus_id: CasusId, sibling_id: CasusId, family_note: Option<String>) -> ();
                changes [Casussen]
                = session { |s| s.link_sibling(casus_id, sibling_id, family_note.as_deref()) }
            resolve_action(action_id: ActionId, status: ActionStatus, feedback: Option<String>) -> ();
                changes [Actions, Casussen]
                = session { |s| s.resolve_action(action_id, status, feedback.as_deref()) }
            close_casus(casus_id: CasusId, closure: Closure) -> (); changes [Casussen, Actions, Meetings]
                = session { |s| s.close_casus(casus_id, &closure) }

            // Regional settings
            get_holidays() -> HolidayCalendar; shows [Regional] = session { |s| s.holiday_calendar() }
            set_holidays(calendar: HolidayCalendar) -> (); changes [Regional]
                = session { |s| s.set_holiday_calendar(&calendar) }
            get_routekaart(region: Option<String>) -> Vec<RouteStep>; shows [Regional]
                = session { |s| s.routekaart(region.as_deref()) }
            set_routekaart(region: Option<String>, steps: Vec<RouteStep>) -> (); changes [Regional]
                = session { |s| s.set_routekaart(region.as_deref(), &steps) }
            get_thuiszitter_definition() -> ThuiszitterDefinition; shows [Regional]
                = session { |s| s.thuiszitter_definition() }
            set_thuiszitter_definition(definition: ThuiszitterDefinition) -> (); changes [Regional]
                = session { |s| s.set_thuiszitter_definition(definition) }
            update_school(settings: SchoolSettings) -> (); changes [Regional, Teams]
                = session { |s| s.update_school(&settings) }

            // Meetings: the year, the agenda, the live meeting, the minutes
            list_meetings() -> Vec<MeetingRow>; shows [Meetings] = session { |s| s.meetings() }
            list_actions() -> Vec<ActionRow>; shows [Actions, Casussen, Meetings]
                = session { |s| s.actions() }
            get_schedule(team_id: TeamId) -> ScheduleView; shows [Meetings, Regional]
                = session { |s| s.schedule(team_id) }
            set_schedule(team_id: TeamId, recurrence: Recurrence, exceptions: Vec<Exception>)
                -> ScheduleView; changes [Meetings]
                = session { |s| s.set_schedule(team_id, &recurrence, &exceptions) }
            export_schedule_ics(team_id: TeamId) -> bool; shows [] = shell { meetings::export_schedule_ics }
            build_agenda(meeting_id: MeetingId, themes: Vec<String>) -> AgendaDraft;
                shows [Meetings, Casussen, Actions]
                = session { |s| s.build_agenda(meeting_id, &themes) }
            save_agenda(meeting_id: MeetingId, items: Vec<AgendaItemInput>) -> Vec<AgendaItem>;
                changes [Meetings] = session { |s| s.save_agenda(meeting_id, &items) }
            get_agenda(meeting_id: MeetingId) -> Vec<AgendaItem>; shows [Meetings]
                = session { |s| s.agenda(meeting_id) }
            live_meeting(meeting_id: MeetingId) -> LiveMeeting; shows [Meetings, Actions, Casussen]
                = session { |s| s.live_meeting(meeting_id) }
            start_meeting(meeting_id: MeetingId) -> LiveMeeting; changes [Meetings]
                = session { |s| s.start_meeting(meeting_id) }
            set_presence(meeting_id: MeetingId, member_id: MemberId, present: bool) -> ();
                changes [Meetings] = session { |s| s.set_presence(meeting_id, member_id, present) }
            save_block(agenda_item_id: AgendaItemId, block: MinuteBlock) -> (); changes [Meetings]
                = session { |s| s.save_block(agenda_item_id, &block) }
            add_decision(meeting_id: MeetingId, agenda_item_id: Option<AgendaItemId>,
                casus_id: Option<CasusId>, text: String, category: Option<DataCategory>) -> ();
                changes [Meetings, Casussen]
                = session { |s| s.add_decision(meeting_id, agenda_item_id, casus_id, &text,
                    category.unwrap_or_default()) }
            add_action(input: NewAction) -> (); changes [Actions, Meetings, Casussen]
                = session { |s| s.add_action(&input) }
            log_urgent_action(input: UrgentAction) -> (); changes [Actions, Meetings, Casussen]
                = session { |s| s.log_urgent_action(&input) }
            review_action(meeting_id: MeetingId, agenda_item_id: AgendaItemId, action_id: ActionId,
                status: ActionStatus, feedback: Option<String>) -> ();
                changes [Actions, Meetings, Casussen]
                = session { |s| s.review_action(meeting_id, agenda_item_id, action_id, status,
                    feedback.as_deref()) }
            close_casus_in_meeting(meeting_id: MeetingId, agenda_item_id: AgendaItemId,
                casus_id: CasusId, closure: Closure) -> ();
                changes [Casussen, Meetings, Actions]
                = session { |s| s.close_casus_in_meeting(meeting_id, agenda_item_id, casus_id,
                    &closure) }
            edit_concept_block(meeting_id: MeetingId, index: u32, block: MinuteBlock) -> ();
                changes [Meetings] = session { |s| s.edit_concept_block(meeting_id, index, &block) }
            add_spent(agenda_item_id: AgendaItemId, seconds: u32) -> (); changes [Meetings]
                = session { |s| s.add_spent(agenda_item_id, seconds) }
            close_meeting(meeting_id: MeetingId) -> (); changes [Meetings, Actions, Casussen]
                = session { |s| s.close_meeting(meeting_id) }
            get_minutes(meeting_id: MeetingId) -> Vec<MinutesVersion>; shows [Meetings]
                = session { |s| s.minutes(meeting_id) }
            finalise_minutes(meeting_id: MeetingId) -> (); changes [Meetings, Casussen]
                = session { |s| s.finalise_minutes(meeting_id) }
            correct_minutes(meeting_id: MeetingId, reason: String, body: Option<MinutesBody>) -> u32;
                changes [Meetings]
                = session { |s| s.correct_minutes(meeting_id, &reason, body.as_ref()) }

            // Exports for partners: preview, save through the native dialog, the log
            preview_minutes_export(request: MinutesExportRequest) -> ExportPreview;
                shows [Meetings, Casussen] = session { |s| s.preview_export(&request) }
            save_minutes_export(request: MinutesExportRequest, password: Option<String>,
                unencrypted_confirmed: bool) -> Option<String>; changes [Exports]
                = shell { exports::save }
            preview_summary_export(request: SummaryExportRequest) -> ExportPreview;
                shows [Casussen, Meetings, Actions] = session { |s| s.preview_export(&request) }
            save_summary_export(request: SummaryExportRequest, password: Option<String>,
                unencrypted_confirmed: bool) -> Option<String>; changes [Exports]
                = shell { exports::save }
            preview_action_list_export(request: ActionListExportRequest) -> ExportPreview;
                shows [Actions, Casussen] = session { |s| s.preview_export(&request) }
            save_action_list_export(request: ActionListExportRequest, password: Option<String>,
                unencrypted_confirmed: bool) -> Option<String>; changes [Exports]
                = shell { exports::save }
            preview_agenda_export(request: AgendaExportRequest) -> ExportPreview;
                shows [Meetings, Casussen] = session { |s| s.preview_export(&request) }
            save_agenda_export(request: AgendaExportRequest, password: Option<String>,
                unencrypted_confirmed: bool) -> Option<String>; changes [Exports]
                = shell { exports::save }
            propose_export_password() -> String; shows [] = free { $crate::propose_export_password() }
            export_log() -> Vec<ExportLogRow>; shows [Exports] = session { |s| s.export_log() }
        }
    };
}
