/** n / d as a percentage with two decimals; null when d is 0. */
export const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);
