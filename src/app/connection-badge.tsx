import { useConnectionState } from '../api/connection';
import { useSession } from '../api/session';

const KIND: Record<string, string> = { ak: 'API key', pat: 'Personal token' };

function kindOf(token: string): string {
  return token.startsWith('pat_') ? KIND.pat! : token.startsWith('ak_') ? KIND.ak! : 'Token';
}

/**
 * Which org and which kind of credential this tab acts as, so nobody edits the wrong org:
 * the org's name from the (ext) session when offered, else the plain "Org of this key" with
 * its id, where known, in second place.
 */
export function ConnectionBadge() {
  const { connection } = useConnectionState();
  const session = useSession();
  if (!connection) return null;
  // Until the session answers, the same two lines hold the place the badge will take (and
  // match index.html's static shell, which cannot know the credential).
  if (session === undefined) {
    return (
      <p
        className="min-w-40 text-sm leading-tight text-slate-700"
        data-testid="connection-badge"
        aria-busy
      >
        <span className="font-medium">Org …</span>
        <span className="block text-xs text-slate-600">…</span>
      </p>
    );
  }
  const orgId = session?.org_id ?? connection.orgId;
  const kind = session ? (KIND[session.credential.kind] ?? 'Credential') : kindOf(connection.token);
  const name = session?.org_name ?? (kind === KIND.pat ? 'Org of this token' : 'Org of this key');
  return (
    <p
      className="min-w-40 text-sm leading-tight text-slate-700"
      data-testid="connection-badge"
      aria-busy={false}
      title={orgId ? `Org ID: ${orgId}` : undefined}
    >
      <span className="font-medium wrap-anywhere">{name}</span>
      <span className="block text-xs text-slate-600">
        {kind}
        {session ? ` “${session.credential.label}”` : ''}
        {/* Without a name, the id someone typed (or the key carries) is still worth seeing. */}
        {!session?.org_name && orgId ? ` · ${orgId}` : ''}
      </span>
    </p>
  );
}
