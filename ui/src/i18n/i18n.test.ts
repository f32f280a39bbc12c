// Words live in one place: every key in both languages, and no user-visible text written into
// a component.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';

/** Every key path with the kind of its value: a string, or a function and its arity. */
function shape(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'function') out.set(path, `function/${value.length}`);
  else if (typeof value === 'string') out.set(path, value.trim() === '' ? 'empty' : 'string');
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) shape(inner, path ? `${path}.${key}` : key, out);
  }
  return out;
}

/** Every component's source, read by Vite as text. */
const components = import.meta.glob<string>('../**/*.svelte', { query: '?raw', import: 'default', eager: true });

/** The text with every `{…}` (expressions, blocks) cut out, braces counted, strings skipped. */
function withoutExpressions(text: string): string {
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (depth === 0) {
      if (c === '{') depth = 1;
      else out += c;
      continue;
    }
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) out += ' ';
    }
  }
  return out;
}

// Key names and symbols a person reads the same in every language.
const KEY_NAMES = /^(Alt|Shift|Ctrl|Tab|Enter|Esc|Space|F\d{1,2}|PDF|DOCX|SHA-256|Markdown|Kernteam)$/;

/** User-visible text written straight into a component's markup or its attributes. */
function hardCodedIn(source: string): string[] {
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const found: string[] = [];
  const bare = withoutExpressions(markup);
  for (const m of bare.matchAll(/\b(placeholder|title|aria-label|aria-description|alt|label)="([^"]*)"/g)) {
    if (/\p{L}{2,}/u.test(m[2])) found.push(`${m[1]}="${m[2]}"`);
  }
  const text = bare.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/g, ' ');
  for (const word of text.split(/\s+/)) {
    const letters = word.replace(/[^\p{L}\d+-]/gu, '');
    if (/\p{L}{2,}/u.test(letters) && !KEY_NAMES.test(letters.replace(/\+.*$/, ''))) found.push(word);
  }
  const script = (/<script[^>]*>([\s\S]*?)<\/script>/.exec(source)?.[1] ?? '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
  for (const m of script.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) {
    const literal = m[2];
    // Prose: words with a space and a capital or a sentence's punctuation; never a CSS class
    // list, a test id or a code.
    if (/\p{L}{2,}\s+\p{L}/u.test(literal) && (/^\p{Lu}/u.test(literal) || /[.,:;!?…]/.test(literal))) {
      found.push(literal);
    }
  }
  return found;
}

describe('words in one place', () => {
  it('English has every key of Dutch, of the same kind, and nothing else', () => {
    const dutch = shape(nl);
    const english = shape(en);
    expect([...english.keys()].filter((k) => !dutch.has(k))).toEqual([]);
    expect([...dutch.keys()].filter((k) => !english.has(k))).toEqual([]);
    for (const [key, kind] of dutch) expect(`${key}: ${english.get(key)}`).toBe(`${key}: ${kind}`);
    expect([...english.entries()].filter(([, kind]) => kind === 'empty')).toEqual([]);
  });

  it('no component writes user-visible text of its own', () => {
    expect(Object.keys(components).length).toBeGreaterThan(30);
    const offenders = Object.entries(components).flatMap(([file, source]) =>
      hardCodedIn(source).map((text) => `${file}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds text written into markup, attributes and scripts (the check itself works)', () => {
    expect(hardCodedIn('<p>Opgeslagen</p>')).toEqual(['Opgeslagen']);
    expect(hardCodedIn('<input placeholder="Zoek in casussen" />')).toEqual(['placeholder="Zoek in casussen"']);
    expect(hardCodedIn("<script>error = 'Er ging iets mis.';</script><p>{t.x}</p>")).toEqual(['Er ging iets mis.']);
    expect(hardCodedIn('<p class="muted small" data-testid="x">{t.a.b} — {n}</p>')).toEqual([]);
  });
});
