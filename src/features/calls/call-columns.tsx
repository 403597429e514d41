import { Link } from 'react-router';
import type { Call } from '../../../contract/extensions';
import type { ColumnDef } from '../../components/data-table/data-table';
import { StatusBadge } from '../../components/status-badge';
import { ConversationLink } from '../../entities/conversation/conversation-link';
import { EvaluationGlance } from '../../entities/conversation/evaluation-results';
import { ZonedTime } from '../../components/zoned-time';
import { formatDuration, NOT_A_VALUE } from '../../lib/format';

/** A call's length in seconds, null while it is in progress. */
export const callSeconds = (c: Call) =>
  c.ended_at ? Math.max(0, (Date.parse(c.ended_at) - Date.parse(c.started_at)) / 1000) : null;

/** The call log's columns; the contact links to its page within the campaign. */
export function callColumns(campaignId: string): ColumnDef<Call>[] {
  return [
    {
      id: 'started_at',
      header: 'Started',
      meta: { className: 'whitespace-nowrap' },
      cell: ({ row: { original: c } }) => <ZonedTime at={c.started_at} style="date-time" />,
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
    {
      id: 'contact',
      header: 'Contact',
      cell: ({ row: { original: c } }) => (
        <Link
          to={`/campaigns/${encodeURIComponent(campaignId)}/contacts/${encodeURIComponent(c.contact_id)}`}
          className="font-mono text-xs text-indigo-700 underline wrap-anywhere"
        >
          {c.contact_external_id ?? c.contact_id}
        </Link>
      ),
    },
    {
      id: 'attempt_number',
      header: 'Attempt',
      meta: { className: 'tabular-nums' },
      cell: ({ row }) => row.original.attempt_number,
    },
    {
      id: 'phone_number',
      header: 'Number',
      meta: { className: 'font-mono text-xs' },
      cell: ({ row }) => row.original.phone_number,
    },
    {
      id: 'duration',
      header: 'Duration',
      meta: { className: 'tabular-nums' },
      cell: ({ row }) => {
        const seconds = callSeconds(row.original);
        return seconds === null ? 'In progress' : formatDuration(seconds);
      },
    },
    {
      id: 'result',
      header: 'Result',
      cell: ({ row: { original: c } }) => (
        <div className="flex flex-wrap items-center gap-2">
          <EvaluationGlance result={c.result} />
          {c.conversation_id ? (
            <ConversationLink conversationId={c.conversation_id} />
          ) : (
            <span className="sr-only">{NOT_A_VALUE}</span>
          )}
        </div>
      ),
    },
  ];
}
