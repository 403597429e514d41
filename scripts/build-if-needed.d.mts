export function buildIfNeeded(): Promise<number>;
