import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AutosaveState, createAutosave } from './autosave';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once, shortly after the last keystroke, with the newest text', async () => {
    const saved: string[] = [];
    const states: AutosaveState[] = [];
    const a = createAutosave<string>(
      async (v) => {
        saved.push(v);
      },
      (s) => states.push(s),
      300,
    );
    a.change('N');
    a.change('No');
    a.change('Noo');
    await vi.advanceTimersByTimeAsync(299);
    expect(saved, 'nothing before the pause').toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved, 'one write with the latest text').toEqual(['Noo']);
    expect(states.at(-1)).toBe('saved');
  });

  it('never overlaps writes and keeps what was typed during a slow save', async () => {
    let release: () => void = () => {};
    const saved: string[] = [];
    const a = createAutosave<string>(
      (v) =>
        new Promise<void>((r) => {
          saved.push(v);
          release = r;
        }),
      () => {},
      10,
    );
    a.change('a');
    await vi.advanceTimersByTimeAsync(10);
    a.change('ab');
    await vi.advanceTimersByTimeAsync(10);
    expect(saved, 'second write waits for the first').toEqual(['a']);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['a', 'ab']);
    release();
    await a.flush();
    expect(a.state).toBe('saved');
  });

  it('flush writes pending text at once and reports failures', async () => {
    const errors: unknown[] = [];
    const a = createAutosave<string>(
      async () => {
        throw new Error('disk');
      },
      (s, e) => {
        if (s === 'error') errors.push(e);
      },
      1000,
    );
    a.change('x');
    await a.flush();
    expect(errors.length).toBe(1);
    expect(a.state).toBe('error');
  });
});
