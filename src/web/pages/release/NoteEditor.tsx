import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Tag } from '../../components/Tag.tsx';
import { fmtDateTime } from '../../format/format.ts';

export interface ReleaseNote {
  id: string;
  releaseId: string;
  segmentId: string | null;
  markdown: string;
  publishedAt: string | null;
  version: number;
}

/** One release note's markdown, editable (If-Match: a note changed meanwhile is refused, not overwritten). */
export function NoteEditor({
  note,
  title,
  editable,
}: {
  note: ReleaseNote;
  title: string;
  editable: boolean;
}) {
  const qc = useQueryClient();
  const [markdown, setMarkdown] = useState(note.markdown);
  // A recomposed draft replaces the text; a save that only bumped the version leaves it as typed.
  useEffect(() => setMarkdown(note.markdown), [note.markdown]);
  const save = useMutation({
    mutationFn: () =>
      request<ReleaseNote>(
        'PATCH',
        `/api/v1/release-notes/${note.id}`,
        { markdown },
        { ifMatch: note.version },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['release-notes', note.releaseId] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const id = `note-${note.id}`;
  const error = issueFor(save.error, 'markdown');
  const status = note.publishedAt ? (
    <Tag tone="success">Published {fmtDateTime(note.publishedAt)}</Tag>
  ) : (
    <Tag tone="warning">Draft</Tag>
  );
  if (!editable)
    return (
      <section className="note" aria-label={title}>
        <h3 className="small">
          {title} {status}
        </h3>
        <pre className="spec">{note.markdown}</pre>
      </section>
    );
  return (
    <form onSubmit={submit} aria-label={title} className="note">
      <Field id={id} label={`${title} (markdown)`} error={error}>
        <textarea
          id={id}
          rows={10}
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(id, error)}
        />
      </Field>
      <FormError error={save.error} fields={['markdown']} />
      <div className="form-actions">
        {status}
        <button
          type="submit"
          className="btn btn-secondary btn-small"
          disabled={save.isPending || markdown === note.markdown}
        >
          Save note
        </button>
        {save.isSuccess && markdown === save.data.markdown && (
          <span role="status" className="success-text">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
