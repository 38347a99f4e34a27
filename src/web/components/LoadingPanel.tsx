/** A loading placeholder announced to screen readers. */
export function LoadingPanel({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="panel panel-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </div>
  );
}
