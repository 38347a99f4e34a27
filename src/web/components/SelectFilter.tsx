export interface Option {
  value: string;
  label: string;
}

/** A labelled drop-down filter whose first choice is "All". */
export function SelectFilter({
  id,
  label,
  value,
  onChange,
  options,
  allLabel = 'All',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  allLabel?: string;
}) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
