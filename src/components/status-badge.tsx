import { humanize } from '../lib/humanize';

const TONES: Record<string, string> = {
  active: 'bg-emerald-100 text-emerald-900',
  paused: 'bg-amber-100 text-amber-900',
  closed: 'bg-slate-200 text-slate-800',
  pending: 'bg-sky-100 text-sky-900',
  locked: 'bg-violet-100 text-violet-900',
  in_progress: 'bg-violet-100 text-violet-900',
  completed: 'bg-emerald-100 text-emerald-900',
  exhausted: 'bg-rose-100 text-rose-900',
  no_answer: 'bg-amber-100 text-amber-900',
  busy: 'bg-orange-100 text-orange-900',
  voicemail: 'bg-sky-100 text-sky-900',
  failed: 'bg-rose-100 text-rose-900',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status] ?? 'bg-slate-100 text-slate-800'}`}
    >
      {humanize(status)}
    </span>
  );
}
