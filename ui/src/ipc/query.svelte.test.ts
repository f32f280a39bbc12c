import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { affects, keyOf, query } from './query.svelte';

/** Waits until the pending promises (IPC mock, event delivery) have run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
}

describe('the data layer', () => {
  afterEach(() => clearMocks());

  it('knows which changes alter which reads, from the command list', () => {
    expect(affects('listCasussen', ['Casussen'])).toBe(true);
    expect(affects('listCasussen', ['Exports'])).toBe(false);
    expect(affects('exportLog', ['Exports'])).toBe(true);
    // A change of the store itself (unlocked, demo loaded) alters everything shown.
    expect(affects('listMeetings', ['Store'])).toBe(true);
    expect(keyOf('getCasus', ['a'])).not.toBe(keyOf('getCasus', ['b']));
  });

  it('shows a change announced by the shell without a reload, and ignores unrelated ones', async () => {
    let rows = [{ id: 'c1' }];
    let reads = 0;
    mockIPC(
      (cmd) => {
        if (cmd === 'list_casussen') {
          reads += 1;
          return rows;
        }
        return null;
      },
      { shouldMockEvents: true },
    );

    let live: ReturnType<typeof query<'listCasussen'>> | undefined;
    const stop = $effect.root(() => {
      live = query('listCasussen', () => [null]);
    });
    await settle();
    expect(live?.data).toEqual([{ id: 'c1' }]);
    expect(reads).toBe(1);

    // Another window (or an import) adds a casus; the shell announces it.
    rows = [{ id: 'c1' }, { id: 'c2' }];
    await emit('kernteam://changed', { topics: ['Casussen'] });
    await settle();
    expect(live?.data).toEqual([{ id: 'c1' }, { id: 'c2' }]);
    expect(reads).toBe(2);

    await emit('kernteam://changed', { topics: ['Exports'] });
    await settle();
    expect(reads).toBe(2);

    stop();
    await emit('kernteam://changed', { topics: ['Casussen'] });
    await settle();
    expect(reads).toBe(2);
  });

  it('shares one request between screens asking the same, and follows its arguments', async () => {
    const asked: string[] = [];
    mockIPC(
      (cmd, args) => {
        if (cmd === 'get_casus') {
          const id = (args as { id: string }).id;
          asked.push(id);
          return { id };
        }
        return null;
      },
      { shouldMockEvents: true },
    );

    let id = $state('a');
    let first: ReturnType<typeof query<'getCasus'>> | undefined;
    let second: ReturnType<typeof query<'getCasus'>> | undefined;
    const stop = $effect.root(() => {
      first = query('getCasus', () => [id]);
      second = query('getCasus', () => [id]);
    });
    await settle();
    expect(asked).toEqual(['a']);
    expect(first?.data).toEqual({ id: 'a' });
    expect(second?.data).toEqual({ id: 'a' });

    id = 'b';
    await settle();
    expect(first?.data).toEqual({ id: 'b' });
    expect(asked).toEqual(['a', 'b']);
    stop();
  });

  it('keeps the Dutch message of a failed read', async () => {
    mockIPC(
      () => {
        throw { code: 'Locked', message: 'De gegevens zijn vergrendeld.', field: null };
      },
      { shouldMockEvents: true },
    );
    let live: ReturnType<typeof query<'listTeams'>> | undefined;
    const stop = $effect.root(() => {
      live = query('listTeams', () => []);
    });
    await settle();
    expect(live?.error).toBe('De gegevens zijn vergrendeld.');
    expect(live?.loading).toBe(false);
    stop();
  });
});
