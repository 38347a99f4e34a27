import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Card } from './Card.tsx';
import { QueryState } from './QueryState.tsx';

/** One column of a list: its header, how a row shows in it, and whether it holds figures (right-aligned). */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  num?: boolean;
}

/**
 * A filtered list: the filters, then the rows as a table with loading, error and empty states. The
 * list pages (products, initiatives, decisions, …) differ only in their filters and columns.
 */
export function ListCard<T extends { id: string }>({
  filters,
  query,
  label,
  empty,
  emptyHint = 'Clear the filters to see everything.',
  columns,
}: {
  filters: ReactNode;
  query: UseQueryResult<T[]>;
  /** What the rows are, for the loading message ("products"). */
  label: string;
  empty: string;
  emptyHint?: ReactNode;
  columns: Column<T>[];
}) {
  return (
    <Card>
      <div className="filters">{filters}</div>
      <QueryState query={query} label={label} empty={empty} emptyHint={emptyHint}>
        {(rows) => (
          <table className="table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.num ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.num ? 'num' : undefined}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </Card>
  );
}
