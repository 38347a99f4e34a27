import { useState } from 'react';
import type { Feature } from '../api/types.ts';
import { humanize } from '../format/format.ts';
import { type BulkResult, bulkUpdate } from './bulkUpdate.ts';

const STATUSES = ['idea', 'parking_lot', 'planned', 'in_progress', 'shipped', 'rejected'] as const;

/** Sets the status of every selected feature; moving to the parking lot asks for the reason. */
export function BulkStatusBar({
  selected,
  onDone,
}: {
  selected: Feature[];
  onDone: (result: BulkResult) => void;
}) {
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('planned');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    const patch: Partial<Feature> =
      status === 'parking_lot' ? { status, parkedReason: reason.trim() || null } : { status };
    const result = await bulkUpdate(selected, patch);
    setBusy(false);
    onDone(result);
  };
  return (
    <fieldset className="toolbar" aria-label="Bulk edit">
      <strong>{selected.length} selected</strong>
      <label htmlFor="bulk-status">Set status to</label>
      <select id="bulk-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </select>
      {status === 'parking_lot' && (
        <>
          <label htmlFor="bulk-reason">Reason</label>
          <input id="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)} size={32} />
        </>
      )}
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy || selected.length === 0}
        onClick={apply}
      >
        {busy ? 'Applying…' : 'Apply'}
      </button>
    </fieldset>
  );
}
