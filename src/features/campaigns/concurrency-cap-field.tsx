import { useId } from 'react';
import { CAMPAIGN_CONCURRENCY, maxConcurrentCallsSchema } from '../../../contract/extensions';
import { Field, inputClass } from '../../components/field';

/** The cap as edited: "No cap", or a number typed as text so an invalid entry is kept. */
export type CapValue = { capped: boolean; value: string };

export const capValueOf = (cap: number | null | undefined): CapValue =>
  cap == null ? { capped: false, value: '' } : { capped: true, value: String(cap) };

/** The value to send, or the message to show at the field (the server's own wording). */
export function parseCap(
  cap: CapValue,
): { ok: true; value: number | null } | { ok: false; error: string } {
  if (!cap.capped) return { ok: true, value: null };
  if (cap.value.trim() === '') {
    return {
      ok: false,
      error: `Enter a number from ${CAMPAIGN_CONCURRENCY.min} to ${CAMPAIGN_CONCURRENCY.max}, or choose No cap`,
    };
  }
  const result = maxConcurrentCallsSchema.safeParse(Number(cap.value));
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: result.error.issues[0]?.message ?? 'Invalid number' };
}

/** (ext) campaign-concurrency: how many calls this campaign may have in flight at once. */
export function ConcurrencyCapField({
  cap,
  onChange,
  error,
  readOnly,
}: {
  cap: CapValue;
  onChange: (cap: CapValue) => void;
  error?: string;
  readOnly: boolean;
}) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset aria-describedby={hintId}>
      <legend className="block text-sm font-medium">Calls at once</legend>
      <p id={hintId} className="mt-1 text-xs text-slate-600">
        How many calls this campaign may have in flight together. The org&apos;s concurrency limit
        still applies; slots this campaign cannot use go to the others.
      </p>
      <div className="mt-2 flex gap-4 text-sm">
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name={name}
            checked={!cap.capped}
            disabled={readOnly}
            onChange={() => onChange({ ...cap, capped: false })}
          />
          No cap
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name={name}
            checked={cap.capped}
            disabled={readOnly}
            onChange={() => onChange({ ...cap, capped: true })}
          />
          At most
        </label>
      </div>
      {cap.capped && (
        <div className="mt-2">
          <Field
            label="Maximum calls in flight"
            error={error}
            hint={`A whole number from ${CAMPAIGN_CONCURRENCY.min} to ${CAMPAIGN_CONCURRENCY.max}`}
          >
            <input
              type="number"
              inputMode="numeric"
              min={CAMPAIGN_CONCURRENCY.min}
              max={CAMPAIGN_CONCURRENCY.max}
              className={`${inputClass} w-40`}
              value={cap.value}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...cap, value: e.target.value })}
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
