import type { ScheduleProblem } from '../../domain/scheduleProblem.ts';
import { mulberry32 } from './mulberry32.ts';

export interface RoadmapInstanceParameters {
  items: number;
  teams: number;
  periods: number;
  seed: number;
}

/**
 * A seeded product-scale roadmap: `teams` teams with 8–16 FTE that dip in some periods (holidays),
 * items of 1–3 periods needing 0.5–1.5 FTE from one team (a quarter of them 0.5–1 FTE from a second team too),
 * chains of dependencies inside each team's backlog and some across teams, release dates, deadlines and
 * priorities. Sized so the work roughly fills `periods` periods.
 */
export function generateRoadmapInstance(p: RoadmapInstanceParameters): ScheduleProblem {
  const random = mulberry32(p.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const resources = Array.from({ length: p.teams }, (_, t) => {
    const base = int(8, 16);
    return {
      id: `team${t + 1}`,
      capacity: Array.from({ length: p.periods }, () => (random() < 0.15 ? base - int(1, 3) : base)),
    };
  });
  // Teams get backlog in proportion to their size, so the roadmap is tight but not hopeless.
  const cumulative: number[] = [];
  resources.reduce((sum, r) => {
    cumulative.push(sum + r.capacity[0]);
    return sum + r.capacity[0];
  }, 0);
  const pickTeam = () => {
    const x = random() * cumulative[cumulative.length - 1];
    const t = cumulative.findIndex((c) => c > x);
    return t < 0 ? cumulative.length - 1 : t;
  };
  const lastOfTeam = new Array<number>(p.teams).fill(-1);
  const items = Array.from({ length: p.items }, (_, i) => {
    const team = pickTeam();
    const duration = int(1, 3);
    const demand: Record<string, number> = { [`team${team + 1}`]: int(1, 3) / 2 };
    if (random() < 0.25) demand[`team${((team + int(1, p.teams - 1)) % p.teams) + 1}`] = int(1, 2) / 2;
    const after: string[] = [];
    if (lastOfTeam[team] >= 0 && random() < 0.4) after.push(`F${lastOfTeam[team] + 1}`);
    if (i > p.teams && random() < 0.05) after.push(`F${int(0, i - 1) + 1}`);
    lastOfTeam[team] = i;
    const earliest = random() < 0.2 ? int(0, Math.floor(p.periods / 2)) : 0;
    return {
      id: `F${i + 1}`,
      duration,
      demand,
      after: [...new Set(after)],
      priority: int(1, 100),
      earliest,
      deadline: random() < 0.5 ? Math.min(p.periods, earliest + duration + int(2, p.periods)) : undefined,
    };
  });
  return { resources, items };
}
