import type { JobProgress } from '../../api/optimizerJobs.ts';

/** Spinner, seconds elapsed and the server's status while a long call runs; a cancel button. */
export function RunProgress({
  what,
  progress,
  elapsed,
  onCancel,
}: {
  what: string;
  progress: JobProgress | null;
  elapsed: number;
  onCancel: () => void;
}) {
  const counted =
    progress?.total !== undefined && progress.done !== undefined
      ? ` (${progress.done} of ${progress.total})`
      : '';
  return (
    <div
      className="panel panel-loading run-progress"
      role="status"
      aria-live="polite"
      data-testid="run-progress"
    >
      <span className="spinner" aria-hidden="true" />
      <span>
        {what}… <strong data-testid="elapsed">{elapsed} s</strong>
        <span className="muted">
          {' '}
          · {progress?.message ?? 'Starting'}
          {counted}
        </span>
      </span>
      <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
