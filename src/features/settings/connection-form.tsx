import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../api/client';
import { concurrencySettingsSchema } from '../../../contract/schemas';
import { getConnection, saveConnection, type Connection } from '../../api/connection';
import { useRuntimeConfig } from '../../api/runtime-config';
import { fetchSession, sessionQueries } from '../../api/session';
import { Button } from '../../components/button';

function explainFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Could not verify the credential.';
  if (error.status === 401) return 'The server does not recognise this token.';
  if (error.status === 400) return 'Personal tokens (pat_…) need the Organization ID.';
  if (error.status === 403) return 'This token is not a member of that organization.';
  return error.message;
}

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-200';

/** Verifies a credential against the API before saving it. */
export function ConnectionForm({ onConnected }: { onConnected?: () => void }) {
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  const current = getConnection();
  const [baseUrl, setBaseUrl] = useState(current?.baseUrl ?? config.apiBaseUrl);
  const [token, setToken] = useState('');
  const [orgId, setOrgId] = useState(current?.orgId ?? '');
  const [remember, setRemember] = useState(current?.remember ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const isPat = token.trim().startsWith('pat_');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate: Connection = {
      baseUrl: baseUrl.trim(),
      token: token.trim(),
      orgId: isPat ? orgId.trim() || null : null,
      remember,
    };
    if (!candidate.token) {
      setError('Enter an API token.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The (ext) session verifies the credential and says what it may do; a server without
      // it verifies with the one read every scope may make.
      const session = await fetchSession({ connection: candidate });
      if (session === null) {
        await apiRequest('/campaign/concurrency-settings', {
          connection: candidate,
          schema: concurrencySettingsSchema,
        });
      }
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current(candidate).queryKey, session);
      saveConnection(candidate);
      setToken('');
      onConnected?.();
    } catch (err) {
      setError(explainFailure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-describedby={error ? errorId : undefined}>
      <label className="block text-sm font-medium">
        API base URL
        <input
          className={inputClass}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder="Leave empty for this server"
          autoComplete="url"
        />
      </label>
      <label className="block text-sm font-medium">
        API token
        <input
          className={inputClass}
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="ak_… or pat_…"
          autoComplete="off"
          required
        />
      </label>
      <label className="block text-sm font-medium">
        Organization ID
        <input
          className={inputClass}
          value={orgId}
          onChange={(e) => setOrgId(e.target.value)}
          placeholder={isPat ? 'Required for personal tokens' : 'Only needed for pat_ tokens'}
          disabled={!isPat}
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember on this device
      </label>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </Button>
    </form>
  );
}
