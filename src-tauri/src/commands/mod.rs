//! Thin command adapters: take the state, call one use case, map the error.

mod casussen;
mod meetings;
mod regional;
mod startup;
mod store;
mod teams;

pub use startup::mark_process_start;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        store::store_status,
        store::keyring_available,
        store::check_passphrase,
        store::setup_store,
        store::unlock,
        store::lock,
        store::change_passphrase,
        store::enable_keyring,
        store::get_preferences,
        store::set_preferences,
        store::load_demo,
        teams::list_teams,
        teams::list_schools,
        teams::list_members,
        teams::create_school_with_team,
        teams::add_member,
        teams::assign_member,
        casussen::list_casussen,
        casussen::get_casus,
        casussen::create_casus,
        casussen::create_anonymous_casus,
        casussen::check_anonymous_text,
        casussen::convert_to_named,
        casussen::add_consent,
        casussen::withdraw_consent,
        casussen::add_gezag_holder,
        casussen::add_signal,
        casussen::update_intake,
        casussen::save_note,
        casussen::share_note,
        casussen::add_absence,
        casussen::set_attendance,
        casussen::link_sibling,
        casussen::resolve_action,
        casussen::close_casus,
        casussen::search,
        regional::get_profile,
        regional::set_profile,
        regional::get_holidays,
        regional::set_holidays,
        regional::get_routekaart,
        regional::set_routekaart,
        regional::get_thuiszitter_definition,
        regional::set_thuiszitter_definition,
        regional::update_school,
        meetings::overview,
        meetings::monitor,
        meetings::list_meetings,
        meetings::list_actions,
        meetings::get_schedule,
        meetings::set_schedule,
        meetings::build_agenda,
        meetings::save_agenda,
        meetings::get_agenda,
        meetings::live_meeting,
        meetings::start_meeting,
        meetings::set_presence,
        meetings::save_block,
        meetings::add_decision,
        meetings::add_action,
        meetings::add_spent,
        meetings::close_meeting,
        meetings::list_organisations,
        startup::first_screen_shown,
    ]
}
