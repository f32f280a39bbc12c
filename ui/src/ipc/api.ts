// The typed client of every command is generated from the one command list
// (src-tauri/crates/app/src/commands.rs) into gen_commands.ts; this file adds what the shell
// pushes to the page (its lock and change events) and the status handed over at first load.
import { listen } from '@tauri-apps/api/event';
import type { Changed, StoreStatus } from './gen_types';

export type { Command } from './gen_commands';
export { api, CHANGES, SHOWS } from './gen_commands';

/** The store's state the shell handed to this page's first load (`open_main_window` in
 * src-tauri/src/lib.rs), so the first screen draws without a round trip; null after a reload,
 * when it may be out of date. */
export function handedOverStatus(): StoreStatus | null {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'reload') return null;
  return (window as { __KERNTEAM_FIRST_STATUS__?: StoreStatus }).__KERNTEAM_FIRST_STATUS__ ?? null;
}

/** Runs `then` when the shell locked the store by itself (idle, OS lock); returns the unsubscribe. */
export async function onLockedByShell(then: () => void): Promise<() => void> {
  return subscribe(LOCKED_EVENT, () => then());
}

/** Runs `then` with the topics of every change the shell announces (after any window's write,
 * and later after changes from other laptops); returns the unsubscribe. */
export async function onChanged(then: (changed: Changed) => void): Promise<() => void> {
  return subscribe<Changed>(CHANGED_EVENT, then);
}

async function subscribe<T>(event: string, then: (payload: T) => void): Promise<() => void> {
  try {
    return await listen<T>(event, (e) => then(e.payload));
  } catch {
    // Outside the app (unit tests without the event plugin) nothing is pushed.
    return () => {};
  }
}

/** The event names the shell emits (`src-tauri/src/state.rs` LOCKED_EVENT,
 * `kernteam_app::changes::CHANGED_EVENT`). */
const LOCKED_EVENT = 'kernteam://locked';
const CHANGED_EVENT = 'kernteam://changed';
