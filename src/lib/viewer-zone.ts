import { knownTimeZone } from '../../contract/zoned-formatter';
import { readPreference, writePreference } from './preference';
import { createStore, useStore } from './store';

const ZONE_KEY = 'headroom:timezone';

let browser: string | undefined;

/** The timezone this browser reports. */
export function browserZone(): string {
  return (browser ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

function storedZone(): string | null {
  const stored = readPreference(ZONE_KEY);
  return stored && knownTimeZone(stored) ? stored : null;
}

/** The zone the viewer chose in Settings; null: the browser's. */
const chosen = createStore<string | null>(storedZone());

export function chosenZone(): string | null {
  return chosen.get();
}

/** Chooses the zone every time not about a campaign's calling is shown in; null for the browser's. */
export function setViewerZone(zone: string | null) {
  const next = zone === browserZone() ? null : zone;
  writePreference(ZONE_KEY, next);
  chosen.set(next);
}

/** The viewer's zone (chosen, else the browser's), re-rendering when it is changed. */
export function useViewerZone(): string {
  return useStore(chosen) ?? browserZone();
}
