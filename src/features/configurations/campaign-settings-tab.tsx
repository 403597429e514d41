import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useUpdateCampaign } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { configurationQueries } from '../../api/configurations';
import type { Campaign } from '../../api/contract';
import { usePermission } from '../../api/permissions';
import { Button } from '../../components/button';
import { Field, inputClass } from '../../components/field';

type Errors = { name?: string; external_id?: string; configuration_id?: string; form?: string };

function errorsFrom(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: 'Could not save the campaign.' };
  const fields = error.fieldErrors();
  if (Object.keys(fields).length > 0) return { ...fields, form: undefined };
  if (error.status === 409) return { external_id: error.message };
  return { form: error.message };
}

/** Name, external_id and configuration of a campaign; read-only once closed. */
export function CampaignSettingsTab({ campaign }: { campaign: Campaign }) {
  const [name, setName] = useState(campaign.name);
  const [externalId, setExternalId] = useState(campaign.external_id ?? '');
  const [configurationId, setConfigurationId] = useState(campaign.configuration_id ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const update = useUpdateCampaign(campaign.id);
  const configurations = useQuery(configurationQueries.list());
  const permission = usePermission('campaigns:manage');
  const closed = campaign.status === 'closed';
  const readOnly = closed || !permission.allowed;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!name.trim()) {
      setErrors({ name: 'Name is required' });
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync({
        name: name.trim(),
        external_id: externalId.trim() || null,
        configuration_id: configurationId || null,
      });
      setSaved(true);
    } catch (error) {
      setErrors(errorsFrom(error));
    }
  }

  return (
    <section
      aria-labelledby="campaign-settings-heading"
      className="max-w-xl rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="campaign-settings-heading" className="text-lg font-semibold">
        Campaign settings
      </h2>
      {closed && (
        <p className="mt-2 text-sm text-slate-700">
          This campaign is closed, so its settings can no longer change.
        </p>
      )}
      {!closed && permission.reason && (
        <p className="mt-2 text-sm text-slate-700">{permission.reason}</p>
      )}
      <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
        <Field label="Name" error={errors.name}>
          <input
            className={inputClass}
            value={name}
            readOnly={readOnly}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          label="External ID"
          error={errors.external_id}
          hint="Your own key; the campaign's address works with it too."
        >
          <input
            className={inputClass}
            value={externalId}
            readOnly={readOnly}
            onChange={(e) => setExternalId(e.target.value)}
          />
        </Field>
        <Field label="Configuration" error={errors.configuration_id}>
          <select
            className={inputClass}
            value={configurationId}
            disabled={readOnly}
            onChange={(e) => setConfigurationId(e.target.value)}
          >
            <option value="">None (defaults: 3 attempts, any time)</option>
            {configurations.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        {errors.form && (
          <p role="alert" className="text-sm text-red-800">
            {errors.form}
          </p>
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
    </section>
  );
}
