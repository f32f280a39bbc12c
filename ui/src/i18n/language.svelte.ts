// The UI's language. Every user-visible word is read through `t`, which answers from the
// current language's dictionary; reading `t.x.y` in a template or a $derived follows a change
// of language at once. So: never copy a string out of `t` into a plain const at start-up (it
// would keep the old language) — read it where it is shown, or in a $derived.
//
// Rules for the dictionaries (nl.ts / en.ts and their area files under nl/ and en/):
// - Dutch is the source; English has exactly the same keys (the type checker and i18n.test.ts
//   fail otherwise).
// - A message with values is a function: `overdue: (n: number) => \`${n} te laat\``.
// - The domain's own words that have no English equal (casus, kernteam, leerplicht,
//   thuiszitter, samenwerkingsverband) may stay Dutch in English, explained once where useful.

import type { Language } from '../ipc/gen_types';
import { en } from './en';
import { type Messages, nl } from './nl';

export type { Language, Messages };

const dictionaries: Record<Language, Messages> = { nl, en };
const current = $state<{ language: Language }>({ language: 'nl' });

/** The language the UI speaks now. */
export function language(): Language {
  return current.language;
}

/** Switches every screen to `language` (the choice itself is kept by the backend). */
export function setLanguage(language: Language): void {
  current.language = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The words of the current language. */
export const t: Messages = new Proxy({} as Messages, {
  get: (_target, key) => dictionaries[current.language][key as keyof Messages],
});

/** The BCP 47 locale for dates and numbers in the current language. */
export function locale(): string {
  return current.language === 'en' ? 'en-GB' : 'nl-NL';
}
