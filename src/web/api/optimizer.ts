/**
 * Shapes of the optimizer and scenario endpoints the web app reads. Only the fields the pages use are
 * declared; the server's own types live in its services, which the web layer may not import.
 */
export type Objective = 'strategic_value' | 'expected_npv' | 'risk_adjusted';
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

/** A request body of POST /optimizer/run (and, with name/description, of POST /scenarios). */
export interface ConstraintsBody {
  objective?: Objective;
  budgetPerPeriod?: number | number[];
  budgetShare?: number;
  capacityPerRolePerPeriod?: Record<string, number | number[]>;
  segmentBounds?: { segmentId: string; min?: number; max?: number }[];
  goalBounds?: { goalId: string; min?: number; max?: number }[];
  riskCap?: number;
  timePhased?: boolean;
  maxDelay?: number;
  include?: string[];
  exclude?: string[];
  stages?: string[];
  method?: 'exact' | 'greedy';
  timeLimitSeconds?: number;
}

export interface PlanTotals {
  value: number | null;
  count: number;
  costPerPeriod: { period: string; cost: number; budget: number }[];
  utilizationPerRole: {
    roleId: string;
    name: string;
    periods: { period: string; demand: number; capacity: number; utilization: number | null }[];
  }[];
}

export interface PortfolioRun {
  constraints: ConstraintsBody & { objective: Objective };
  settings: {
    periods: string[];
    budgetPerPeriod: number[];
    capacityPerRolePerPeriod: Record<string, number[]>;
  };
  result: {
    status: SolveStatus;
    objective: number | null;
    bound: number | null;
    gap: number | null;
    seconds: number;
    method: 'exact' | 'greedy';
  };
  selection: {
    id: string;
    name: string;
    stage: string;
    startPeriod: string;
    value: number;
    cost: number;
    /** Saved scenarios only: whether score ranking funds it too. */
    inScoreRanking?: boolean;
  }[];
  explanations: { item: string; name: string; value: number; text: string }[];
  conflicts: { lines: string[]; minimal: boolean } | null;
  baseline: {
    method: 'score_ranking';
    value: number;
    feasible: boolean;
    selected: { id: string; name: string; inOptimizer?: boolean }[];
    totals: PlanTotals;
  };
  improvement: number | null;
  totals: PlanTotals;
  warnings: string[];
  names: Record<string, string>;
  /** Saved scenarios: a summary cuts long lists (GET /scenarios/:id?detail=full has them whole). */
  detail?: 'summary' | 'full';
  truncated?: Partial<Record<TruncatedList, { shown: number; total: number }>>;
}

export type TruncatedList =
  | 'selection'
  | 'baseline.selected'
  | 'result.selected'
  | 'explanations'
  | 'warnings'
  | 'names';

export interface FrontierPoint {
  factor: number;
  budget: number;
  value: number | null;
  rankingValue: number | null;
  status: string;
  gap: number | null;
  count: number;
  source: 'solver' | 'smaller_budget' | 'score_ranking';
}

export interface PortfolioFrontier {
  objective: Objective;
  baseBudget: number;
  points: FrontierPoint[];
  seconds: number;
  warnings: string[];
}

export interface ScenarioSummary {
  id: string;
  name: string;
  description: string;
  status: 'saved' | 'committed';
  objective: Objective | null;
  resultStatus: SolveStatus | null;
  value: number | null;
  baselineValue: number | null;
  count: number;
  createdBy: string;
  createdAt: string;
  committedAt: string | null;
  committedBy: string | null;
  version: number;
}

export interface SavedScenario {
  id: string;
  name: string;
  description: string;
  status: 'saved' | 'committed';
  version: number;
  createdAt: string;
  createdBy: string;
  committedAt: string | null;
  report: PortfolioRun;
}

export interface ComparedScenario {
  id: string;
  name: string;
  status: string;
  resultStatus: string;
  objective: string;
  totals: PlanTotals;
  baselineValue: number;
}

export interface ScenarioComparison {
  a: ComparedScenario;
  b: ComparedScenario;
  comparison: {
    objectiveA: number | null;
    objectiveB: number | null;
    objectiveDelta: number | null;
    inBoth: string[];
    onlyInA: string[];
    onlyInB: string[];
    rescheduled: { id: string; optionA: string | null; optionB: string | null }[];
  };
  names: Record<string, string>;
}

export interface CommittedScenario {
  approved: string[];
  rescheduled: { id: string; from: string; to: string }[];
  alreadyFunded: string[];
  fundedButNotSelected: string[];
  allocations: unknown[];
  unstaffed: { initiativeId: string; roleId: string; period: string; fte: number }[];
  decision: { id: string; title: string };
}
