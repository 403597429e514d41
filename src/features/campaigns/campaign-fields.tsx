import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { configurationQueries } from '../../api/configurations';
import { Field, inputClass } from '../../components/field';

export type CampaignFieldValues = { name: string; externalId: string; configurationId: string };

export type CampaignFieldErrors = {
  name?: string;
  external_id?: string;
  configuration_id?: string;
  /** (ext) campaign-concurrency, shown by the Settings tab's cap field. */
  max_concurrent_calls?: string;
  /** (ext) goal. */
  goal?: string;
  form?: string;
};

const fieldNames = ['name', 'external_id', 'configuration_id', 'max_concurrent_calls', 'goal'];

/** Puts a server 422 next to its field, a 409 on external_id, anything else under the form. */
export function campaignErrorsFrom(error: unknown, fallback: string): CampaignFieldErrors {
  if (!(error instanceof ApiError)) return { form: fallback };
  const fields = error.fieldErrors();
  if (Object.keys(fields).length > 0) {
    return {
      name: fields.name,
      external_id: fields.external_id,
      configuration_id: fields.configuration_id,
      max_concurrent_calls: fields.max_concurrent_calls,
      goal: fields.goal,
      form: Object.keys(fields).some((k) => !fieldNames.includes(k)) ? error.message : undefined,
    };
  }
  if (error.status === 409) return { external_id: error.message };
  return { form: error.message };
}

/** Client-side check mirroring the server's: only the name is required. */
export function validateCampaignFields(values: CampaignFieldValues): CampaignFieldErrors | null {
  return values.name.trim() ? null : { name: 'Name is required' };
}

type FieldsProps = {
  values: CampaignFieldValues;
  onChange: (values: CampaignFieldValues) => void;
  errors: CampaignFieldErrors;
  readOnly?: boolean;
  externalIdHint: string;
};

/** Name and external_id: the first step of "New campaign", and the top of the Settings tab. */
export function CampaignNameFields({
  values,
  onChange,
  errors,
  readOnly = false,
  externalIdHint,
}: FieldsProps) {
  const set = (patch: Partial<CampaignFieldValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <Field label="Name" error={errors.name}>
        <input
          className={inputClass}
          value={values.name}
          readOnly={readOnly}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <Field label="External ID" error={errors.external_id} hint={externalIdHint}>
        <input
          className={inputClass}
          value={values.externalId}
          readOnly={readOnly}
          onChange={(e) => set({ externalId: e.target.value })}
        />
      </Field>
    </>
  );
}

/** Name, external_id and configuration: the Settings tab's fields. */
export function CampaignFields(props: FieldsProps) {
  const { values, onChange, errors, readOnly = false } = props;
  const configurations = useQuery(configurationQueries.list());
  return (
    <>
      <CampaignNameFields {...props} />
      <Field label="Configuration" error={errors.configuration_id}>
        <select
          className={inputClass}
          value={values.configurationId}
          disabled={readOnly}
          onChange={(e) => onChange({ ...values, configurationId: e.target.value })}
        >
          <option value="">None (defaults: up to 3 calls, 1 hour apart, any time)</option>
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
    </>
  );
}
