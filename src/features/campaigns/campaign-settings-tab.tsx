import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useUpdateCampaign } from '../../api/campaigns';
import { reportQueries } from '../../api/reports';
import type { Campaign, CampaignUpdate } from '../../../contract/schemas';
import type { CampaignConcurrencyInput, Goal } from '../../../contract/extensions';
import { useExtension, usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import {
  CampaignFields,
  campaignErrorsFrom,
  validateCampaignFields,
  type CampaignFieldErrors,
  type CampaignFieldValues,
} from './campaign-fields';
import { capValueOf, ConcurrencyCapField, parseCap } from './concurrency-cap-field';
import { GoalField, goalSuggestions, goalTextOf, parseGoalText } from './goal-field';
import { showErrors } from '../../lib/show-errors';

/**
 * Name, external_id and configuration of a campaign, and its cap on calls in flight where the
 * server offers one; read-only once closed.
 */
export function CampaignSettingsTab({ campaign }: { campaign: Campaign }) {
  const [values, setValues] = useState<CampaignFieldValues>({
    name: campaign.name,
    externalId: campaign.external_id ?? '',
    configurationId: campaign.configuration_id ?? '',
  });
  const [cap, setCap] = useState(() => capValueOf(campaign.max_concurrent_calls));
  const [errors, setErrors] = useState<CampaignFieldErrors>({});
  const [saved, setSaved] = useState(false);
  const update = useUpdateCampaign(campaign.id);
  const permission = usePermission('campaigns:manage', 'change these settings');
  const capOffered = useExtension('campaign-concurrency');
  const goalOffered = useExtension('goal');
  const reportOffered = useExtension('report');
  const [goal, setGoal] = useState(() => goalTextOf(campaign.goal));
  // The results the campaign's calls have said, to pick a goal from.
  const report = useQuery({
    ...reportQueries.campaign(campaign.id),
    enabled: goalOffered && reportOffered,
  });
  const closed = campaign.status === 'closed';
  const readOnly = closed || !permission.allowed || permission.checking;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSaved(false);
    const parsedCap = capOffered ? parseCap(cap) : null;
    const parsedGoal = goalOffered ? parseGoalText(goal) : null;
    const invalid = {
      ...validateCampaignFields(values),
      ...(parsedCap && !parsedCap.ok ? { max_concurrent_calls: parsedCap.error } : {}),
      ...(parsedGoal && !parsedGoal.ok ? { goal: parsedGoal.error } : {}),
    };
    showErrors(form, () => setErrors(invalid));
    if (Object.keys(invalid).length > 0) return;
    // The cap and the goal are (ext) fields: sent only to a server that lists them.
    const body: CampaignUpdate & CampaignConcurrencyInput & { goal?: Goal | null } = {
      name: values.name.trim(),
      external_id: values.externalId.trim() || null,
      configuration_id: values.configurationId || null,
      ...(parsedCap?.ok ? { max_concurrent_calls: parsedCap.value } : {}),
      ...(parsedGoal?.ok ? { goal: parsedGoal.value } : {}),
    };
    try {
      await update.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      showErrors(form, () => setErrors(campaignErrorsFrom(error, 'Could not save the campaign.')));
    }
  }

  return (
    <Panel title="Campaign settings" size="lg" className="max-w-xl">
      {closed && (
        <p className="mt-2 text-sm text-slate-700">
          This campaign is closed, so its settings can no longer change.
        </p>
      )}
      {!closed && permission.reason && (
        <p className="mt-2 text-sm text-slate-700">{permission.reason}</p>
      )}
      <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
        <CampaignFields
          values={values}
          onChange={setValues}
          errors={errors}
          readOnly={readOnly}
          externalIdHint="Your own key; the campaign's address works with it too."
        />
        {capOffered && (
          <ConcurrencyCapField
            cap={cap}
            onChange={setCap}
            error={errors.max_concurrent_calls}
            readOnly={readOnly}
          />
        )}
        {goalOffered && (
          <GoalField
            text={goal}
            onChange={setGoal}
            error={errors.goal}
            readOnly={readOnly}
            seen={report.data ? goalSuggestions(report.data.results) : []}
          />
        )}
        {saved && (
          <p role="status" className="text-sm text-emerald-800">
            Saved.
          </p>
        )}
        {!readOnly && (
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </Button>
        )}
      </form>
    </Panel>
  );
}
