import { useConnectionState } from '../api/connection';
import { useSession } from '../api/session';

const KIND: Record<string, string> = { ak: 'API key', pat: 'Personal token' };

function kindOf(token: string): string {
  return token.startsWith('pat_') ? KIND.pat! : token.startsWith('ak_') ? KIND.ak! : 'Token';
}

/**
 * Which org and which kind of credential this tab acts as, so nobody edits the wrong org:
 * from the (ext) session when offered, else from what the connection form knows.
 */
export function ConnectionBadge() {
  const { connection } = useConnectionState();
  const session = useSession();
  if (!connection) return null;
  // Until the session answers, the same two lines hold the place the badge will take (and
  // match index.html's static shell, which cannot know the credential).
  const org = session === undefined ? '…' : (session?.org_id ?? connection.orgId);
  const kind =
    session === undefined
      ? '…'
      : session
        ? (KIND[session.credential.kind] ?? 'Credential')
        : kindOf(connection.token);
  return (
    <p
      className="min-w-40 text-sm leading-tight text-slate-700"
      data-testid="connection-badge"
      aria-busy={session === undefined}
    >
      <span className="font-medium">{org ? `Org ${org}` : 'Org of this key'}</span>
      <span className="block text-xs text-slate-600">
        {kind}
        {session ? ` “${session.credential.label}”` : ''}
      </span>
    </p>
  );
}
