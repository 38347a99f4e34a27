import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Segment } from '../../api/types.ts';
import { Card } from '../../components/Card.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

const SOURCES = ['sales', 'support', 'portal', 'interview', 'survey', 'other'] as const;

/** Quick capture of a feedback item: the text, why the customer wants it, source and segment. */
export function AddFeedbackForm({ segments, onDone }: { segments: Segment[]; onDone: () => void }) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [why, setWhy] = useState('');
  const [source, setSource] = useState<(typeof SOURCES)[number]>('sales');
  const [segmentId, setSegmentId] = useState('');
  const add = useMutation({
    mutationFn: () =>
      request('POST', '/api/v1/feedback', { text, why, source, segmentId: segmentId || null }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['list'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const textError = issueFor(add.error, 'text');
  return (
    <Card title="Add feedback">
      <form onSubmit={submit} aria-label="Add feedback">
        <Field id="fb-new-text" label="What does the customer ask for?" error={textError}>
          <textarea
            id="fb-new-text"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={Boolean(textError)}
            aria-describedby={describedBy('fb-new-text', textError)}
          />
        </Field>
        <Field
          id="fb-new-why"
          label="Why do they need it?"
          hint="The big why: it shapes the value proposition."
        >
          <textarea
            id="fb-new-why"
            rows={2}
            value={why}
            onChange={(e) => setWhy(e.target.value)}
            aria-describedby="fb-new-why-hint"
          />
        </Field>
        <div className="form-grid">
          <Field id="fb-new-source" label="Source">
            <select
              id="fb-new-source"
              value={source}
              onChange={(e) => setSource(e.target.value as typeof source)}
            >
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
          <Field id="fb-new-segment" label="Segment">
            <select id="fb-new-segment" value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
              <option value="">Unknown</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <FormError error={add.error} fields={['text']} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            Add to inbox
          </button>
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </Card>
  );
}
