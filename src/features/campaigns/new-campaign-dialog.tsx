import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useCreateCampaign } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { configurationQueries } from '../../api/configurations';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field, inputClass } from '../../components/field';

type Errors = { name?: string; external_id?: string; configuration_id?: string; form?: string };

function errorsFrom(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: 'Could not create the campaign.' };
  const fields = error.fieldErrors();
  if (Object.keys(fields).length > 0) {
    return {
      name: fields.name,
      external_id: fields.external_id,
      configuration_id: fields.configuration_id,
      form: Object.keys(fields).some(
        (k) => !['name', 'external_id', 'configuration_id'].includes(k),
      )
        ? error.message
        : undefined,
    };
  }
  if (error.status === 409) return { external_id: error.message };
  return { form: error.message };
}

/** Loaded on the first click of "New campaign", so Radix is not on the first screen. */
export function NewCampaignDialog({
  open,
  setOpen,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const [name, setName] = useState('');
  const [externalId, setExternalId] = useState('');
  const [configurationId, setConfigurationId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const configurations = useQuery({ ...configurationQueries.list(), enabled: open });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'Name is required' });
      return;
    }
    setErrors({});
    try {
      const campaign = await create.mutateAsync({
        name: name.trim(),
        external_id: externalId.trim() || undefined,
        configuration_id: configurationId || undefined,
      });
      setOpen(false);
      navigate(`/campaigns/${campaign.id}`);
    } catch (error) {
      setErrors(errorsFrom(error));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New campaign"
      description="Campaigns start active: contacts you add are dialed right away."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Name" error={errors.name}>
          <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field
          label="External ID"
          error={errors.external_id}
          hint="Optional: your own key for this campaign."
        >
          <input
            className={inputClass}
            value={externalId}
            onChange={(e) => setExternalId(e.target.value)}
          />
        </Field>
        <Field label="Configuration" error={errors.configuration_id}>
          <select
            className={inputClass}
            value={configurationId}
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
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create campaign'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
