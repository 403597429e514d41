export const SPA_ROUTES: { path: string; modules: string[] }[];
