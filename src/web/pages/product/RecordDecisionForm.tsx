import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { issueFor, request } from '../../api/client.ts';
import type { Product } from '../../api/types.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

const DECISIONS = ['invest', 'maintain', 'retire'] as const;
type InvestmentDecision = (typeof DECISIONS)[number];

/** Records invest / maintain / retire with its rationale (POST /products/:id/decision → decision log). */
export function RecordDecisionForm({ product }: { product: Product }) {
  const qc = useQueryClient();
  const [decision, setDecision] = useState<InvestmentDecision>(product.investmentDecision ?? 'invest');
  const [rationale, setRationale] = useState('');
  const [done, setDone] = useState(false);
  const mutation = useMutation({
    mutationFn: () => request('POST', `/api/v1/products/${product.id}/decision`, { decision, rationale }),
    onSuccess: async () => {
      setRationale('');
      setDone(true);
      await qc.invalidateQueries({ queryKey: ['entity', 'products', product.id] });
      await qc.invalidateQueries({ queryKey: ['list'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    mutation.mutate();
  };
  const rationaleError = issueFor(mutation.error, 'rationale');
  const decisionError = issueFor(mutation.error, 'decision');
  return (
    <form className="form-inline-card" onSubmit={submit} aria-label="Record a decision">
      <fieldset>
        <legend>Record a decision</legend>
        <div className="radio-row" role="radiogroup" aria-label="Decision">
          {DECISIONS.map((d) => (
            <label key={d} className="radio">
              <input
                type="radio"
                name="decision"
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              {d.charAt(0).toUpperCase() + d.slice(1)}
            </label>
          ))}
        </div>
        {decisionError && <span className="field-error">{decisionError}</span>}
        <Field
          id="decision-rationale"
          label="Rationale"
          error={rationaleError}
          hint="Lands in the decision log."
        >
          <textarea
            id="decision-rationale"
            rows={3}
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
            aria-invalid={Boolean(rationaleError)}
            aria-describedby={describedBy('decision-rationale', rationaleError, 'hint')}
          />
        </Field>
        <FormError error={mutation.error} fields={['rationale', 'decision']} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Recording…' : 'Record decision'}
          </button>
          {done && (
            <span role="status" className="success-text">
              Decision recorded.
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
