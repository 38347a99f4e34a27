import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { ConstraintsBody, SavedScenario } from '../../api/optimizer.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

/**
 * Saves the constraints as a named scenario. The server runs the optimizer again and stores its report
 * with the candidates' versions (so a commit can tell when they changed).
 */
export function SaveScenarioForm({
  body,
  onSaved,
}: {
  body: ConstraintsBody;
  onSaved: (s: SavedScenario) => void;
}) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: () => request<SavedScenario>('POST', '/api/v1/scenarios', { ...body, name, description }),
    onSuccess: async (s) => {
      await qc.invalidateQueries({ queryKey: ['scenarios'] });
      onSaved(s);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const nameError = issueFor(save.error, 'name');
  const descriptionError = issueFor(save.error, 'description');
  return (
    <form onSubmit={submit} aria-label="Save as scenario">
      <div className="form-grid">
        <Field id="scenario-name" label="Scenario name" error={nameError}>
          <input
            id="scenario-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(nameError)}
            aria-describedby={describedBy('scenario-name', nameError)}
          />
        </Field>
        <Field id="scenario-description" label="Description (optional)" error={descriptionError}>
          <input
            id="scenario-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
      </div>
      <FormError error={save.error} fields={['name', 'description']} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save scenario
        </button>
        {save.isPending && (
          <span role="status" className="muted">
            <span className="spinner" aria-hidden="true" /> Saving: the server runs the optimizer again…
          </span>
        )}
      </div>
    </form>
  );
}
