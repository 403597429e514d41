import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCampaign } from '../../api/campaigns';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import {
  CampaignFields,
  campaignErrorsFrom,
  validateCampaignFields,
  type CampaignFieldErrors,
  type CampaignFieldValues,
} from './campaign-fields';
import { showErrors } from '../../lib/show-errors';

/** Loaded on the first click of "New campaign", so Radix is not on the first screen. */
export function NewCampaignDialog({
  open,
  setOpen,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const [values, setValues] = useState<CampaignFieldValues>({
    name: '',
    externalId: '',
    configurationId: '',
  });
  const [errors, setErrors] = useState<CampaignFieldErrors>({});
  const create = useCreateCampaign();
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const invalid = validateCampaignFields(values);
    showErrors(form, () => setErrors(invalid ?? {}));
    if (invalid) return;
    try {
      const campaign = await create.mutateAsync({
        name: values.name.trim(),
        external_id: values.externalId.trim() || undefined,
        configuration_id: values.configurationId || undefined,
      });
      setOpen(false);
      navigate(`/campaigns/${campaign.id}`);
    } catch (error) {
      showErrors(form, () =>
        setErrors(campaignErrorsFrom(error, 'Could not create the campaign.')),
      );
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
        <CampaignFields
          values={values}
          onChange={setValues}
          errors={errors}
          externalIdHint="Optional: your own key for this campaign."
          loadConfigurations={open}
        />
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
