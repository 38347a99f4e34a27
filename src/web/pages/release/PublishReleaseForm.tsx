import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Release } from '../../api/types.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** Publishes the release with a date: notes go public, the release is marked released, events go out. */
export function PublishReleaseForm({ release }: { release: Release }) {
  const qc = useQueryClient();
  const [date, setDate] = useState(today);
  const publish = useMutation({
    mutationFn: () => request('POST', `/api/v1/releases/${release.id}/publish`, { date }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['list', 'releases'] });
      await qc.invalidateQueries({ queryKey: ['release-notes', release.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate();
  };
  const error = issueFor(publish.error, 'date');
  return (
    <form onSubmit={submit} aria-label="Publish the release" className="publish-form">
      <Field id="publish-date" label="Release date shown on the changelog" error={error}>
        <input
          id="publish-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy('publish-date', error)}
        />
      </Field>
      <FormError error={publish.error} fields={['date']} />
      <button type="submit" className="btn btn-primary" disabled={publish.isPending}>
        Publish release
      </button>
    </form>
  );
}
