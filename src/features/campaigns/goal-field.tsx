import { goalSchema, type Goal, type ResultSummary } from '../../../contract/extensions';
import { Field, inputClass } from '../../components/field';
import { formatNumber } from '../../lib/format';

/** A goal as edited: its results as typed, comma-separated, so an invalid entry is kept. */
export const goalTextOf = (goal: Goal | null | undefined) => goal?.results.join(', ') ?? '';

const itemsOf = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** The goal to send (null: none), or the message to show at the field (the contract's wording). */
export function parseGoalText(
  text: string,
): { ok: true; value: Goal | null } | { ok: false; error: string } {
  const results = itemsOf(text);
  if (results.length === 0) return { ok: true, value: null };
  const parsed = goalSchema.safeParse({ results });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid goal' };
}

const MOST_SEEN = 4;

/** What a campaign's results have said, as `key:value` goals: yes/no answers and top strings. */
export function goalSuggestions(results: ResultSummary[]): { pair: string; count: number }[] {
  return results.flatMap((r) => {
    if (r.type === 'boolean') return r.true > 0 ? [{ pair: `${r.key}:true`, count: r.true }] : [];
    if (r.type === 'string')
      return r.values
        .slice(0, MOST_SEEN)
        .map((v) => ({ pair: `${r.key}:${v.value}`, count: v.count }));
    return [];
  });
}

/**
 * (ext) goal: which results count as the call's goal (a demo booked, a payment promised).
 * Picked from what the campaign's calls have said, or typed as `key:value`.
 */
export function GoalField({
  text,
  onChange,
  error,
  readOnly,
  seen,
}: {
  text: string;
  onChange: (text: string) => void;
  error?: string;
  readOnly: boolean;
  /** Results seen so far, to pick from; empty for a new campaign. */
  seen: { pair: string; count: number }[];
}) {
  const items = itemsOf(text);
  const toggle = (pair: string, on: boolean) =>
    onChange((on ? [...items, pair] : items.filter((i) => i !== pair)).join(', '));
  return (
    <fieldset>
      <legend className="block text-sm font-medium">Goal</legend>
      <p className="mt-1 text-xs text-slate-600">
        What counts as a success of the call: a contact converts when its latest result has one of
        these values. The board and the Overview count conversions.
      </p>
      {seen.length > 0 && (
        <div className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
          {seen.map(({ pair, count }) => (
            <label key={pair} className="flex min-h-6 min-w-0 items-center gap-1.5">
              <input
                type="checkbox"
                checked={items.includes(pair)}
                disabled={readOnly}
                onChange={(e) => toggle(pair, e.target.checked)}
              />
              <span className="truncate font-mono text-xs" title={pair}>
                {pair}
              </span>
              <span className="text-xs text-slate-600">({formatNumber(count)})</span>
            </label>
          ))}
        </div>
      )}
      <div className="mt-2">
        <Field
          label="Goal results"
          error={error}
          hint="key:value, several separated by commas, e.g. next_step.action:book_demo. Empty: no goal."
        >
          <input
            className={`${inputClass} font-mono`}
            value={text}
            readOnly={readOnly}
            placeholder="next_step.action:book_demo"
            onChange={(e) => onChange(e.target.value)}
          />
        </Field>
      </div>
    </fieldset>
  );
}
