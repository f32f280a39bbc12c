// The one clock is the backend's (`kernteam_domain::clock`, handed over in every StoreStatus):
// the page never reads the machine's date. It keeps the last reading and counts on from it with
// the monotonic `performance.now()`, so "today" and "overdue" agree with the backend, also when
// tests fix the backend's clock.

let reading: { epochMs: number; at: number } | null = null;

/** Takes the backend's reading (an RFC 3339 instant). */
export function setClock(nowIso: string, at: number = performance.now()): void {
  const epochMs = Date.parse(nowIso);
  if (!Number.isNaN(epochMs)) reading = { epochMs, at };
}

/** Now, counted on from the backend's last reading. */
export function clockNow(at: number = performance.now()): Date {
  if (reading === null) throw new Error('the clock is read before the backend gave its reading');
  return new Date(reading.epochMs + (at - reading.at));
}

/** Milliseconds on a monotonic clock: for durations (a meeting's elapsed time), never dates. */
export function monotonicMs(): number {
  return performance.now();
}
