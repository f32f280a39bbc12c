// Auto-lock: after `minutes` without keyboard, mouse or touch, `onIdle` runs once.
export interface IdleWatch {
  stop(): void;
  /** Counts as activity; exposed for tests and for the app's own keyboard shortcuts. */
  poke(): void;
}

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function watchIdle(target: EventTarget, minutes: number, onIdle: () => void): IdleWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      stopped = true;
      for (const e of EVENTS) target.removeEventListener(e, arm);
      onIdle();
    }, minutes * 60_000);
  };
  for (const e of EVENTS) target.addEventListener(e, arm, { passive: true });
  arm();
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const e of EVENTS) target.removeEventListener(e, arm);
    },
    poke: arm,
  };
}

/**
 * Tells the shell a person is here, at most once per `everyMs`: the shell's own idle timer (the
 * one the page cannot skip) counts from the last report.
 */
export function reportActivity(target: EventTarget, everyMs: number, report: () => void): () => void {
  let last = -Infinity;
  const seen = (event: Event) => {
    if (event.timeStamp - last < everyMs) return;
    last = event.timeStamp;
    report();
  };
  for (const e of EVENTS) target.addEventListener(e, seen, { passive: true });
  return () => {
    for (const e of EVENTS) target.removeEventListener(e, seen);
  };
}
