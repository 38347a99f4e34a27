import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Goal, Initiative, Product, Segment } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { Card } from '../../components/Card.tsx';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

const KINDS = ['new_product', 'enhancement', 'acquisition', 'platform', 'compliance'] as const;
const FIELDS = [
  'name',
  'kind',
  'segmentId',
  'productId',
  'startPeriod',
  'costPerPeriod',
  'benefitPerPeriod',
  'probability',
  'alignment',
  'description',
];

/** "100000, 120000" → [100000, 120000]; anything unparsable is left for the API to reject. */
function parseSeries(text: string): number[] {
  return text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((x) => Number(x));
}

/** The intake form for a new proposal: cost and benefit per quarter, probability, kind, segment, alignment. */
export function InitiativeIntakeForm({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const segments = useList<Segment>('segments', { sort: 'name', order: 'asc' });
  const products = useList<Product>('products', { sort: 'name', order: 'asc' });
  const goals = useList<Goal>('goals');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('enhancement');
  const [segmentId, setSegmentId] = useState('');
  const [productId, setProductId] = useState('');
  const [startPeriod, setStartPeriod] = useState('2027Q1');
  const [cost, setCost] = useState('');
  const [benefit, setBenefit] = useState('');
  const [probability, setProbability] = useState('70');
  const [alignment, setAlignment] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: () =>
      request<Initiative>('POST', '/api/v1/initiatives', {
        name,
        description,
        kind,
        segmentId: segmentId || null,
        productId: productId || null,
        startPeriod,
        costPerPeriod: parseSeries(cost),
        benefitPerPeriod: parseSeries(benefit),
        probability: Number(probability) / 100,
        alignment: Object.fromEntries(
          Object.entries(alignment)
            .filter(([, v]) => v !== '')
            .map(([k, v]) => [k, Number(v) / 100]),
        ),
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['list'] });
      onDone();
    },
  });
  const err = (f: string) => issueFor(create.error, f);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const input = (
    id: string,
    field: string,
    value: string,
    set: (v: string) => void,
    extra = {},
    hint?: string,
  ) => (
    <input
      id={id}
      value={value}
      onChange={(e) => set(e.target.value)}
      aria-invalid={Boolean(err(field))}
      aria-describedby={describedBy(id, err(field), hint)}
      {...extra}
    />
  );
  return (
    <Card title="New proposal">
      <form onSubmit={submit} aria-label="New initiative proposal">
        <div className="form-grid">
          <Field id="ini-name" label="Name" error={err('name')}>
            {input('ini-name', 'name', name, setName)}
          </Field>
          <Field id="ini-kind" label="Kind" error={err('kind')}>
            <select id="ini-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k.replace('_', ' ')}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ini-segment" label="Target segment" error={err('segmentId')}>
            <select id="ini-segment" value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
              <option value="">None</option>
              {(segments.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ini-product" label="Product" error={err('productId')}>
            <select id="ini-product" value={productId} onChange={(e) => setProductId(e.target.value)}>
              <option value="">None (new or cross-product)</option>
              {(products.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ini-start" label="Start quarter" error={err('startPeriod')} hint="e.g. 2027Q1">
            {input('ini-start', 'startPeriod', startPeriod, setStartPeriod, {}, 'hint')}
          </Field>
          <Field id="ini-prob" label="Probability of success (%)" error={err('probability')} hint="0–100">
            {input(
              'ini-prob',
              'probability',
              probability,
              setProbability,
              { type: 'number', min: 0, max: 100 },
              'hint',
            )}
          </Field>
        </div>
        <Field
          id="ini-cost"
          label="Cost per quarter"
          error={err('costPerPeriod')}
          hint="Comma-separated amounts from the start quarter, e.g. 120000, 150000, 90000"
        >
          {input('ini-cost', 'costPerPeriod', cost, setCost, {}, 'hint')}
        </Field>
        <Field
          id="ini-benefit"
          label="Benefit per quarter"
          error={err('benefitPerPeriod')}
          hint="Comma-separated amounts from the start quarter"
        >
          {input('ini-benefit', 'benefitPerPeriod', benefit, setBenefit, {}, 'hint')}
        </Field>
        <Field id="ini-desc" label="Description" error={err('description')}>
          <textarea
            id="ini-desc"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        {(goals.data ?? []).length > 0 && (
          <fieldset>
            <legend>Alignment with strategic goals (0–100 %)</legend>
            <div className="form-grid">
              {(goals.data ?? []).map((g) => (
                <Field key={g.id} id={`ini-goal-${g.id}`} label={g.name}>
                  <input
                    id={`ini-goal-${g.id}`}
                    type="number"
                    min={0}
                    max={100}
                    value={alignment[g.id] ?? ''}
                    onChange={(e) => setAlignment({ ...alignment, [g.id]: e.target.value })}
                  />
                </Field>
              ))}
            </div>
            {err('alignment') && <span className="field-error">{err('alignment')}</span>}
          </fieldset>
        )}
        <FormError error={create.error} fields={FIELDS} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Submit proposal
          </button>
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </Card>
  );
}
