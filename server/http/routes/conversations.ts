import { getConversation } from '../../db/conversations.ts';
import { notFound } from '../../domain/errors.ts';
import { withRecording } from '../../domain/recordings.ts';
import { offers } from '../extensions.ts';
import type { Handlers } from '../operations.ts';

export const conversationHandlers = {
  /** (ext) outside the /campaign prefix: a transcript and its evaluation runs. */
  getConversation: (c) => {
    const conversation = getConversation(c.var.db, c.var.auth.orgId, c.req.param('conversationId'));
    if (!conversation) throw notFound('Conversation');
    return c.json(offers(c, 'recordings') ? withRecording(conversation) : conversation);
  },
} satisfies Partial<Handlers>;
