import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCampaign, usePauseNewCampaign, useUpdateCampaign } from '../../api/campaigns';
import { useExtension } from '../../api/session';
import type { Goal } from '../../../contract/extensions';
import type { Campaign, CampaignUpdate } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showErrors } from '../../lib/show-errors';
import {
  CampaignNameFields,
  campaignErrorsFrom,
  validateCampaignFields,
  type CampaignFieldErrors,
  type CampaignFieldValues,
} from './campaign-fields';
import { ConfigurationChoice } from './configuration-choice';
import { GoalField, parseGoalText } from './goal-field';
import { NewCampaignReview } from './new-campaign-review';

// The CSV parser and the importer load when the flow reaches its contacts step.
const ImportWizard = lazy(() => import('../../entities/contact/import/import-wizard'));

const STEPS = [
  { key: 'name', title: 'Name' },
  { key: 'configuration', title: 'Configuration' },
  { key: 'contacts', title: 'Import contacts' },
  { key: 'review', title: 'Review and start' },
] as const;
type Step = (typeof STEPS)[number]['key'];

function Actions({ back, children }: { back?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {back && <div className="mr-auto">{back}</div>}
      {children}
    </div>
  );
}

/**
 * New campaign, step by step: name → configuration (the campaign is created there, paused) →
 * import contacts → review → Start calling or Keep paused. Nothing dials before Start: the
 * contract creates campaigns active, so it is paused before it has any contact to call.
 * Loaded on the first click of "New campaign", so Radix is not on the first screen.
 */
export function NewCampaignDialog({
  open,
  setOpen,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const [step, setStep] = useState<Step>('name');
  const [values, setValues] = useState<CampaignFieldValues>({
    name: '',
    externalId: '',
    configurationId: '',
  });
  const [goal, setGoal] = useState('');
  const [errors, setErrors] = useState<CampaignFieldErrors>({});
  // The campaign once created, and the fields it was last saved with: going back and changing
  // them saves the change instead of creating a second campaign.
  const [created, setCreated] = useState<Campaign | null>(null);
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  // The importer stays mounted once reached, so Back and Next keep a file chosen in it.
  const [importing, setImporting] = useState(false);
  const goalOffered = useExtension('goal');
  const create = useCreateCampaign();
  const update = useUpdateCampaign(created?.id ?? '');
  const pause = usePauseNewCampaign();
  const navigate = useNavigate();
  const body = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Each step change puts the focus on its heading, so a screen reader says where it is.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [step]);

  function goTo(next: Step) {
    moved.current = true;
    setErrors({});
    if (next === 'contacts') setImporting(true);
    setStep(next);
  }

  // Once created, closing the dialog goes to the campaign: it exists, paused.
  function leave() {
    setOpen(false);
    if (created) navigate(`/campaigns/${created.id}`);
  }

  function toConfiguration(event: FormEvent) {
    event.preventDefault();
    const parsedGoal = goalOffered ? parseGoalText(goal) : null;
    const invalid = {
      ...validateCampaignFields(values),
      ...(parsedGoal && !parsedGoal.ok ? { goal: parsedGoal.error } : {}),
    };
    showErrors(body.current, () => setErrors(invalid));
    if (Object.keys(invalid).length === 0) goTo('configuration');
  }

  // The fields as a PATCH would send them ((ext) goal only to a server that lists it).
  function fields(): CampaignUpdate & { goal?: Goal | null } {
    const parsedGoal = goalOffered ? parseGoalText(goal) : null;
    return {
      name: values.name.trim(),
      external_id: values.externalId.trim() || null,
      configuration_id: values.configurationId || null,
      ...(parsedGoal?.ok ? { goal: parsedGoal.value } : {}),
    };
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const wanted = fields();
    let campaign = created;
    try {
      if (!campaign) {
        campaign = await create.mutateAsync({
          name: wanted.name!,
          external_id: wanted.external_id ?? undefined,
          configuration_id: wanted.configuration_id ?? undefined,
          ...(wanted.goal ? { goal: wanted.goal } : {}),
        });
      } else if (JSON.stringify(wanted) !== saved) {
        campaign = await update.mutateAsync(wanted);
      }
      setCreated(campaign);
      setSaved(JSON.stringify(wanted));
    } catch (error) {
      setSaving(false);
      const found = campaignErrorsFrom(
        error,
        created ? 'Could not save the campaign.' : 'Could not create the campaign.',
      );
      // A field of the first step is shown there, at the field, with what was typed.
      const first = found.name || found.external_id || found.goal;
      showErrors(body.current, () => {
        setErrors(found);
        if (first) setStep('name');
      });
      return;
    }
    if (campaign.status === 'active') {
      try {
        campaign = await pause.mutateAsync(campaign.id);
        setCreated(campaign);
      } catch (error) {
        setSaving(false);
        // It exists: Continue tries the pause again, never a second create.
        setErrors({
          form: `${campaign.name} was created but could not be paused (${(error as Error).message}). It has no contacts, so nothing is dialled. Press Continue to try again.`,
        });
        return;
      }
    }
    setSaving(false);
    goTo('contacts');
  }

  const index = STEPS.findIndex((s) => s.key === step);
  const back = (to: Step) => <Button onClick={() => goTo(to)}>Back</Button>;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : leave())}
      wide
      title="New campaign"
      description="Four steps. The campaign is created paused: nothing is dialled until you start it."
    >
      <div ref={body}>
        <ol aria-label="Steps" className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {STEPS.map((s, i) => (
            <li
              key={s.key}
              aria-current={i === index ? 'step' : undefined}
              className={
                i === index
                  ? 'font-semibold text-indigo-800'
                  : i < index
                    ? 'text-slate-700'
                    : 'text-slate-500'
              }
            >
              {i + 1}. {s.title}
            </li>
          ))}
        </ol>
        <h3
          ref={heading}
          tabIndex={-1}
          className="mt-4 mb-3 text-base font-semibold focus:outline-none"
        >
          Step {index + 1} of {STEPS.length}: {STEPS[index]!.title}
        </h3>

        {step === 'name' && (
          <form onSubmit={toConfiguration} className="space-y-4" noValidate>
            <CampaignNameFields
              values={values}
              onChange={setValues}
              errors={errors}
              externalIdHint="Optional: your own key for this campaign."
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
            {errors.form && (
              <p role="alert" className="text-sm text-red-800">
                {errors.form}
              </p>
            )}
            <Actions>
              <Button onClick={leave}>Cancel</Button>
              <Button type="submit" variant="primary">
                Next
              </Button>
            </Actions>
          </form>
        )}

        {step === 'configuration' && (
          <form onSubmit={save} className="space-y-4" noValidate>
            <ConfigurationChoice
              value={values.configurationId}
              onChange={(configurationId) => setValues({ ...values, configurationId })}
              error={errors.configuration_id}
            />
            <p className="text-sm text-slate-700">
              {created
                ? `${created.name} is created and paused.`
                : 'Next creates the campaign, paused: nothing is dialled until you start it at the last step.'}
            </p>
            {errors.form && (
              <p role="alert" className="text-sm text-red-800">
                {errors.form}
              </p>
            )}
            <Actions back={back('name')}>
              <Button type="submit" variant="primary" disabled={saving}>
                {saving ? 'Saving…' : created ? 'Continue' : 'Create campaign'}
              </Button>
            </Actions>
          </form>
        )}

        {created && importing && (
          <div hidden={step !== 'contacts'}>
            <p className="mb-3 text-sm text-slate-700">
              Add the people to call from a CSV file, or skip this and import them later from the
              campaign&apos;s Contacts tab.
            </p>
            <Suspense fallback={<p className="text-sm text-slate-600">Loading the importer…</p>}>
              <ImportWizard
                campaign={created}
                onClose={() => goTo('review')}
                cancelLabel="Skip import"
                doneLabel="Continue"
                back={back('configuration')}
              />
            </Suspense>
          </div>
        )}

        {step === 'review' && created && (
          <NewCampaignReview
            campaign={created}
            goal={goalOffered ? goal : ''}
            back={back('contacts')}
            onDone={leave}
          />
        )}
      </div>
    </Dialog>
  );
}
