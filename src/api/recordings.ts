import type { QueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { recordingLinkSchema, type RecordingLink } from '../../contract/extensions';

// A link is asked for when the player or a download needs it, and again once it has expired
// (or is about to): it works for 10 minutes and carries no credential, only its signature.
const MARGIN_MS = 15_000;

export const recordingQueries = {
  linkKey: (conversationId: string) => ['conversations', conversationId, 'recording-link'] as const,
};

const fresh = (link: RecordingLink | undefined, now: number) =>
  !!link && Date.parse(link.expires_at) - MARGIN_MS > now;

/** (ext) recordings: a signed link to the recording, reused until it is about to expire. */
export async function recordingLink(
  queryClient: QueryClient,
  conversationId: string,
  opts: { renew?: boolean } = {},
): Promise<RecordingLink> {
  const key = recordingQueries.linkKey(conversationId);
  const cached = queryClient.getQueryData<RecordingLink>(key);
  if (!opts.renew && fresh(cached, Date.now())) return cached!;
  return queryClient.fetchQuery({
    queryKey: key,
    queryFn: () =>
      apiRequest(`/campaign/conversations/${encodeURIComponent(conversationId)}/recording-link`, {
        method: 'POST',
        schema: recordingLinkSchema,
      }),
    staleTime: 0,
  });
}
