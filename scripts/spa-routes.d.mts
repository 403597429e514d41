export const SPA_ROUTES: { path: string; modules: string[] }[];
export const PENDING_HEADINGS: Record<string, string>;
export const VIEW_MODULE: string;
