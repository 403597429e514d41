import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCampaign, usePauseNewCampaign } from '../../api/campaigns';
import { useExtension } from '../../api/session';
import { showToast } from '../../components/toaster';
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
import { GoalField, parseGoalText } from './goal-field';

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
  const [startPaused, setStartPaused] = useState(false);
  const goalOffered = useExtension('goal');
  const [goal, setGoal] = useState('');
  const create = useCreateCampaign();
  const pause = usePauseNewCampaign();
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const parsedGoal = goalOffered ? parseGoalText(goal) : null;
    const invalid = {
      ...validateCampaignFields(values),
      ...(parsedGoal && !parsedGoal.ok ? { goal: parsedGoal.error } : {}),
    };
    showErrors(form, () => setErrors(invalid));
    if (Object.keys(invalid).length > 0) return;
    try {
      const campaign = await create.mutateAsync({
        name: values.name.trim(),
        external_id: values.externalId.trim() || undefined,
        configuration_id: values.configurationId || undefined,
        // (ext) goal: sent only to a server that lists it, and only when one is set.
        ...(parsedGoal?.ok && parsedGoal.value ? { goal: parsedGoal.value } : {}),
      });
      if (startPaused) {
        // It has no contacts yet, so pausing now means an import never dials before Start.
        // If this fails the campaign exists: go to it and say so, rather than offer a retry
        // that would create it twice.
        await pause
          .mutateAsync(campaign.id)
          .catch((error: Error) =>
            showToast(
              `${campaign.name} was created but not paused (${error.message}). Pause it before importing contacts.`,
            ),
          );
      }
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
      description="Campaigns start active, dialing contacts as they are added, unless you start them paused."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <CampaignFields
          values={values}
          onChange={setValues}
          errors={errors}
          externalIdHint="Optional: your own key for this campaign."
          loadConfigurations={open}
        />
        {goalOffered && (
          <GoalField
            text={goal}
            onChange={setGoal}
            error={errors.goal}
            readOnly={false}
            seen={[]}
          />
        )}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={startPaused}
            onChange={(e) => setStartPaused(e.target.checked)}
          />
          <span>
            Start paused
            <span className="block text-xs text-slate-600">
              Nothing is dialed until you press Start, so you can import and check contacts first.
            </span>
          </span>
        </label>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || pause.isPending}>
            {create.isPending || pause.isPending ? 'Creating…' : 'Create campaign'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
