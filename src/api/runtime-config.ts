import { createContext, useContext } from 'react';
import * as z from 'zod/mini';

// The same build serves any environment: an operator edits /config.json to point at the API.
const runtimeConfigSchema = z.object({
  apiBaseUrl: z._default(z.string(), ''),
  conversationUrlTemplate: z._default(z.nullable(z.string()), null),
  demoCredentials: z.optional(
    z.nullable(z.object({ token: z.string(), orgId: z.optional(z.nullable(z.string())) })),
  ),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = {
  apiBaseUrl: '',
  conversationUrlTemplate: null,
};

/**
 * The reference server puts the config into index.html (no request before the first
 * screen); a static host serves /config.json instead.
 */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    const embedded = document.getElementById('runtime-config');
    if (embedded) {
      // Read once and removed: the markup keeps no credential.
      embedded.remove();
      return runtimeConfigSchema.parse(JSON.parse(embedded.textContent ?? ''));
    }
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok) return DEFAULT_RUNTIME_CONFIG;
    return runtimeConfigSchema.parse(await res.json());
  } catch {
    return DEFAULT_RUNTIME_CONFIG;
  }
}

/** `conversationUrlTemplate` like "https://app.example/conversations/{id}". */
export function conversationUrl(template: string, conversationId: string): string {
  return template.replaceAll('{id}', encodeURIComponent(conversationId));
}

export const RuntimeConfigContext = createContext<RuntimeConfig>(DEFAULT_RUNTIME_CONFIG);

export function useRuntimeConfig(): RuntimeConfig {
  return useContext(RuntimeConfigContext);
}
