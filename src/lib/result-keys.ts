/** `qualification.interested` → `['qualification', 'interested']`; a key without a dot is both. */
export function splitResultKey(key: string): [metric: string, criterion: string] {
  const dot = key.indexOf('.');
  return dot === -1 ? [key, key] : [key.slice(0, dot), key.slice(dot + 1)];
}

/** Items grouped by the metric of their key, in the order they came. */
export function groupByMetric<T>(items: T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const [metric] = splitResultKey(keyOf(item));
    groups.set(metric, [...(groups.get(metric) ?? []), item]);
  }
  return [...groups];
}
