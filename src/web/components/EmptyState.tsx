import type { ReactNode } from 'react';

/** What a list shows when it has nothing to show, with a hint at what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="panel panel-empty">
      <p className="panel-title">{title}</p>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
