// The one way a screen reports a failed write: the Dutch message from the backend, and the
// field it concerns (so the form can point at it). Replaces the catch block each form wrote.
import { CommandError, messageOf } from './invoke';

export class Failure {
  message = $state('');
  field = $state<string | null>(null);

  /** Runs `work`; on failure shows its message and returns undefined. Clears an older failure. */
  async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.clear();
    try {
      return await work();
    } catch (e) {
      this.show(e);
      return undefined;
    }
  }

  show(e: unknown): void {
    this.message = messageOf(e);
    this.field = e instanceof CommandError ? e.field : null;
  }

  clear(): void {
    this.message = '';
    this.field = null;
  }
}
