import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  ALERT_CONDITION_KINDS,
  CHANNELS_MAX,
  type AlertCondition,
  type AlertConditionKind,
  type AlertRule,
} from '../../../contract/alerts';
import { useSaveRule } from '../../api/alerts';
import { campaignQueries } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { Button } from '../../components/button';
import { Field, inputClass } from '../../components/field';
import { ruleSentence } from './rule-words';

const KIND_LABELS: Record<AlertConditionKind, string> = {
  finished: 'It finishes',
  stalled: 'It stalls (no call started)',
  at_cap: 'The org is at its concurrency limit',
  rate_below: 'A rate falls below a threshold',
  failed_share_above: 'Failed or busy calls exceed a share',
  answer_rate_drop: 'The answer rate drops against earlier days',
};

type ChannelDraft = {
  type: 'webhook' | 'slack';
  url: string;
  secret: string;
  /** A saved Slack URL as the server answers it (masked: it is a credential); '' for none. */
  saved: string;
};
const NEW_CHANNEL: ChannelDraft = { type: 'slack', url: '', secret: '', saved: '' };
type Draft = {
  name: string;
  campaignId: string;
  kind: AlertConditionKind;
  metric: 'answer_rate' | 'conversion_rate';
  forMinutes: string;
  threshold: string;
  windowCalls: string;
  channels: ChannelDraft[];
};

function draftOf(rule: AlertRule | null): Draft {
  const c = rule?.condition;
  return {
    name: rule?.name ?? '',
    campaignId: rule?.campaign_id ?? '',
    kind: c?.kind ?? 'finished',
    metric: c?.kind === 'rate_below' ? c.metric : 'answer_rate',
    forMinutes: String(c && 'for_minutes' in c ? c.for_minutes : 10),
    threshold: String(c && 'threshold' in c ? c.threshold : 30),
    windowCalls: String(c && 'window_calls' in c ? c.window_calls : 200),
    // A secret is never answered, nor a Slack URL in full: left empty, the saved one is kept.
    channels: rule?.channels.map((ch) =>
      ch.type === 'slack'
        ? { ...NEW_CHANNEL, saved: ch.url }
        : { type: ch.type, url: ch.url, secret: '', saved: '' },
    ) ?? [NEW_CHANNEL],
  };
}

/** The URL a channel is sent with: a Slack channel left empty sends its masked URL back (kept). */
const urlOf = (c: ChannelDraft) =>
  c.type === 'slack' && c.url.trim() === '' ? c.saved : c.url.trim();

function conditionOf(d: Draft): AlertCondition {
  const n = (s: string) => (s.trim() === '' ? NaN : Number(s));
  switch (d.kind) {
    case 'finished':
      return { kind: 'finished' };
    case 'stalled':
    case 'at_cap':
      return { kind: d.kind, for_minutes: n(d.forMinutes) };
    case 'rate_below':
      return {
        kind: 'rate_below',
        metric: d.metric,
        threshold: n(d.threshold),
        window_calls: n(d.windowCalls),
      };
    case 'failed_share_above':
      return {
        kind: 'failed_share_above',
        threshold: n(d.threshold),
        window_calls: n(d.windowCalls),
      };
    case 'answer_rate_drop':
      return { kind: 'answer_rate_drop', threshold: n(d.threshold) };
  }
}

/** The server's 422 messages by field path ("condition.threshold", "channels.0.url"). */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.detail)) return {};
  const out: Record<string, string> = {};
  for (const d of error.detail) out[d.loc.slice(1).join('.')] ??= d.msg;
  return out;
}

/** Create or edit a rule; says the rule in words as it is written. */
export function RuleForm({ rule, onDone }: { rule: AlertRule | null; onDone: () => void }) {
  const [draft, setDraft] = useState(() => draftOf(rule));
  const save = useSaveRule();
  const campaigns = useQuery(campaignQueries.everything());
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setChannel = (i: number, patch: Partial<ChannelDraft>) =>
    set({ channels: draft.channels.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const errors = fieldErrors(save.error);
  const campaignName = campaigns.data?.find((c) => c.id === draft.campaignId)?.name ?? null;
  const condition = conditionOf(draft);
  const { kind } = draft;

  function submit(event: FormEvent) {
    event.preventDefault();
    const channels = draft.channels.map((c) =>
      c.type === 'slack'
        ? { type: 'slack' as const, url: urlOf(c) }
        : {
            type: 'webhook' as const,
            url: urlOf(c),
            ...(c.secret ? { secret: c.secret } : {}),
          },
    );
    save.mutate(
      {
        id: rule?.id ?? null,
        rule: { name: draft.name, campaign_id: draft.campaignId || null, condition, channels },
      },
      { onSuccess: onDone },
    );
  }

  const general =
    save.error && Object.keys(errors).length === 0
      ? save.error instanceof ApiError && typeof save.error.detail === 'string'
        ? save.error.detail
        : 'The rule could not be saved. Try again.'
      : null;

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800" aria-live="polite">
        {ruleSentence(
          {
            condition,
            channels: draft.channels
              .map((c) => ({ type: c.type, url: urlOf(c) }))
              .filter((c) => c.url),
          },
          campaignName,
        ).replace(/NaN/g, '…')}
      </p>
      <Field label="Name" error={errors.name}>
        <input
          className={inputClass}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <Field label="Campaign" error={errors.campaign_id}>
        <select
          className={inputClass}
          value={draft.campaignId}
          onChange={(e) => set({ campaignId: e.target.value })}
        >
          <option value="">Every campaign</option>
          {campaigns.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="When" error={errors['condition.kind']}>
        <select
          className={inputClass}
          value={kind}
          onChange={(e) => set({ kind: e.target.value as AlertConditionKind })}
        >
          {ALERT_CONDITION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'rate_below' && (
        <Field label="Rate" error={errors['condition.metric']}>
          <select
            className={inputClass}
            value={draft.metric}
            onChange={(e) => set({ metric: e.target.value as Draft['metric'] })}
          >
            <option value="answer_rate">Answer rate</option>
            <option value="conversion_rate">Conversion rate</option>
          </select>
        </Field>
      )}
      {(kind === 'stalled' || kind === 'at_cap') && (
        <Field label="For how many minutes" error={errors['condition.for_minutes']}>
          <input
            className={inputClass}
            inputMode="numeric"
            value={draft.forMinutes}
            onChange={(e) => set({ forMinutes: e.target.value })}
          />
        </Field>
      )}
      {(kind === 'rate_below' || kind === 'failed_share_above' || kind === 'answer_rate_drop') && (
        <Field
          label={kind === 'answer_rate_drop' ? 'Percent of the usual rate' : 'Threshold (%)'}
          error={errors['condition.threshold']}
        >
          <input
            className={inputClass}
            inputMode="decimal"
            value={draft.threshold}
            onChange={(e) => set({ threshold: e.target.value })}
          />
        </Field>
      )}
      {(kind === 'rate_below' || kind === 'failed_share_above') && (
        <Field label="Over the last … calls" error={errors['condition.window_calls']}>
          <input
            className={inputClass}
            inputMode="numeric"
            value={draft.windowCalls}
            onChange={(e) => set({ windowCalls: e.target.value })}
          />
        </Field>
      )}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Tell</legend>
        {errors.channels && <p className="text-sm text-red-800">{errors.channels}</p>}
        {draft.channels.map((channel, i) => (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 p-3">
            <Field label={`Channel ${i + 1} type`}>
              <select
                className={inputClass}
                value={channel.type}
                onChange={(e) => setChannel(i, { type: e.target.value as ChannelDraft['type'] })}
              >
                <option value="slack">Slack incoming webhook</option>
                <option value="webhook">Webhook (signed JSON)</option>
              </select>
            </Field>
            <Field
              label={`Channel ${i + 1} URL`}
              error={errors[`channels.${i}.url`]}
              hint={
                channel.type === 'slack' && channel.saved
                  ? `Saved: ${channel.saved}. Leave empty to keep it; paste a new URL only to change it.`
                  : undefined
              }
            >
              <input
                className={inputClass}
                type="url"
                value={channel.url}
                onChange={(e) => setChannel(i, { url: e.target.value })}
              />
            </Field>
            {channel.type === 'webhook' && (
              <Field
                label={`Channel ${i + 1} signing secret`}
                error={errors[`channels.${i}.secret`]}
                hint={
                  rule
                    ? 'Leave empty to keep the saved secret. It is never shown again.'
                    : 'At least 16 characters. It is never shown again.'
                }
              >
                <input
                  className={inputClass}
                  type="password"
                  autoComplete="off"
                  value={channel.secret}
                  onChange={(e) => setChannel(i, { secret: e.target.value })}
                />
              </Field>
            )}
            {draft.channels.length > 1 && (
              <Button
                variant="ghost"
                onClick={() => set({ channels: draft.channels.filter((_, j) => j !== i) })}
              >
                Remove channel {i + 1}
              </Button>
            )}
          </div>
        ))}
        {draft.channels.length < CHANNELS_MAX && (
          <Button onClick={() => set({ channels: [...draft.channels, NEW_CHANNEL] })}>
            Add a channel
          </Button>
        )}
      </fieldset>
      {general && (
        <p role="alert" className="text-sm text-red-800">
          {general}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {rule ? 'Save rule' : 'Create rule'}
        </Button>
      </div>
    </form>
  );
}
