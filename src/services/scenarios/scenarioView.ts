import { DomainError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { PortfolioRun } from './portfolioRun.ts';
import { getScenario, type SavedScenario } from './savedScenarios.ts';

export const SCENARIO_DETAILS = ['summary', 'full'] as const;
export type ScenarioDetailLevel = (typeof SCENARIO_DETAILS)[number];

/**
 * How many entries of each long list of a report the summary keeps: a screen's worth. At thousands of
 * candidates a report explains thousands of exclusions and names every initiative (megabytes).
 */
export const SUMMARY_LIMITS = {
  selection: 50,
  'baseline.selected': 50,
  'result.selected': 50,
  explanations: 25,
  warnings: 20,
} as const;
export type TruncatedList = keyof typeof SUMMARY_LIMITS | 'names';

/** A report as the API answers it: each funded initiative says whether score ranking funds it too. */
export type ScenarioReport = Omit<PortfolioRun, 'selection' | 'baseline'> & {
  selection: (PortfolioRun['selection'][number] & { inScoreRanking: boolean })[];
  baseline: Omit<PortfolioRun['baseline'], 'selected'> & {
    selected: (PortfolioRun['baseline']['selected'][number] & { inOptimizer: boolean })[];
  };
  detail: ScenarioDetailLevel;
  /** The lists the summary cut: how many entries it keeps of how many (none in the full report). */
  truncated: Partial<Record<TruncatedList, { shown: number; total: number }>>;
};

/** `initiativeVersions` (every candidate's version at the run, what a commit checks) only in full. */
export type ScenarioView = Omit<SavedScenario, 'report'> & { report: ScenarioReport };

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every id a value mentions, in strings and object keys at any depth (resource ids embed role ids). */
export function mentionedIds(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(UUID_IN_TEXT)) into.add(m[0].toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) mentionedIds(v, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      mentionedIds(k, into);
      mentionedIds(v, into);
    }
  }
  return into;
}

/** The entries of `names` whose id `value` mentions. */
export function namesMentioned(names: Record<string, string>, value: unknown): Record<string, string> {
  const ids = mentionedIds(value, new Set());
  return Object.fromEntries(Object.entries(names).filter(([id]) => ids.has(id)));
}

/** `?detail=` of GET /scenarios/:id, checked. */
export function scenarioDetailLevel(query: Record<string, string | undefined>): ScenarioDetailLevel {
  const detail = query.detail ?? 'summary';
  if (!(SCENARIO_DETAILS as readonly string[]).includes(detail)) {
    const message = `must be one of ${SCENARIO_DETAILS.join(', ')}`;
    throw new DomainError('invalid_input', `detail: ${message}`, {
      issues: [{ path: ['detail'], message }],
    });
  }
  return detail as ScenarioDetailLevel;
}

/**
 * A stored report for the API. The full report is the stored one with the explanations ordered by value
 * (the exclusions most worth reconsidering first) and the cross-marks between the optimizer's plan and
 * score ranking. The summary is the full report with each long list cut to its first SUMMARY_LIMITS
 * entries and the names reduced to the ids it still mentions; `truncated` says what was cut.
 */
export function scenarioReport(report: PortfolioRun, detail: ScenarioDetailLevel): ScenarioReport {
  const inRanking = new Set(report.baseline.selected.map((s) => s.id));
  const inPlan = new Set(report.selection.map((s) => s.id));
  const full: ScenarioReport = {
    ...report,
    selection: report.selection.map((s) => ({ ...s, inScoreRanking: inRanking.has(s.id) })),
    baseline: {
      ...report.baseline,
      selected: report.baseline.selected.map((s) => ({ ...s, inOptimizer: inPlan.has(s.id) })),
    },
    explanations: [...report.explanations].sort(
      (a, b) => b.value - a.value || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0),
    ),
    detail: 'full',
    truncated: {},
  };
  if (detail === 'full') return full;

  const truncated: ScenarioReport['truncated'] = {};
  const cut = <T>(list: TruncatedList, rows: T[]): T[] => {
    const limit = SUMMARY_LIMITS[list as keyof typeof SUMMARY_LIMITS];
    if (rows.length <= limit) return rows;
    truncated[list] = { shown: limit, total: rows.length };
    return rows.slice(0, limit);
  };
  const { names: _names, ...rest } = {
    ...full,
    selection: cut('selection', full.selection),
    baseline: { ...full.baseline, selected: cut('baseline.selected', full.baseline.selected) },
    result: { ...full.result, selected: cut('result.selected', full.result.selected) },
    explanations: cut('explanations', full.explanations),
    warnings: cut('warnings', full.warnings),
  };
  const names = namesMentioned(report.names, rest);
  const total = Object.keys(report.names).length;
  if (Object.keys(names).length < total) truncated.names = { shown: Object.keys(names).length, total };
  return { ...rest, names, detail: 'summary', truncated };
}

/** GET /scenarios/:id: the saved scenario with its report in summary (default) or in full. */
export async function getScenarioView(
  ctx: ServiceContext,
  id: string,
  query: Record<string, string | undefined>,
): Promise<ScenarioView> {
  const detail = scenarioDetailLevel(query);
  const { initiativeVersions, ...scenario } = await getScenario(ctx, id);
  const report = scenarioReport(scenario.report, detail);
  return detail === 'full' ? { ...scenario, initiativeVersions, report } : { ...scenario, report };
}
