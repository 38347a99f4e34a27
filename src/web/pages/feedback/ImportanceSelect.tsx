import { describedBy, Field } from '../../components/Field.tsx';

/** How important the feedback is to its customer: 0 (not) to 3 (critical). */
export function ImportanceSelect({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: number;
  onChange: (v: number) => void;
  error?: string;
}) {
  return (
    <Field id={id} label="Importance to this customer" error={error}>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, error)}
      >
        <option value={0}>0 — not important</option>
        <option value={1}>1 — nice to have</option>
        <option value={2}>2 — important</option>
        <option value={3}>3 — critical</option>
      </select>
    </Field>
  );
}
