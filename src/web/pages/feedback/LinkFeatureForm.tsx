import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Feature, Product } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { ImportanceSelect } from './ImportanceSelect.tsx';

/** Links the feedback to an existing feature of a product the user may change. */
export function LinkFeatureForm({
  feedbackId,
  products,
  onLinked,
}: {
  feedbackId: string;
  products: Product[];
  onLinked: () => void;
}) {
  const id = useId();
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const [search, setSearch] = useState('');
  const [featureId, setFeatureId] = useState('');
  const [importance, setImportance] = useState(2);
  const features = useList<Feature>(
    'features',
    { productId, q: search.trim() || undefined },
    Boolean(productId),
  );
  const link = useMutation({
    mutationFn: () => request('POST', '/api/v1/feedback-links', { feedbackId, featureId, importance }),
    onSuccess: () => {
      setFeatureId('');
      onLinked();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    link.mutate();
  };
  const featureError = issueFor(link.error, 'featureId');
  const options = (features.data ?? []).slice(0, 200);
  return (
    <form className="form-inline-card" onSubmit={submit} aria-label="Link to an existing feature">
      <fieldset>
        <legend>Link to an existing feature</legend>
        <div className="form-grid">
          <Field id={`${id}-product`} label="Product">
            <select id={`${id}-product`} value={productId} onChange={(e) => setProductId(e.target.value)}>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-search`} label="Find feature">
            <input
              id={`${id}-search`}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </Field>
        </div>
        <Field id={`${id}-feature`} label="Feature" error={featureError}>
          <select
            id={`${id}-feature`}
            value={featureId}
            onChange={(e) => setFeatureId(e.target.value)}
            aria-invalid={Boolean(featureError)}
            aria-describedby={describedBy(`${id}-feature`, featureError)}
          >
            <option value="">{features.isPending ? 'Loading…' : `Choose one of ${options.length}`}</option>
            {options.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        </Field>
        <ImportanceSelect
          id={`${id}-importance`}
          value={importance}
          onChange={setImportance}
          error={issueFor(link.error, 'importance')}
        />
        <FormError error={link.error} fields={['featureId', 'importance']} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={!featureId || link.isPending}>
            Link feature
          </button>
          {link.isSuccess && (
            <span role="status" className="success-text">
              Linked.
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
