import { readPreference, writePreference } from './preference';
import { createStore, useStore } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** index.html's first script reads the same key, so the first paint is already in the theme. */
export const THEME_KEY = 'headroom:theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function storedChoice(): ThemeChoice {
  const stored = readPreference(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

const choice = createStore<ThemeChoice>(storedChoice());

/** The theme shown for a choice: the system's own when the viewer chose none. */
export function resolveTheme(chosen: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return chosen === 'system' ? (systemDark ? 'dark' : 'light') : chosen;
}

function apply() {
  const systemDark = typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
  document.documentElement.dataset.theme = resolveTheme(choice.get(), systemDark);
}

/** Follows the system's theme while the viewer has chosen none. Called once, at start. */
export function followSystemTheme() {
  apply();
  if (typeof matchMedia === 'function') matchMedia(DARK_QUERY).addEventListener('change', apply);
}

export function setThemeChoice(next: ThemeChoice) {
  writePreference(THEME_KEY, next === 'system' ? null : next);
  choice.set(next);
  apply();
}

export function useThemeChoice(): ThemeChoice {
  return useStore(choice);
}
