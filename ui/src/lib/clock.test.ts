import { describe, expect, it } from 'vitest';
import { clockNow, setClock } from './clock';
import { todayIso } from './format';

describe('the one clock', () => {
  it('counts on from the backend reading, not from the machine date', () => {
    setClock('2027-07-20T21:59:30Z', 1_000);
    expect(clockNow(1_000).toISOString()).toBe('2027-07-20T21:59:30.000Z');
    // Thirty seconds later it is the next day in Amsterdam (summer time, UTC+2).
    expect(todayIso(clockNow(31_000))).toBe('2027-07-21');
  });

  it('keeps the last good reading when handed nonsense', () => {
    setClock('2028-02-29T12:00:00Z', 0);
    setClock('geen datum', 0);
    expect(todayIso(clockNow(0))).toBe('2028-02-29');
  });
});
