import type { Strings } from './nl';
import { nl } from './nl';

// English is a later addition; until translated, untranslated parts fall back to Dutch.
export const en: Strings = {
  ...nl,
  app: 'Kernteam',
  nav: {
    vandaag: 'Today', casussen: 'Cases', overleggen: 'Meetings', acties: 'Actions',
    monitor: 'Monitor', instellingen: 'Settings', lock: 'Lock',
  },
};
