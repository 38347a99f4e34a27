import type { FormEvent, ReactNode } from 'react';
import type { Goal, Initiative, Segment } from '../../api/types.ts';
import { useList } from '../../api/useList.ts';
import { describedBy, Field } from '../../components/Field.tsx';
import { humanize } from '../../format/format.ts';
import { type BoundText, CANDIDATE_STAGES, type ConstraintsState, OBJECTIVES } from './constraintsState.ts';

interface Role {
  id: string;
  name: string;
}

const OBJECTIVE_LABELS: Record<string, string> = {
  strategic_value: 'Strategic value (goal alignment × segment priority)',
  expected_npv: 'Expected NPV (probability × net present value)',
  risk_adjusted: 'Risk-adjusted value (expected NPV − risk exposure)',
};

type Rule = '' | 'include' | 'exclude';

/** A text input bound to one field of the state, with the server's message for it. */
function TextField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        inputMode="decimal"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, error, hint)}
      />
    </Field>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <details className="constraint-section">
      <summary>
        {title}
        {count > 0 && <span className="tag tag-info">{count} set</span>}
      </summary>
      {children}
    </details>
  );
}

/** Minimum and maximum per segment or per goal: one row each, problems beside the row. */
function BoundsTable({
  heading,
  prefix,
  rows,
  bounds,
  errors,
  errorKey,
  onChange,
}: {
  heading: string;
  prefix: string;
  rows: { id: string; name: string }[];
  bounds: Record<string, BoundText>;
  errors: Record<string, string | undefined>;
  errorKey: string;
  onChange: (id: string, b: BoundText) => void;
}) {
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Minimum</th>
          <th scope="col">Maximum</th>
          <th scope="col">
            <span className="visually-hidden">Problems</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <BoundRow
            key={r.id}
            prefix={prefix}
            id={r.id}
            name={r.name}
            value={bounds[r.id] ?? { min: '', max: '' }}
            error={errors[`${errorKey}.${r.id}`]}
            onChange={(b) => onChange(r.id, b)}
          />
        ))}
      </tbody>
    </table>
  );
}

/** Min/max inputs for one row of segment or goal bounds. */
function BoundRow({
  prefix,
  id,
  name,
  value,
  error,
  onChange,
}: {
  prefix: string;
  id: string;
  name: string;
  value: BoundText;
  error?: string;
  onChange: (b: BoundText) => void;
}) {
  const base = `${prefix}-${id}`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <input
          id={`${base}-min`}
          aria-label={`${name}: minimum`}
          inputMode="decimal"
          value={value.min}
          onChange={(e) => onChange({ ...value, min: e.target.value })}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${base}-error` : undefined}
        />
      </td>
      <td>
        <input
          aria-label={`${name}: maximum`}
          inputMode="decimal"
          value={value.max}
          onChange={(e) => onChange({ ...value, max: e.target.value })}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${base}-error` : undefined}
        />
      </td>
      <td>
        {error && (
          <span id={`${base}-error`} className="field-error" role="alert">
            {error}
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * Every constraint POST /optimizer/run accepts: objective, budget (share of the candidates' cost or an
 * amount per quarter), capacity per role, segment and goal bounds, risk cap, initiatives forced in or
 * out, candidate stages, method and time limit. Errors are the server's, shown beside their field.
 */
export function ConstraintsForm({
  state,
  onChange,
  onSubmit,
  errors,
  busy,
  submitLabel,
  extraActions,
}: {
  state: ConstraintsState;
  onChange: (s: ConstraintsState) => void;
  onSubmit: () => void;
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  extraActions?: ReactNode;
}) {
  const roles = useList<Role>('roles', { sort: 'name', order: 'asc' });
  const segments = useList<Segment>('segments', { sort: 'name', order: 'asc' });
  const goals = useList<Goal>('goals', { sort: 'name', order: 'asc' });
  const initiatives = useList<Initiative>('initiatives', { sort: 'name', order: 'asc' });
  const set = <K extends keyof ConstraintsState>(key: K, value: ConstraintsState[K]) =>
    onChange({ ...state, [key]: value });
  const stages = state.stages.length ? state.stages : ['proposed', 'approved', 'active'];
  const candidates = (initiatives.data ?? []).filter(
    (i) => stages.includes(i.stage) || state.include.includes(i.id) || state.exclude.includes(i.id),
  );
  const ruleOf = (id: string): Rule =>
    state.include.includes(id) ? 'include' : state.exclude.includes(id) ? 'exclude' : '';
  const setRule = (id: string, rule: Rule) =>
    onChange({
      ...state,
      include:
        rule === 'include'
          ? [...state.include.filter((x) => x !== id), id]
          : state.include.filter((x) => x !== id),
      exclude:
        rule === 'exclude'
          ? [...state.exclude.filter((x) => x !== id), id]
          : state.exclude.filter((x) => x !== id),
    });
  const toggleStage = (stage: string) => {
    const next = stages.includes(stage) ? stages.filter((s) => s !== stage) : [...stages, stage];
    set('stages', next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const setBounds = (key: 'segmentBounds' | 'goalBounds', id: string, b: BoundText) =>
    onChange({ ...state, [key]: { ...state[key], [id]: b } });
  const filled = (m: Record<string, BoundText>) =>
    Object.values(m).filter((b) => b.min.trim() || b.max.trim()).length;

  return (
    <form onSubmit={submit} aria-label="Optimizer constraints" className="constraints-form">
      <div className="form-grid">
        <Field id="opt-objective" label="Objective" error={errors.objective}>
          <select
            id="opt-objective"
            value={state.objective}
            onChange={(e) => set('objective', e.target.value as ConstraintsState['objective'])}
          >
            {OBJECTIVES.map((o) => (
              <option key={o} value={o}>
                {OBJECTIVE_LABELS[o]}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="opt-share"
          label="Budget: share of candidates' cost (%)"
          hint="Per quarter; default 60 %. Ignored when an amount is given."
          placeholder="60"
          value={state.budgetShare}
          error={errors.budgetShare}
          onChange={(v) => set('budgetShare', v)}
        />
        <TextField
          id="opt-budget"
          label="Budget per quarter (amount)"
          hint="One amount for every quarter, or one per quarter: 3e6, 4e6, …"
          value={state.budgetPerPeriod}
          error={errors.budgetPerPeriod}
          onChange={(v) => set('budgetPerPeriod', v)}
        />
        <TextField
          id="opt-risk"
          label="Risk cap (exposure)"
          hint="Σ probability × impact of the chosen initiatives' open risks"
          value={state.riskCap}
          error={errors.riskCap}
          onChange={(v) => set('riskCap', v)}
        />
        <Field id="opt-method" label="Method" error={errors.method}>
          <select
            id="opt-method"
            value={state.method}
            onChange={(e) => set('method', e.target.value as 'exact' | 'greedy')}
          >
            <option value="exact">Exact (integer programming)</option>
            <option value="greedy">Greedy (fast heuristic)</option>
          </select>
        </Field>
        <TextField
          id="opt-limit"
          label="Time limit (seconds)"
          hint="0.1–60; default 5"
          placeholder="5"
          value={state.timeLimitSeconds}
          error={errors.timeLimitSeconds}
          onChange={(v) => set('timeLimitSeconds', v)}
        />
      </div>
      <div className="form-grid">
        <TextField
          id="opt-delay"
          label="Latest delay (quarters)"
          hint="How late a start may move"
          value={state.maxDelay}
          error={errors.maxDelay}
          onChange={(v) => set('maxDelay', v)}
        />
      </div>
      <p>
        <label className="checkbox-label" htmlFor="opt-phased">
          <input
            id="opt-phased"
            type="checkbox"
            checked={state.timePhased}
            onChange={(e) => set('timePhased', e.target.checked)}
          />
          Let the optimizer choose start quarters (up to the latest delay)
        </label>
      </p>
      <fieldset>
        <legend>Candidate stages</legend>
        <div className="radio-row">
          {CANDIDATE_STAGES.map((s) => (
            <label key={s} className="checkbox-label">
              <input type="checkbox" checked={stages.includes(s)} onChange={() => toggleStage(s)} />{' '}
              {humanize(s)}
            </label>
          ))}
        </div>
        {errors.stages && (
          <span className="field-error" role="alert">
            {errors.stages}
          </span>
        )}
      </fieldset>

      <Section
        title="Mandatory and forbidden initiatives"
        count={state.include.length + state.exclude.length}
      >
        {(errors.include || errors.exclude) && (
          <p className="field-error" role="alert">
            {errors.include ?? errors.exclude}
          </p>
        )}
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col">Stage</th>
              <th scope="col">Rule</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{humanize(i.stage)}</td>
                <td>
                  <select
                    aria-label={`Rule for ${i.name}`}
                    value={ruleOf(i.id)}
                    onChange={(e) => setRule(i.id, e.target.value as Rule)}
                  >
                    <option value="">Optimizer decides</option>
                    <option value="include">Must fund</option>
                    <option value="exclude">Must not fund</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section
        title="Capacity per role (FTE per quarter)"
        count={Object.values(state.capacity).filter((v) => v.trim()).length}
      >
        <p className="muted small">
          Empty: the role's people (FTE − time off). One figure, or one per quarter.
        </p>
        <div className="form-grid">
          {(roles.data ?? []).map((r) => (
            <TextField
              key={r.id}
              id={`opt-cap-${r.id}`}
              label={r.name}
              value={state.capacity[r.id] ?? ''}
              error={errors[`cap.${r.id}`]}
              onChange={(v) => set('capacity', { ...state.capacity, [r.id]: v })}
            />
          ))}
        </div>
      </Section>

      <Section title="Segment balance (budget spent per segment)" count={filled(state.segmentBounds)}>
        <BoundsTable
          heading="Segment"
          prefix="opt-seg"
          rows={segments.data ?? []}
          bounds={state.segmentBounds}
          errors={errors}
          errorKey="seg"
          onChange={(id, b) => setBounds('segmentBounds', id, b)}
        />
      </Section>

      <Section title="Goal balance (alignment-weighted budget per goal)" count={filled(state.goalBounds)}>
        <BoundsTable
          heading="Goal"
          prefix="opt-goal"
          rows={goals.data ?? []}
          bounds={state.goalBounds}
          errors={errors}
          errorKey="goal"
          onChange={(id, b) => setBounds('goalBounds', id, b)}
        />
      </Section>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
