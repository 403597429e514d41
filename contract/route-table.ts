// Generated from contract/operations.ts by `npm run openapi`; a test keeps the two equal.
// The scope table's rules without the operations' summaries and schemas, for the SPA's first
// screen (scopes.ts).
import type { RouteRule } from './scopes.ts';

/** Every route of the API; the first rule whose method and path match applies. */
export const ROUTES: readonly RouteRule[] = [
  { method: 'GET', path: '/campaign/session', access: 'authenticated', extension: 'session' },
  { method: 'GET', path: '/campaign/timezones', access: 'public' },
  { method: 'GET', path: '/campaign/campaigns', access: 'campaigns:read' },
  { method: 'POST', path: '/campaign/campaigns', access: 'campaigns:manage' },
  { method: 'GET', path: '/campaign/campaigns/:id', access: 'campaigns:read' },
  { method: 'PATCH', path: '/campaign/campaigns/:id', access: 'campaigns:manage' },
  { method: 'POST', path: '/campaign/campaigns/:id/start', access: 'campaigns:manage' },
  { method: 'POST', path: '/campaign/campaigns/:id/pause', access: 'campaigns:manage' },
  { method: 'POST', path: '/campaign/campaigns/:id/close', access: 'campaigns:manage' },
  { method: 'GET', path: '/campaign/campaigns/:id/stats', access: 'campaigns:read' },
  {
    method: 'GET',
    path: '/campaign/campaigns/:id/report',
    access: 'campaigns:read',
    extension: 'report',
  },
  {
    method: 'GET',
    path: '/campaign/campaigns/:id/timeline',
    access: 'campaigns:read',
    extension: 'timeline',
  },
  {
    method: 'GET',
    path: '/campaign/campaigns/:id/plan',
    access: 'campaigns:read',
    extension: 'plan',
  },
  {
    method: 'GET',
    path: '/campaign/campaigns/:id/attempts',
    access: 'campaigns:read',
    extension: 'calls',
  },
  { method: 'GET', path: '/campaign/campaigns/:id/contacts', access: 'campaigns:read' },
  { method: 'POST', path: '/campaign/campaigns/:id/contacts', access: 'campaigns:manage' },
  {
    method: 'POST',
    path: '/campaign/campaigns/:id/contacts/requeue',
    access: 'campaigns:manage',
    extension: 'requeue',
  },
  { method: 'GET', path: '/campaign/campaigns/:id/contacts/:contactId', access: 'campaigns:read' },
  {
    method: 'DELETE',
    path: '/campaign/campaigns/:id/contacts/:contactId',
    access: 'campaigns:manage',
  },
  { method: 'GET', path: '/campaign/configurations', access: 'campaigns:read' },
  { method: 'POST', path: '/campaign/configurations', access: 'campaigns:manage' },
  { method: 'GET', path: '/campaign/configurations/:configId', access: 'campaigns:read' },
  { method: 'PATCH', path: '/campaign/configurations/:configId', access: 'campaigns:manage' },
  { method: 'DELETE', path: '/campaign/configurations/:configId', access: 'campaigns:manage' },
  { method: 'GET', path: '/campaign/stats', access: 'campaigns:read', extension: 'stats-batch' },
  { method: 'GET', path: '/campaign/activity', access: 'campaigns:read', extension: 'activity' },
  { method: 'GET', path: '/campaign/plan', access: 'campaigns:read', extension: 'plan' },
  { method: 'GET', path: '/campaign/concurrency-settings', access: 'concurrency:read' },
  { method: 'PUT', path: '/campaign/concurrency-settings', access: 'concurrency:manage' },
  {
    method: 'GET',
    path: '/campaign/concurrency-settings/timeline',
    access: 'concurrency:read',
    extension: 'timeline',
  },
  {
    method: 'GET',
    path: '/conversations/:conversationId',
    access: 'campaigns:read',
    extension: 'conversations',
  },
  {
    method: 'POST',
    path: '/campaign/conversations/:conversationId/recording-link',
    access: 'campaigns:read',
    extension: 'recordings',
  },
  {
    method: 'GET',
    path: '/campaign/recordings/:conversationId',
    access: 'public',
    extension: 'recordings',
  },
];
