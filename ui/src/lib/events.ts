// Lines the backend sends as codes with their facts (a timeline event, a reminder, an agenda
// title the builder wrote), worded in the current language through `t`. The backend's own Dutch
// sentence (`text`, `title`) is for tests and the CLI; the screen always words the code, so
// Dutch and English come from one place.

import { t } from '../i18n';
import type { BuiltTitle, ReminderWhat, TimelineEvent } from '../ipc/gen_types';
import { formatDate } from './format';
import { actionStatusLabel, closureReasonLabel, dataCategoryLabel, noteKindLabel } from './labels';

const lower = (word: string | undefined, code: string) => (word ?? code).toLowerCase();

/** One line of a casus's chronologie. */
export function timelineLine(event: TimelineEvent): string {
  const w = t.intake.timeline;
  switch (event.code) {
    case 'registered':
      return w.registered(event.anonymous);
    case 'signal':
      return w.signal(event.source, event.description);
    case 'consentGiven':
      return w.consentGiven(formatDate(event.validUntil));
    case 'consentWithdrawn':
      return w.consentWithdrawn(event.reason);
    case 'note':
      return w.note(
        noteKindLabel[event.noteKind] ?? event.noteKind,
        lower(dataCategoryLabel[event.category], event.category),
        event.private,
        event.excerpt,
      );
    case 'discussed':
      return w.discussed;
    case 'action':
      return w.action(
        event.description,
        event.dueOn ? formatDate(event.dueOn) : null,
        event.status === 'open' ? null : lower(actionStatusLabel[event.status], event.status),
      );
    case 'absenceSnapshot':
      return w.absence(event.moment);
    case 'closed':
      if (event.reason === 'omgezet_naar_benoemd') return w.converted;
      return w.closed(event.reason ? lower(closureReasonLabel[event.reason], event.reason) : null);
    case 'exported':
      return w.exported(event.recipient, event.format, event.encrypted);
  }
}

/** What a reminder asks for. */
export function reminderLine(what: ReminderWhat): string {
  const w = t.intake.reminder;
  switch (what.code) {
    case 'homeFourWeeks':
      return w.homeFourWeeks;
    case 'homeThreeMonths':
      return w.homeThreeMonths;
    case 'retentionEnds':
      return w.retentionEnds;
    case 'consentAge':
      return w.consentAge(what.age);
  }
}

/** A title the agenda builder wrote itself. */
export function builtTitle(built: BuiltTitle): string {
  const w = t.meetings.agenda.builtTitle;
  switch (built.code) {
    case 'opening':
      return w.opening;
    case 'actionReview':
      return w.actionReview(built.open, built.overdue, built.urgent);
    case 'rondvraag':
      return w.rondvraag;
  }
}
