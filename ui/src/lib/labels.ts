// The words for the status codes that come over IPC, in the current language: each table reads
// through `t.labels` (i18n/nl/labels.ts, i18n/en/labels.ts), so a change of language shows at once.

import { type Messages, t } from '../i18n';
import type { ConsentStatus } from '../ipc/gen_types';

type Tables = Omit<Messages['labels'], 'consent' | 'noOwner' | 'noPersonNamed'>;

/** A table that answers from the current language and can be listed like a plain object
 * (`Object.keys`, `Object.entries`, `in`), as the pickers do. */
function table<K extends keyof Tables>(key: K): Tables[K] {
  const current = () => t.labels[key] as Record<string, string>;
  return new Proxy({} as Tables[K], {
    get: (_target, code) => current()[code as string],
    has: (_target, code) => code in current(),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, code) =>
      code in current()
        ? { enumerable: true, configurable: true, writable: false, value: current()[code as string] }
        : undefined,
  });
}

export const casusStatusLabel = table('casusStatus');
export const actionStatusLabel = table('actionStatus');
export const meetingStatusLabel = table('meetingStatus');
export const signalCategoryLabel = table('signalCategory');
export const dataCategoryLabel = table('dataCategory');
export const noteKindLabel = table('noteKind');
export const hulpvraagKindLabel = table('hulpvraagKind');
export const closureReasonLabel = table('closureReason');
export const timelineKindLabel = table('timelineKind');
export const organisationKindLabel = table('organisationKind');
export const identifyingKindLabel = table('identifyingKind');
export const agendaKindLabel = table('agendaKind');
export const roleLabel = table('role');
export const schoolKindLabel = table('schoolKind');
export const urgencyLabel = table('urgency');
export const searchHitKindLabel = table('searchHitKind');

/** "volledig", "onvolledig: ontbreekt vader en de leerling", … */
export function consentLabel(status: ConsentStatus): string {
  return t.labels.consent(status);
}
