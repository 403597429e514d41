import { useQueryClient } from '@tanstack/react-query';
import { forgetConnection, useConnectionState } from '../../api/connection';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import { ConnectionForm } from './connection-form';

function describeCredential(token: string): string {
  if (token.startsWith('pat_')) return 'a personal access token';
  if (token.startsWith('ak_')) return 'an org API key';
  return 'a token';
}

export function ConnectionSection() {
  const { connection } = useConnectionState();
  const queryClient = useQueryClient();
  return (
    <Panel title="Connection" size="lg">
      {connection && (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <p>
            Connected to <strong>{connection.baseUrl || 'this server'}</strong> with{' '}
            {describeCredential(connection.token)}
            {connection.orgId ? ` for org ${connection.orgId}` : ''}
            {connection.remember ? ', remembered on this device' : ', for this tab only'}.
          </p>
          <Button
            onClick={() => {
              queryClient.clear();
              forgetConnection();
            }}
          >
            Disconnect
          </Button>
        </div>
      )}
      <h3 className="mt-5 mb-3 text-sm font-semibold text-slate-800">Use another credential</h3>
      <div className="max-w-lg">
        <ConnectionForm />
      </div>
    </Panel>
  );
}
