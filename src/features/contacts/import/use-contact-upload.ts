import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../api/client';
import { campaignQueries } from '../../../api/campaigns';
import { contactQueries } from '../../../api/contacts';
import { upsertResultSchema, type ContactInput } from '../../../../contract/schemas';

/**
 * Upserts one chunk and refreshes nothing: refetching the list and the stats after each of 50
 * chunks would only hold the import up, so `refresh` invalidates them once, at the end. A
 * mutation still, so that a 403 teaches the session what the key may not do.
 */
export function useContactUpload(campaignId: string) {
  const queryClient = useQueryClient();
  const { mutateAsync: send } = useMutation({
    mutationFn: (contacts: ContactInput[]) =>
      apiRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/contacts`, {
        method: 'POST',
        body: { contacts },
        schema: upsertResultSchema,
      }),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: contactQueries.all(campaignId) });
    void queryClient.invalidateQueries({ queryKey: campaignQueries.stats(campaignId).queryKey });
  };
  return { send, refresh };
}
