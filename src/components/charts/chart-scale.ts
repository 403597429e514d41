/** A round number at or above `n`: 1, 2 or 5 times a power of ten. */
function niceCeil(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= n)!;
}

/**
 * The top of a y scale that one spike does not flatten: null (the largest value sets it) unless
 * the largest stands more than twice above the 95th percentile of the values that are not zero,
 * then a round number above that percentile. Bars above it are cut there and marked.
 */
export function clippedTop(values: number[]): number | null {
  const shown = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (shown.length < 5) return null;
  const p95 = shown[Math.floor(0.95 * (shown.length - 1))]!;
  const max = shown.at(-1)!;
  if (max <= 2 * p95) return null;
  return niceCeil(p95 * 1.25);
}
