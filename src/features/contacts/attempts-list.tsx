import type { Attempt } from '../../../contract/schemas';
import { StatusBadge } from '../../components/status-badge';
import { ZonedTime } from '../../components/zoned-time';
import { formatDuration } from '../../lib/format';
import { ConversationLink } from '../../entities/conversation/conversation-link';
import { EvaluationResults } from '../../entities/conversation/evaluation-results';

export function AttemptsList({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-600">Not dialed yet.</p>;
  return (
    <ol className="space-y-3">
      {attempts.map((a, i) => {
        const seconds = a.ended_at
          ? (Date.parse(a.ended_at) - Date.parse(a.started_at)) / 1000
          : null;
        return (
          <li key={a.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              <span className="font-semibold">Attempt {i + 1}</span>
              <StatusBadge status={a.status} />
              <span>
                Started <ZonedTime at={a.started_at} style="date-time" />
              </span>
              <span>
                {a.ended_at ? (
                  <>
                    Ended <ZonedTime at={a.ended_at} style="date-time" /> (
                    {formatDuration(seconds ?? 0)})
                  </>
                ) : (
                  'Still in progress'
                )}
              </span>
              <span className="font-mono text-xs">{a.phone_number}</span>
              {a.conversation_id ? (
                <ConversationLink conversationId={a.conversation_id} />
              ) : (
                <span className="text-slate-600">No conversation</span>
              )}
            </div>
            <div className="mt-2">
              <EvaluationResults result={a.result} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
