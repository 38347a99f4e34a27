import type { ConstraintsBody, Objective } from '../../api/optimizer.ts';

export interface BoundText {
  min: string;
  max: string;
}

/**
 * The constraints form as typed: text fields stay text until sent, so what the user typed is what the
 * server validates (and its message lands beside that field).
 */
export interface ConstraintsState {
  objective: Objective;
  /** Percent of the candidates' cost per quarter; '' = the server's default (60 %). */
  budgetShare: string;
  /** One amount for every quarter or one per quarter ("3e6, 4e6, …"); '' = use the share. */
  budgetPerPeriod: string;
  /** Role id → FTE per quarter, same syntax; absent = the role's people. */
  capacity: Record<string, string>;
  segmentBounds: Record<string, BoundText>;
  goalBounds: Record<string, BoundText>;
  riskCap: string;
  include: string[];
  exclude: string[];
  /** [] = the default candidates (proposed, approved, active). */
  stages: string[];
  method: 'exact' | 'greedy';
  timeLimitSeconds: string;
  timePhased: boolean;
  maxDelay: string;
}

export const OBJECTIVES: Objective[] = ['strategic_value', 'expected_npv', 'risk_adjusted'];
export const CANDIDATE_STAGES = ['proposed', 'approved', 'active', 'on_hold'] as const;

export const EMPTY_CONSTRAINTS: ConstraintsState = {
  objective: 'strategic_value',
  budgetShare: '',
  budgetPerPeriod: '',
  capacity: {},
  segmentBounds: {},
  goalBounds: {},
  riskCap: '',
  include: [],
  exclude: [],
  stages: [],
  method: 'exact',
  timeLimitSeconds: '',
  timePhased: true,
  maxDelay: '',
};

const list = (s: string | null) => (s ? s.split(',').filter(Boolean) : []);

function bounds(search: URLSearchParams, prefix: string): Record<string, BoundText> {
  const out: Record<string, BoundText> = {};
  for (const [k, v] of search) {
    if (!k.startsWith(prefix)) continue;
    const [min = '', max = ''] = v.split(':');
    out[k.slice(prefix.length)] = { min, max };
  }
  return out;
}

/** Reads the constraints from the page's query string (a shared link reproduces the run). */
export function stateFromSearch(search: URLSearchParams): ConstraintsState {
  const objective = search.get('objective') as Objective | null;
  const capacity: Record<string, string> = {};
  for (const [k, v] of search) if (k.startsWith('cap.')) capacity[k.slice(4)] = v;
  return {
    objective: objective && OBJECTIVES.includes(objective) ? objective : 'strategic_value',
    budgetShare: search.get('share') ?? '',
    budgetPerPeriod: search.get('budget') ?? '',
    capacity,
    segmentBounds: bounds(search, 'seg.'),
    goalBounds: bounds(search, 'goal.'),
    riskCap: search.get('risk') ?? '',
    include: list(search.get('include')),
    exclude: list(search.get('exclude')),
    stages: list(search.get('stages')),
    method: search.get('method') === 'greedy' ? 'greedy' : 'exact',
    timeLimitSeconds: search.get('limit') ?? '',
    timePhased: search.get('phased') !== '0',
    maxDelay: search.get('delay') ?? '',
  };
}

/**
 * Writes the constraints into `base` (other parameters, such as the tab, are kept); defaults are left
 * out so links stay short.
 */
export function searchFromState(state: ConstraintsState, base: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of base) {
    if (
      !/^(objective|share|budget|risk|include|exclude|stages|method|limit|phased|delay)$/.test(k) &&
      !/^(cap|seg|goal)\./.test(k)
    )
      out.append(k, v);
  }
  const set = (k: string, v: string) => {
    if (v.trim() !== '') out.set(k, v.trim());
  };
  if (state.objective !== 'strategic_value') out.set('objective', state.objective);
  set('share', state.budgetShare);
  set('budget', state.budgetPerPeriod);
  for (const [role, v] of Object.entries(state.capacity)) set(`cap.${role}`, v);
  for (const [id, b] of Object.entries(state.segmentBounds))
    if (b.min.trim() || b.max.trim()) out.set(`seg.${id}`, `${b.min.trim()}:${b.max.trim()}`);
  for (const [id, b] of Object.entries(state.goalBounds))
    if (b.min.trim() || b.max.trim()) out.set(`goal.${id}`, `${b.min.trim()}:${b.max.trim()}`);
  set('risk', state.riskCap);
  set('include', state.include.join(','));
  set('exclude', state.exclude.join(','));
  set('stages', state.stages.join(','));
  if (state.method !== 'exact') out.set('method', state.method);
  set('limit', state.timeLimitSeconds);
  if (!state.timePhased) out.set('phased', '0');
  set('delay', state.maxDelay);
  return out;
}

/** A number if the text is one, else the text itself, so the server's validation names the field. */
function num(text: string): number | string {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

/** "3e6" → 3000000; "3e6, 4e6" → [3000000, 4000000]. */
function series(text: string): number | string | (number | string)[] {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  return parts.length === 1 ? num(parts[0]!) : parts.map(num);
}

function boundList<K extends string>(key: K, map: Record<string, BoundText>) {
  return Object.entries(map)
    .filter(([, b]) => b.min.trim() || b.max.trim())
    .map(([id, b]) => ({
      [key]: id,
      ...(b.min.trim() ? { min: num(b.min) } : {}),
      ...(b.max.trim() ? { max: num(b.max) } : {}),
    }));
}

/** The request body for the constraints (only what the user set; the server fills in its defaults). */
export function bodyFromState(state: ConstraintsState): ConstraintsBody {
  const body: Record<string, unknown> = { objective: state.objective };
  if (state.budgetPerPeriod.trim()) body.budgetPerPeriod = series(state.budgetPerPeriod);
  else if (state.budgetShare.trim()) {
    const share = num(state.budgetShare);
    body.budgetShare = typeof share === 'number' ? share / 100 : share;
  }
  const capacity = Object.entries(state.capacity).filter(([, v]) => v.trim());
  if (capacity.length)
    body.capacityPerRolePerPeriod = Object.fromEntries(capacity.map(([r, v]) => [r, series(v)]));
  const seg = boundList('segmentId', state.segmentBounds);
  if (seg.length) body.segmentBounds = seg;
  const goal = boundList('goalId', state.goalBounds);
  if (goal.length) body.goalBounds = goal;
  if (state.riskCap.trim()) body.riskCap = num(state.riskCap);
  if (state.include.length) body.include = state.include;
  if (state.exclude.length) body.exclude = state.exclude;
  if (state.stages.length) body.stages = state.stages;
  if (state.method !== 'exact') body.method = state.method;
  if (state.timeLimitSeconds.trim()) body.timeLimitSeconds = num(state.timeLimitSeconds);
  if (!state.timePhased) body.timePhased = false;
  if (state.maxDelay.trim()) body.maxDelay = num(state.maxDelay);
  return body as ConstraintsBody;
}

/**
 * The form field an API issue is about: `['segmentBounds', 1, 'min']` → `seg.<that segment's id>`,
 * `['capacityPerRolePerPeriod', roleId, 2]` → `cap.<roleId>`, `['include', 3]` → `include`.
 */
export function fieldOfIssue(path: (string | number)[], body: ConstraintsBody): string {
  const [head, second] = path;
  if (head === 'segmentBounds' && typeof second === 'number')
    return `seg.${body.segmentBounds?.[second]?.segmentId ?? ''}`;
  if (head === 'goalBounds' && typeof second === 'number')
    return `goal.${body.goalBounds?.[second]?.goalId ?? ''}`;
  if (head === 'capacityPerRolePerPeriod' && second !== undefined) return `cap.${String(second)}`;
  return String(head ?? '');
}
