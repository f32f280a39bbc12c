// Autosave for free text: each change is written shortly after the last keystroke, so a
// crash or kill loses at most that short moment. Writes never overlap; the newest value wins.
export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Autosave<T> {
  change(value: T): void;
  flush(): Promise<void>;
  readonly state: AutosaveState;
}

export function createAutosave<T>(
  save: (value: T) => Promise<unknown>,
  onState: (state: AutosaveState, error?: unknown) => void,
  delayMs = 300,
): Autosave<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued: { value: T } | undefined;
  let running: Promise<void> | undefined;
  let state: AutosaveState = 'idle';
  const set = (next: AutosaveState, error?: unknown) => {
    state = next;
    onState(next, error);
  };

  async function run(): Promise<void> {
    while (queued) {
      const { value } = queued;
      queued = undefined;
      set('saving');
      try {
        await save(value);
        if (!queued) set('saved');
      } catch (error) {
        set('error', error);
        return;
      }
    }
  }

  function start(): Promise<void> {
    if (!running)
      running = run().finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    change(value: T) {
      queued = { value };
      set('pending');
      clearTimeout(timer);
      timer = setTimeout(() => void start(), delayMs);
    },
    async flush() {
      clearTimeout(timer);
      if (running) await running;
      if (queued) await start();
    },
    get state() {
      return state;
    },
  };
}
