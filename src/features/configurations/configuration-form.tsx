import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useCreateConfiguration, useUpdateConfiguration } from '../../api/configurations';
import { useExtension } from '../../api/session';
import { RATE_AMOUNT } from '../../../contract/extensions';
import {
  E164,
  MAX_ATTEMPTS,
  RETRY_INTERVAL,
  WEEKDAYS,
  type Configuration,
} from '../../../contract/schemas';
import { formatMinutes, INTERVAL_UNITS, type IntervalUnit } from '../../lib/schedule';
import { Button } from '../../components/button';
import { Field, inputClass } from '../../components/field';
import { humanize } from '../../lib/humanize';
import {
  initialState,
  toBody,
  validate,
  type FieldErrors,
  type FormState,
} from './configuration-form-state';
import { TimezonePicker } from '../../components/timezone-picker';
import { WindowBasisField } from './window-basis-field';
import { showErrors } from '../../lib/show-errors';

/** Create or edit a configuration. A failed save keeps every value typed. */
export function ConfigurationForm({
  config,
  activeCampaigns,
  onSaved,
  onCancel,
}: {
  config?: Configuration;
  activeCampaigns: number;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [state, setState] = useState<FormState>(() => initialState(config));
  const zones = useExtension('contact-timezones');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateConfiguration();
  const update = useUpdateConfiguration(config?.id ?? '');
  const saving = create.isPending || update.isPending;
  const costOffered = useExtension('cost');
  const retryId = useId();
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = {
      ...toBody(state, costOffered),
      ...(zones
        ? { window_basis: state.perContact ? ('contact' as const) : ('campaign' as const) }
        : {}),
    };
    const caller = body.from_phone_number;
    if (caller && !E164.test(caller)) {
      // "020 7946 0000" with +44 below it means +442079460000: read it as the importer does.
      // The phone library loads only here, not with the page.
      const { normalizePhone } = await import('../../../contract/phone');
      const normalized = normalizePhone(caller, body.default_country_code ?? null);
      if (normalized.ok) {
        body.from_phone_number = normalized.e164;
        set('from_phone_number', normalized.e164);
      }
    }
    const found = validate(body);
    setFormError(null);
    showErrors(form, () => setErrors(found));
    if (Object.keys(found).length > 0) return;
    try {
      if (config) await update.mutateAsync(body);
      else await create.mutateAsync(body);
      onSaved();
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 422 &&
        Object.keys(error.fieldErrors()).length > 0
      ) {
        showErrors(form, () => setErrors(error.fieldErrors()));
      } else {
        setFormError(error instanceof Error ? error.message : 'Could not save the configuration.');
      }
    }
  }

  const text = (
    key: 'name' | 'agent_id' | 'from_phone_number' | 'default_country_code',
    label: string,
    hint?: string,
  ) => (
    <Field label={label} error={errors[key]} hint={hint}>
      <input className={inputClass} value={state[key]} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {text('name', 'Name')}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('agent_id', 'Agent ID')}
        {text(
          'from_phone_number',
          'Caller number',
          'Like +14155550100, or (415) 555-0100 read with the default country code below',
        )}
        {text('default_country_code', 'Default country code', 'For numbers without one, e.g. +44')}
        <TimezonePicker
          value={state.timezone}
          onChange={(tz) => set('timezone', tz)}
          error={errors.timezone}
        />
      </div>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Calling window</legend>
        {zones && (
          <WindowBasisField
            configId={config?.id}
            checked={state.perContact}
            onChange={(checked) => set('perContact', checked)}
          />
        )}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={state.anyTime}
            onChange={(e) => set('anyTime', e.target.checked)}
          />
          Any time (no calling window)
        </label>
        {!state.anyTime && (
          <>
            <div role="group" aria-label="Days" className="flex flex-wrap gap-3 text-sm">
              {WEEKDAYS.map((day) => (
                <label key={day} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={state.days.includes(day)}
                    onChange={(e) =>
                      set(
                        'days',
                        e.target.checked
                          ? WEEKDAYS.filter((d) => d === day || state.days.includes(d))
                          : state.days.filter((d) => d !== day),
                      )
                    }
                  />
                  {humanize(day)}
                </label>
              ))}
            </div>
            {errors['schedule.days'] && (
              <p className="text-sm text-red-800">{errors['schedule.days']}</p>
            )}
            <div className="grid grid-cols-2 gap-4">
              <Field label="Start time" error={errors['schedule.start_time']}>
                <input
                  type="time"
                  className={inputClass}
                  value={state.start_time}
                  onChange={(e) => set('start_time', e.target.value)}
                />
              </Field>
              <Field label="End time" error={errors['schedule.end_time']}>
                <input
                  type="time"
                  className={inputClass}
                  value={state.end_time}
                  onChange={(e) => set('end_time', e.target.value)}
                />
              </Field>
            </div>
          </>
        )}
      </fieldset>
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="Calls per contact, at most"
          error={errors.max_attempts}
          hint={`${MAX_ATTEMPTS.min} to ${MAX_ATTEMPTS.max}, the first call included`}
        >
          <input
            type="number"
            min={MAX_ATTEMPTS.min}
            max={MAX_ATTEMPTS.max}
            className={inputClass}
            value={state.max_attempts}
            onChange={(e) => set('max_attempts', e.target.value)}
          />
        </Field>
        {/* A number and its unit; the API still takes minutes (toBody converts). */}
        <fieldset>
          <legend className="block text-sm font-medium">Time between calls</legend>
          <div className="flex flex-wrap items-center gap-x-3">
            <input
              id={retryId}
              type="number"
              min={0}
              step="any"
              aria-label="Time between calls"
              className={`${inputClass.replace('w-full', 'w-24')}`}
              value={state.retry_every}
              aria-invalid={errors.retry_interval_minutes ? true : undefined}
              aria-describedby={`${retryId}-message`}
              onChange={(e) => set('retry_every', e.target.value)}
            />
            {Object.keys(INTERVAL_UNITS).map((unit) => (
              <label key={unit} className="mt-1 flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name={`${retryId}-unit`}
                  checked={state.retry_unit === unit}
                  onChange={() => set('retry_unit', unit as IntervalUnit)}
                />
                {unit}
              </label>
            ))}
          </div>
          {errors.retry_interval_minutes ? (
            <p id={`${retryId}-message`} className="mt-1 text-sm text-red-800">
              {errors.retry_interval_minutes}
            </p>
          ) : (
            <p id={`${retryId}-message`} className="mt-1 text-xs text-slate-600">
              Up to {formatMinutes(RETRY_INTERVAL.max)}; 0 calls back as soon as the window allows
            </p>
          )}
        </fieldset>
      </div>
      {costOffered && (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Rate card</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={state.priced}
              onChange={(e) => set('priced', e.target.checked)}
            />
            Price calls with a rate card
          </label>
          <p className="text-xs text-slate-600">
            Each ended call costs the per-call amount; completed calls also cost the per-minute
            amount for their talk time. A change prices calls that end after it.
          </p>
          {state.priced && (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field
                label="Currency"
                error={errors['rate_card.currency']}
                hint="ISO 4217, e.g. USD"
              >
                <input
                  className={inputClass}
                  value={state.currency}
                  maxLength={3}
                  onChange={(e) => set('currency', e.target.value)}
                />
              </Field>
              <Field
                label="Per minute"
                error={errors['rate_card.per_minute']}
                hint={`${RATE_AMOUNT.min} to ${RATE_AMOUNT.max}`}
              >
                <input
                  type="number"
                  step="0.0001"
                  min={RATE_AMOUNT.min}
                  max={RATE_AMOUNT.max}
                  className={inputClass}
                  value={state.per_minute}
                  onChange={(e) => set('per_minute', e.target.value)}
                />
              </Field>
              <Field
                label="Per call"
                error={errors['rate_card.per_call']}
                hint={`${RATE_AMOUNT.min} to ${RATE_AMOUNT.max}`}
              >
                <input
                  type="number"
                  step="0.0001"
                  min={RATE_AMOUNT.min}
                  max={RATE_AMOUNT.max}
                  className={inputClass}
                  value={state.per_call}
                  onChange={(e) => set('per_call', e.target.value)}
                />
              </Field>
            </div>
          )}
        </fieldset>
      )}
      {formError && (
        <p role="alert" className="text-sm text-red-800">
          {formError}
        </p>
      )}
      {activeCampaigns > 0 && (
        <p className="text-sm text-slate-700">
          Saving changes how{' '}
          {activeCampaigns === 1
            ? '1 active campaign dials'
            : `${activeCampaigns} active campaigns dial`}{' '}
          from their next call.
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? 'Saving…' : config ? 'Save changes' : 'Create configuration'}
        </Button>
      </div>
    </form>
  );
}
