/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// What users type must reach the page as text. Svelte's `{…}` escapes; these are the ways
// around it. The real-window XSS stories prove the screens they visit; this keeps a screen
// they do not visit from gaining a way around.
const sources = import.meta.glob(['../**/*.svelte', '../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const bypasses = [
  /\{@html\b/,
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /insertAdjacentHTML/,
  /document\.write/,
  /\bnew Function\b/,
  /\beval\(/,
  /createContextualFragment/,
];

describe('text is never put into the page as HTML', () => {
  it('finds the UI sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    expect(Object.keys(sources)).toContain('../App.svelte');
  });
  it('no source uses {@html}, innerHTML or another way to turn text into markup', () => {
    const found = Object.entries(sources).flatMap(([path, text]) =>
      bypasses.filter((b) => b.test(text)).map((b) => `${path}: ${b.source}`),
    );
    expect(found).toEqual([]);
  });
});
