/** A choice of this browser's viewer (theme, time zone), kept in localStorage. */
export function readPreference(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage blocked: the default, every visit.
    return null;
  }
}

/** Stores `value`, or forgets the choice when null; a blocked storage keeps it for this visit. */
export function writePreference(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Kept in memory by the caller's store only.
  }
}
