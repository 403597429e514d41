import { RATE_AMOUNT } from '../../../contract/extensions';
import { Field, inputClass } from '../../components/field';

/** An amount of the rate card ("Per minute", "Per call"): 0 to 100, to four decimals. */
export function RateAmountField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error} hint={`${RATE_AMOUNT.min} to ${RATE_AMOUNT.max}`}>
      <input
        type="number"
        step="0.0001"
        min={RATE_AMOUNT.min}
        max={RATE_AMOUNT.max}
        className={inputClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
