import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Release } from '../../api/types.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

/** Plans a new release of the product: a name and a planned date. */
export function NewReleaseForm({
  productId,
  onCreated,
}: {
  productId: string;
  onCreated: (r: Release) => void;
}) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [plannedDate, setPlannedDate] = useState('');
  const create = useMutation({
    mutationFn: () =>
      request<Release>('POST', '/api/v1/releases', { productId, name, plannedDate: plannedDate || null }),
    onSuccess: async (r) => {
      setName('');
      setPlannedDate('');
      await qc.invalidateQueries({ queryKey: ['list', 'releases'] });
      onCreated(r);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const err = (f: string) => issueFor(create.error, f);
  return (
    <form onSubmit={submit} aria-label="Plan a new release" className="form-inline-card">
      <div className="form-grid">
        <Field id="release-name" label="Release name" error={err('name')}>
          <input
            id="release-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(err('name'))}
            aria-describedby={describedBy('release-name', err('name'))}
          />
        </Field>
        <Field id="release-date" label="Planned date" error={err('plannedDate')}>
          <input
            id="release-date"
            type="date"
            value={plannedDate}
            onChange={(e) => setPlannedDate(e.target.value)}
            aria-invalid={Boolean(err('plannedDate'))}
            aria-describedby={describedBy('release-date', err('plannedDate'))}
          />
        </Field>
      </div>
      <FormError error={create.error} fields={['name', 'plannedDate']} />
      <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
        Add release
      </button>
    </form>
  );
}
