import { tick } from 'svelte';
import { api } from '../ipc/api';

let listReported = false;

/** For `cargo xtask bench`: the first list after unlocking is on display (once per start; a
 * no-op in the shell unless the bench is measuring). */
export async function reportFirstList(): Promise<void> {
  if (listReported) return;
  listReported = true;
  await tick();
  requestAnimationFrame(() => void api.firstScreenShown('list'));
}
