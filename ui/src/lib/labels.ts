// Dutch words for the status codes that come over IPC; one table each, used by every screen.
import type { ActionStatus, CasusStatus, MeetingStatus } from '../ipc/gen_types';

export const casusStatusLabel: Record<CasusStatus, string> = {
  aangemeld: 'Aangemeld', lopend: 'Lopend', afgesloten: 'Afgesloten',
};

export const actionStatusLabel: Record<ActionStatus, string> = {
  open: 'Open', gedaan: 'Gedaan', deels: 'Deels', niet_gedaan: 'Niet gedaan', vervallen: 'Vervallen',
};

// A closed meeting is one that was held.
export const meetingStatusLabel: Record<MeetingStatus, string> = {
  gepland: 'Gepland', bezig: 'Bezig', gesloten: 'Gehouden', geannuleerd: 'Geannuleerd',
};
