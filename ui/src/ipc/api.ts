// Typed commands, one function each; names match src-tauri/src/commands.
import { call } from './invoke';
import type {
  ActionRow, CasusDetail, CasusSummary, DemoSummary, MeetingRow, Member, MonitorCounts,
  NewMember, NewNamedCasus, NewSchoolWithTeam, Overview, PassphraseCheck, Preferences, School,
  SetupOutcome, SetupRequest, StoreStatus, Team, UnlockRequest,
} from './gen_types';

export const api = {
  storeStatus: () => call<StoreStatus>('store_status'),
  keyringAvailable: () => call<boolean>('keyring_available'),
  checkPassphrase: (passphrase: string) => call<PassphraseCheck>('check_passphrase', { passphrase }),
  setupStore: (request: SetupRequest) => call<SetupOutcome>('setup_store', { request }),
  unlock: (request: UnlockRequest) => call<null>('unlock', { request }),
  lock: () => call<null>('lock'),
  changePassphrase: (passphrase: string) => call<null>('change_passphrase', { passphrase }),
  enableKeyring: () => call<null>('enable_keyring'),
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
  listCasussen: (teamId: string | null = null) => call<CasusSummary[]>('list_casussen', { teamId }),
  getCasus: (id: string) => call<CasusDetail>('get_casus', { id }),
  createCasus: (input: NewNamedCasus) => call<CasusSummary>('create_casus', { input }),
  listMeetings: () => call<MeetingRow[]>('list_meetings'),
  listActions: () => call<ActionRow[]>('list_actions'),
  firstScreenShown: (screen: string) => call<null>('first_screen_shown', { screen }),
};
