import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportActivity, watchIdle } from './idle';

describe('auto-lock after idle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once after the idle period', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 5, onIdle);
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('restarts the clock on keyboard and mouse activity', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 1, onIdle);
    vi.advanceTimersByTime(50_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('mousemove'));
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires after stop (manual lock)', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const watch = watchIdle(target, 1, onIdle);
    watch.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('activity reported to the shell', () => {
  it('reports the first sign of a person, then not again within the interval', () => {
    const target = new EventTarget();
    const report = vi.fn();
    const stop = reportActivity(target, 20_000, report);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('mousemove'));
    expect(report).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(new Event('keydown'));
    expect(report).toHaveBeenCalledTimes(1);
  });
});
