import { readFileSync } from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { resolveTheme, THEME_KEY, type ThemeChoice } from './theme';

/** index.html's first script, which sets the theme before the first paint. */
const firstScript = /<script>([\s\S]*?)<\/script>/.exec(readFileSync('index.html', 'utf8'))![1]!;

afterEach(() => vi.unstubAllGlobals());

it.each<[ThemeChoice, boolean]>([
  ['system', false],
  ['system', true],
  ['light', true],
  ['dark', false],
])(
  "index.html's first script shows what the app would for %s (system dark: %s)",
  (choice, systemDark) => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-color-scheme: dark)' && systemDark,
    }));
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
    delete document.documentElement.dataset.theme;
    new Function(firstScript)();
    expect(document.documentElement.dataset.theme).toBe(resolveTheme(choice, systemDark));
  },
);
