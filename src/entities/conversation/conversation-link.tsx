import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { conversationQueries } from '../../api/conversations';
import { conversationUrl, useRuntimeConfig } from '../../api/runtime-config';
import { useExtension } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ZonedTime } from '../../components/zoned-time';
import { formatCount } from '../../lib/format';
import { EvaluationResults } from './evaluation-results';

// The player loads with the first conversation that has a recording, not with the page.
const RecordingPlayer = lazy(() =>
  import('./recording-player').then((m) => ({ default: m.RecordingPlayer })),
);

function ConversationBody({
  conversationId,
  template,
}: {
  conversationId: string;
  template: string | null;
}) {
  const conversation = useQuery({ ...conversationQueries.detail(conversationId), retry: false });
  const recordings = useExtension('recordings');
  if (conversation.isPending)
    return <p className="text-sm text-slate-600">Loading the conversation…</p>;
  if (conversation.isError) {
    const unsupported = conversation.error instanceof ApiError && conversation.error.status === 404;
    return (
      <p className="text-sm text-slate-700">
        {unsupported ? 'This server does not offer transcripts.' : conversation.error.message}{' '}
        {template && (
          <a
            className="text-indigo-700 underline"
            href={conversationUrl(template, conversationId)}
            target="_blank"
            rel="noreferrer"
          >
            Open the conversation in Conversations
          </a>
        )}
      </p>
    );
  }
  const c = conversation.data;
  const completed = c.evaluations.flatMap((e) =>
    e.status === 'completed' && e.results
      ? Object.entries(e.results).map(([k, v]) => [`${e.metric_key}.${k}`, v] as const)
      : [],
  );
  const pending = c.evaluations.filter((e) => e.status !== 'completed').length;
  return (
    <div className="space-y-4">
      {recordings && c.recording ? (
        <Suspense fallback={<p className="text-sm text-slate-600">Loading the player…</p>}>
          <RecordingPlayer
            conversationId={c.id}
            duration={c.recording.duration_seconds}
            transcript={c.transcript}
          />
        </Suspense>
      ) : (
        <ol
          className="max-h-72 space-y-2 overflow-y-auto rounded border border-slate-200 p-3"
          aria-label="Transcript"
        >
          {c.transcript.map((line, i) => (
            <li key={i} className="text-sm">
              <span className="font-semibold capitalize">{line.role}</span>{' '}
              <ZonedTime at={line.at} style="date-time" className="text-xs text-slate-500" />
              <p className="whitespace-pre-wrap">{line.text}</p>
            </li>
          ))}
        </ol>
      )}
      <div>
        <h3 className="mb-1 text-sm font-semibold">Evaluations</h3>
        <EvaluationResults result={completed.length > 0 ? Object.fromEntries(completed) : null} />
        {pending > 0 && (
          <p className="mt-1 text-sm text-slate-600">
            {formatCount(pending, 'evaluation run')} still running.
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * Opens the transcript from the (ext) conversations route in a panel; where the runtime
 * config names a conversation URL template, links there instead. A server that offers
 * neither gets a plain note: the attempt had a conversation, there is nowhere to show it.
 */
export function ConversationLink({ conversationId }: { conversationId: string }) {
  const { conversationUrlTemplate } = useRuntimeConfig();
  const transcripts = useExtension('conversations');
  const [open, setOpen] = useState(false);
  if (conversationUrlTemplate) {
    return (
      <a
        className="text-indigo-700 underline"
        href={conversationUrl(conversationUrlTemplate, conversationId)}
        target="_blank"
        rel="noreferrer"
      >
        Open conversation
      </a>
    );
  }
  if (!transcripts) return <span className="text-slate-600">Conversation recorded</span>;
  // The dialog mounts only when opened: a page of expanded contacts has hundreds of links.
  return (
    <>
      <Button
        variant="ghost"
        className="px-1 py-0 text-indigo-700 underline"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Open conversation
      </Button>
      {open && (
        <Dialog open onOpenChange={setOpen} title="Conversation">
          <ConversationBody conversationId={conversationId} template={conversationUrlTemplate} />
        </Dialog>
      )}
    </>
  );
}
