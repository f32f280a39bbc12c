import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { builtTitle, reminderLine, timelineLine } from './events';

afterEach(() => setLanguage('nl'));

describe('timeline lines', () => {
  it('reads in Dutch as the backend writes them (TimelineEvent::dutch)', () => {
    expect(timelineLine({ code: 'registered', anonymous: true })).toBe('Anonieme bespreking aangemeld');
    expect(timelineLine({ code: 'consentGiven', validUntil: '2027-11-23' })).toBe(
      'Toestemming vastgelegd, geldig tot en met di 23 nov 2027',
    );
    expect(
      timelineLine({
        code: 'note',
        noteKind: 'bespreking',
        category: 'school',
        private: true,
        excerpt: 'Gesprek met mentor',
      }),
    ).toBe('Bespreking (school), alleen voor u: Gesprek met mentor');
    expect(
      timelineLine({
        code: 'action',
        description: 'Observatie in de klas',
        dueOn: '2026-12-15',
        status: 'niet_gedaan',
      }),
    ).toBe('Observatie in de klas (uiterlijk di 15 dec 2026) — niet gedaan');
    expect(timelineLine({ code: 'closed', reason: 'omgezet_naar_benoemd' })).toBe('Omgezet naar een casus op naam');
    expect(timelineLine({ code: 'closed', reason: 'doel_bereikt' })).toBe('Afgesloten: doel bereikt');
    expect(timelineLine({ code: 'closed', reason: 'leerling_verlaat_school' })).toBe(
      'Afgesloten: leerling verlaat de school',
    );
    expect(timelineLine({ code: 'signal', source: 'mentor', description: 'gesprek 2025-10-14' })).toBe(
      'mentor: gesprek 2025-10-14',
    );
    expect(timelineLine({ code: 'exported', recipient: 'jgz', format: 'pdf', encrypted: true })).toBe(
      'Export voor jgz (pdf, versleuteld)',
    );
  });

  it('reads in English with English dates and labels, keeping what users typed', () => {
    setLanguage('en');
    expect(timelineLine({ code: 'registered', anonymous: false })).toBe('Case registered');
    expect(timelineLine({ code: 'consentGiven', validUntil: '2027-11-23' })).toBe(
      'Consent recorded, valid up to and including Tue 23 Nov 2027',
    );
    expect(
      timelineLine({ code: 'action', description: 'Observatie in de klas', dueOn: '2026-12-15', status: 'open' }),
    ).toBe('Observatie in de klas (due Tue 15 Dec 2026)');
    expect(timelineLine({ code: 'absenceSnapshot', moment: 'intake' })).toBe('Absence recorded (at registration)');
    expect(timelineLine({ code: 'discussed' })).toBe('Discussed in the core team');
  });
});

describe('reminders', () => {
  it('words each code in both languages', () => {
    expect(reminderLine({ code: 'consentAge', age: 12 })).toBe(
      'Wordt 12: vraag opnieuw toestemming vóór het volgende overleg.',
    );
    setLanguage('en');
    expect(reminderLine({ code: 'consentAge', age: 16 })).toBe(
      'Turns 16: ask for consent again before the next meeting.',
    );
    expect(reminderLine({ code: 'retentionEnds' })).toMatch(/^Retention period ends/);
  });
});

describe('agenda titles the builder wrote', () => {
  it('reads as the backend writes them in Dutch, and in English', () => {
    expect(builtTitle({ code: 'actionReview', open: 3, overdue: 1, urgent: 0 })).toBe(
      '3 openstaande acties, 1 te laat',
    );
    expect(builtTitle({ code: 'opening' })).toBe('Opening, aanwezigheid en geheimhouding');
    setLanguage('en');
    expect(builtTitle({ code: 'actionReview', open: 1, overdue: 0, urgent: 1 })).toBe(
      '1 open action, 1 urgent in between',
    );
    expect(builtTitle({ code: 'rondvraag' })).toBe('Any other business and date of the next meeting');
  });
});
