import { useState, type FormEvent } from 'react';
import { useUpdateCampaign } from '../../api/campaigns';
import type { Campaign } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import {
  CampaignFields,
  campaignErrorsFrom,
  validateCampaignFields,
  type CampaignFieldErrors,
  type CampaignFieldValues,
} from './campaign-fields';
import { showErrors } from '../../lib/show-errors';

/** Name, external_id and configuration of a campaign; read-only once closed. */
export function CampaignSettingsTab({ campaign }: { campaign: Campaign }) {
  const [values, setValues] = useState<CampaignFieldValues>({
    name: campaign.name,
    externalId: campaign.external_id ?? '',
    configurationId: campaign.configuration_id ?? '',
  });
  const [errors, setErrors] = useState<CampaignFieldErrors>({});
  const [saved, setSaved] = useState(false);
  const update = useUpdateCampaign(campaign.id);
  const permission = usePermission('campaigns:manage');
  const closed = campaign.status === 'closed';
  const readOnly = closed || !permission.allowed || permission.checking;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSaved(false);
    const invalid = validateCampaignFields(values);
    showErrors(form, () => setErrors(invalid ?? {}));
    if (invalid) return;
    try {
      await update.mutateAsync({
        name: values.name.trim(),
        external_id: values.externalId.trim() || null,
        configuration_id: values.configurationId || null,
      });
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
