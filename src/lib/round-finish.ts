/**
 * A finish time as the Overview and the board show it: to ten minutes within the next day, to
 * the hour beyond, so an estimate claims no false precision and holds still between polls.
 */
export function roundFinish(at: number, now: number): number {
  const step = at - now < 86_400_000 ? 10 * 60_000 : 60 * 60_000;
  return Math.round(at / step) * step;
}
