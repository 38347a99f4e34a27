import type { ReactNode } from 'react';

/** A list of rows to choose one from (the chosen one is pressed); what each row shows is up to the caller. */
export function PickList<T extends { id: string }>({
  label,
  items,
  selectedId,
  onSelect,
  className,
  children,
}: {
  label: string;
  items: T[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  className?: string;
  children: (item: T) => ReactNode;
}) {
  return (
    <ul aria-label={label} className={className ? `plain-list ${className}` : 'plain-list'}>
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="list-item-button"
            aria-pressed={item.id === selectedId}
            onClick={() => onSelect(item.id)}
          >
            {children(item)}
          </button>
        </li>
      ))}
    </ul>
  );
}
