import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { formatDate, formatDateTime, snippetParts, todayIso } from './format';

describe('Dutch dates', () => {
  it('formats calendar dates as "di 14 okt 2025" without a time-zone shift', () => {
    expect(formatDate('2025-10-14')).toBe('di 14 okt 2025');
    expect(formatDate('2026-03-01')).toBe('zo 1 mrt 2026');
  });
  it('shows instants in Amsterdam time, summer and winter', () => {
    expect(formatDateTime('2025-09-30T07:00:00Z')).toBe('di 30 sep 2025, 09:00');
    expect(formatDateTime('2025-12-02T08:00:00Z')).toBe('di 2 dec 2025, 09:00');
  });
  it('shows a dash for missing dates and keeps unparseable text visible', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('geen datum')).toBe('geen datum');
  });
  it('takes "today" in Amsterdam: 23:30 UTC on 31 Dec is already 1 Jan there', () => {
    expect(todayIso(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });
});

describe('English dates', () => {
  afterEach(() => setLanguage('nl'));
  it('reads "Tue 14 Oct 2025" with the same Amsterdam time', () => {
    setLanguage('en');
    expect(formatDate('2025-10-14')).toBe('Tue 14 Oct 2025');
    expect(formatDateTime('2025-09-30T07:00:00Z')).toBe('Tue 30 Sep 2025, 09:00');
  });
});

describe('snippetParts', () => {
  it('marks matches without building HTML', () => {
    expect(snippetParts('twee [vechtpartijen] en <b>')).toEqual([
      { text: 'twee ', hit: false },
      { text: 'vechtpartijen', hit: true },
      { text: ' en <b>', hit: false },
    ]);
    expect(snippetParts('geen treffer')).toEqual([{ text: 'geen treffer', hit: false }]);
  });
});
