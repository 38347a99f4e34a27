/** One choice of a tab bar: its value in the URL ('' for the default) and its label. */
export interface TabDef {
  value: string;
  label: string;
}

/** A row of tabs whose current value lives in the URL (see useQueryParam), so views are shareable. */
export function Tabs({
  label,
  tabs,
  value,
  onChange,
}: {
  label: string;
  tabs: TabDef[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.value}
          type="button"
          role="tab"
          aria-selected={value === t.value}
          onClick={() => onChange(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
