// The UI's data layer: a read that stays current. A screen asks for a command with its
// arguments; the layer fetches it (one request for all screens asking the same thing at once),
// and fetches again whenever the shell announces a change to a topic the command shows — a
// write in this window or another, an import, later a bundle from another laptop. Screens never
// reload by hand after a write.
import { untrack } from 'svelte';
import { api, type Command, onChanged, SHOWS } from './api';
import type { Topic } from './gen_types';
import { messageOf } from './invoke';

type Api = typeof api;
export type Args<K extends Command> = Parameters<Api[K]>;
export type Result<K extends Command> = Awaited<ReturnType<Api[K]>>;

/** Whether a change to `topics` can alter what `command` returns. */
export function affects(command: Command, topics: readonly Topic[]): boolean {
  if (topics.includes('Store')) return true;
  const shown = SHOWS[command] ?? [];
  return topics.some((topic) => shown.includes(topic));
}

/** The key a read is shared under: the command and its arguments. */
export function keyOf(command: Command, args: readonly unknown[]): string {
  return `${command}:${JSON.stringify(args)}`;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Runs the read, or joins the same read already under way. */
function fetchShared<K extends Command>(command: K, args: Args<K>): Promise<Result<K>> {
  const key = keyOf(command, args);
  const running = inFlight.get(key);
  if (running) return running as Promise<Result<K>>;
  const run = (api[command] as (...a: Args<K>) => Promise<Result<K>>)(...args);
  const shared = run.finally(() => inFlight.delete(key));
  inFlight.set(key, shared);
  return shared;
}

type Refresher = (topics: readonly Topic[]) => void;
const refreshers = new Set<Refresher>();
let listening = false;

/** Hands every announced change to the live queries (one listener for the whole page). */
function listenOnce(): void {
  if (listening) return;
  listening = true;
  void onChanged((changed) => announce(changed.topics));
}

/** Tells every live query that `topics` changed; the shell's event arrives here. */
export function announce(topics: readonly Topic[]): void {
  for (const refresh of [...refreshers]) refresh(topics);
}

export interface Query<T> {
  /** The latest result; undefined until the first read returned. */
  readonly data: T | undefined;
  /** The Dutch message of the last failed read, or ''. */
  readonly error: string;
  readonly loading: boolean;
  /** Reads again now. */
  refresh(): Promise<void>;
}

/**
 * A read that stays current. Call it while a component initialises (it uses effects, so it
 * lives and stops with the component). `args` is read reactively: when what it reads changes,
 * the query follows; return null to wait (for example until an id is chosen).
 */
export function query<K extends Command>(command: K, args: () => Args<K> | null): Query<Result<K>> {
  let data = $state<Result<K> | undefined>(undefined);
  let error = $state('');
  let loading = $state(true);
  let current: Args<K> | null = null;
  let generation = 0;

  async function load(): Promise<void> {
    const asked = current;
    if (!asked) return;
    const mine = ++generation;
    loading = true;
    try {
      const value = await fetchShared(command, asked);
      if (mine === generation) {
        data = value;
        error = '';
      }
    } catch (e) {
      if (mine === generation) error = messageOf(e);
    } finally {
      if (mine === generation) loading = false;
    }
  }

  $effect(() => {
    const next = args();
    untrack(() => {
      const changedKey = !current || !next || keyOf(command, current) !== keyOf(command, next);
      current = next;
      if (changedKey) data = undefined;
      void load();
    });
  });

  $effect(() => {
    listenOnce();
    const refresh: Refresher = (topics) => {
      if (affects(command, topics)) void load();
    };
    refreshers.add(refresh);
    return () => {
      refreshers.delete(refresh);
    };
  });

  return {
    get data() {
      return data;
    },
    get error() {
      return error;
    },
    get loading() {
      return loading;
    },
    refresh: load,
  };
}

/** A form field's copy of a read value. It takes each new read while it still shows the read
 * before (so a refresh after a save, or a change made elsewhere, arrives), and keeps a value the
 * user changed and has not saved yet. Bind to `.value`. */
export function followRead<T>(read: () => T | undefined, initial: T): { value: T } {
  let value = $state(initial);
  let last: T | undefined;
  $effect(() => {
    const next = read();
    if (next === undefined) return;
    untrack(() => {
      if (last === undefined || value === last) value = next;
      last = next;
    });
  });
  return {
    get value() {
      return value;
    },
    set value(next: T) {
      value = next;
    },
  };
}
