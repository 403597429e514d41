/**
 * Loads ICU's data on another core while the page's code and data download: the first
 * Intl formatter on the main thread would otherwise be one long task in the first render.
 */
export function warmIntlOffMainThread() {
  if (typeof Worker === 'undefined') return;
  try {
    new Worker(new URL('./intl-warmup.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // A browser that refuses workers still formats, only later on the main thread.
  }
}
