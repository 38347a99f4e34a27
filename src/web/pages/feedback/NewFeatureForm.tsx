import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Feature, Product } from '../../api/types.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { ImportanceSelect } from './ImportanceSelect.tsx';

/** Creates a new feature (status idea) from the feedback and links the two. */
export function NewFeatureForm({
  feedbackId,
  products,
  defaultTitle,
  onLinked,
}: {
  feedbackId: string;
  products: Product[];
  defaultTitle: string;
  onLinked: (f: Feature) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const [title, setTitle] = useState(defaultTitle);
  const [importance, setImportance] = useState(2);
  const create = useMutation({
    mutationFn: async () => {
      const feature = await request<Feature>('POST', '/api/v1/features', { productId, title });
      await request('POST', '/api/v1/feedback-links', { feedbackId, featureId: feature.id, importance });
      return feature;
    },
    onSuccess: (f) => {
      setOpen(false);
      onLinked(f);
    },
  });
  if (!open) {
    return (
      <div className="form-actions" style={{ marginBottom: 12 }}>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
          Create a new feature from this
        </button>
        {create.isSuccess && (
          <span role="status" className="success-text">
            Feature created and linked.
          </span>
        )}
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const titleError = issueFor(create.error, 'title');
  return (
    <form className="form-inline-card" onSubmit={submit} aria-label="Create a feature and link it">
      <fieldset>
        <legend>New feature</legend>
        <Field id={`${id}-product`} label="Product" error={issueFor(create.error, 'productId')}>
          <select id={`${id}-product`} value={productId} onChange={(e) => setProductId(e.target.value)}>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-title`} label="Title" error={titleError}>
          <input
            id={`${id}-title`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={Boolean(titleError)}
            aria-describedby={describedBy(`${id}-title`, titleError)}
          />
        </Field>
        <ImportanceSelect id={`${id}-importance`} value={importance} onChange={setImportance} />
        <FormError error={create.error} fields={['title', 'productId']} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={create.isPending}>
            Create and link
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
