import { humanize } from '../lib/humanize';
import { OUTCOMES } from '../lib/outcomes';

// A call's outcome in its chart colour's tint, the same hue wherever it is shown.
const TONES: Record<string, string> = {
  active: 'bg-emerald-100 text-emerald-900',
  paused: 'bg-amber-100 text-amber-900',
  closed: 'bg-slate-200 text-slate-800',
  pending: 'bg-sky-100 text-sky-900',
  locked: 'bg-violet-100 text-violet-900',
  in_progress: 'bg-violet-100 text-violet-900',
  completed: 'bg-emerald-100 text-emerald-900',
  exhausted: 'bg-rose-100 text-rose-900',
  no_answer: 'bg-slate-100 text-slate-800',
  busy: 'bg-pink-100 text-pink-900',
  voicemail: 'bg-sky-100 text-sky-900',
  failed: 'bg-orange-100 text-orange-900',
};

const OUTCOME_COLOURS = new Map<string, string>(OUTCOMES.map((o) => [o.key, o.color]));

export function StatusBadge({ status }: { status: string }) {
  const swatch = OUTCOME_COLOURS.get(status);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status] ?? 'bg-slate-100 text-slate-800'}`}
    >
      {swatch && (
        <span aria-hidden="true" className="size-2 rounded-full" style={{ background: swatch }} />
      )}
      {humanize(status)}
    </span>
  );
}
