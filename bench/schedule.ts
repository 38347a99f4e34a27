/**
 * Roadmap scheduling benchmark.
 *
 * Part 1 — resource-constrained project scheduling on instances generated like ProGen / PSPLIB j30,
 * j60, j120 (4 renewable resources; network complexity 1.5 / 2.1; resource factor 0.5 / 1.0; resource
 * strength 0.2 / 0.5 / 0.7 / 1.0). For each instance, in one run: the critical-path lower bound, the
 * resource lower bound, a plain priority-rule serial SGS (LFT, single pass, no improvement) and
 * Sextant's scheduler (SGS + forward–backward improvement + local search, a fixed budget of schedules
 * so the figures do not depend on the machine). Every schedule is checked by the independent validator.
 *
 * Part 2 — product scale: 5,000 items, 50 teams, 24 periods (capacity per period), wall-clock time.
 *
 *   node --import tsx bench/schedule.ts [--quick]
 */
import os from 'node:os';
import type { ScheduleProblem, ScheduleResult } from '../src/domain/scheduleProblem.ts';
import { compileSchedule } from '../src/engine/schedule/compileSchedule.ts';
import { generateProjectInstance } from '../src/engine/schedule/generateProjectInstance.ts';
import { generateRoadmapInstance } from '../src/engine/schedule/generateRoadmapInstance.ts';
import { lowerBounds } from '../src/engine/schedule/lowerBounds.ts';
import { solveSchedule } from '../src/engine/schedule/solveSchedule.ts';
import { validateSchedule } from '../src/engine/schedule/validateSchedule.ts';

const quick = process.argv.includes('--quick');
const budget = quick ? 1000 : 5000;
const repeats = quick ? 1 : 2;
const sizes = [30, 60, 120];
const strengths = [0.2, 0.5, 0.7, 1.0];
const complexities = [1.5, 2.1];
const factors = [0.5, 1.0];

function checked(problem: ScheduleProblem, r: ScheduleResult, what: string): number {
  if (r.makespan === null) throw new Error(`${what}: no schedule (${r.message})`);
  const v = validateSchedule(problem, r.starts);
  if (!v.ok) throw new Error(`${what}: invalid schedule: ${v.violations.slice(0, 3).join('; ')}`);
  return r.makespan;
}

interface Cell {
  n: number;
  rs: number;
  count: number;
  cp: number;
  lb: number;
  single: number;
  ours: number;
  devCpSingle: number;
  devCpOurs: number;
  devSingle: number;
  devOurs: number;
  optimal: number;
  ms: number;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const pct = (x: number) => `${x.toFixed(1)} %`;

console.log(
  `Sextant schedule benchmark — ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}${quick ? ' (quick)' : ''}`,
);
console.log(
  `Part 1: ProGen-style instances, ${budget} schedules per instance for Sextant, ${repeats} seed(s) per setting\n`,
);

const cells: Cell[] = [];
let seed = 1;
for (const n of sizes) {
  for (const rs of strengths) {
    const rows: { cp: number; lb: number; single: number; ours: number; ms: number }[] = [];
    for (const nc of complexities)
      for (const rf of factors)
        for (let k = 0; k < repeats; k++) {
          const problem = generateProjectInstance({
            items: n,
            resources: 4,
            networkComplexity: nc,
            resourceFactor: rf,
            resourceStrength: rs,
            seed: seed++,
          });
          const single = solveSchedule(problem, { singlePass: true });
          const t = performance.now();
          const ours = solveSchedule(problem, {
            maxSchedules: budget,
            stallSchedules: Number.POSITIVE_INFINITY,
            timeLimitMs: Number.POSITIVE_INFINITY,
          });
          const ms = performance.now() - t;
          rows.push({
            cp: ours.stats.criticalPathBound,
            lb: ours.lowerBound,
            single: checked(problem, single, `j${n} single`),
            ours: checked(problem, ours, `j${n} sextant`),
            ms,
          });
        }
    cells.push({
      n,
      rs,
      count: rows.length,
      cp: mean(rows.map((r) => r.cp)),
      lb: mean(rows.map((r) => r.lb)),
      single: mean(rows.map((r) => r.single)),
      ours: mean(rows.map((r) => r.ours)),
      devCpSingle: mean(rows.map((r) => (100 * (r.single - r.cp)) / r.cp)),
      devCpOurs: mean(rows.map((r) => (100 * (r.ours - r.cp)) / r.cp)),
      devSingle: mean(rows.map((r) => (100 * (r.single - r.lb)) / r.lb)),
      devOurs: mean(rows.map((r) => (100 * (r.ours - r.lb)) / r.lb)),
      optimal: rows.filter((r) => r.ours === r.lb).length,
      ms: mean(rows.map((r) => r.ms)),
    });
  }
}

const header = [
  'set',
  'RS',
  'inst.',
  'CP bound',
  'best LB',
  'single SGS',
  'Sextant',
  'dev CP: SGS',
  'dev CP: Sextant',
  'dev LB: SGS',
  'dev LB: Sextant',
  'proved opt.',
  'ms / inst.',
];
const table: string[][] = [header];
const fmtCell = (label: string, rs: string, c: Omit<Cell, 'n' | 'rs'>) => [
  label,
  rs,
  String(c.count),
  c.cp.toFixed(1),
  c.lb.toFixed(1),
  c.single.toFixed(1),
  c.ours.toFixed(1),
  pct(c.devCpSingle),
  pct(c.devCpOurs),
  pct(c.devSingle),
  pct(c.devOurs),
  `${c.optimal}/${c.count}`,
  c.ms.toFixed(0),
];
for (const n of sizes) {
  const mine = cells.filter((c) => c.n === n);
  for (const c of mine) table.push(fmtCell(`j${n}`, c.rs.toFixed(1), c));
  const count = mine.reduce((s, c) => s + c.count, 0);
  const w = (f: (c: Cell) => number) => mine.reduce((s, c) => s + f(c) * c.count, 0) / count;
  table.push(
    fmtCell(`j${n}`, 'all', {
      count,
      cp: w((c) => c.cp),
      lb: w((c) => c.lb),
      single: w((c) => c.single),
      ours: w((c) => c.ours),
      devCpSingle: w((c) => c.devCpSingle),
      devCpOurs: w((c) => c.devCpOurs),
      devSingle: w((c) => c.devSingle),
      devOurs: w((c) => c.devOurs),
      optimal: mine.reduce((s, c) => s + c.optimal, 0),
      ms: w((c) => c.ms),
    }),
  );
}
printTable(table);
for (const n of sizes) {
  const mine = cells.filter((c) => c.n === n);
  const count = mine.reduce((s, c) => s + c.count, 0);
  const single = mine.reduce((s, c) => s + c.devSingle * c.count, 0) / count;
  const ours = mine.reduce((s, c) => s + c.devOurs * c.count, 0) / count;
  console.log(
    `j${n}: mean deviation from the lower bound ${pct(single)} (single-pass SGS) → ${pct(ours)} (Sextant), ratio ${(ours / single).toFixed(2)}`,
  );
}

console.log('\nPart 2: product scale — 5,000 items, 50 teams, 24 periods (capacity per period)\n');
const big = generateRoadmapInstance({ items: 5000, teams: 50, periods: 24, seed: 2026 });
const runs: string[][] = [
  [
    'run',
    'wall ms',
    'makespan',
    'lower bound',
    'late items',
    'Σ slip',
    'Σ priority × slip',
    'schedules',
    'valid',
  ],
];
const priorityOf = new Map(big.items.map((it) => [it.id, it.priority]));
for (const [label, opts] of [
  ['single-pass SGS', { singlePass: true }],
  ['Sextant makespan, 1.5 s', { timeLimitMs: 1500 }],
  ['Sextant priority, 1.5 s', { timeLimitMs: 1500, objective: 'priority' }],
] as const) {
  const t = performance.now();
  const r = solveSchedule(big, opts);
  const ms = performance.now() - t;
  const valid = validateSchedule(big, r.starts).ok;
  runs.push([
    label,
    ms.toFixed(0),
    String(r.makespan),
    String(r.lowerBound),
    String(r.late.length),
    String(r.late.reduce((sum, l) => sum + l.slip, 0)),
    String(r.late.reduce((sum, l) => sum + l.slip * (priorityOf.get(l.id) ?? 0), 0)),
    String(r.stats.schedules),
    valid ? 'yes' : 'NO',
  ]);
}
printTable(runs);
{
  // Lateness no schedule can avoid: even with unlimited capacity, release dates and chains make these late.
  const c = compileSchedule(big);
  const b = lowerBounds(c);
  let items = 0;
  let slip = 0;
  let weighted = 0;
  for (let i = 0; i < c.n; i++) {
    const over = b.earliestStart[i] + c.duration[i] - c.deadline[i];
    if (c.deadline[i] >= 0 && over > 0) {
      items++;
      slip += over;
      weighted += over * c.priority[i];
    }
  }
  console.log(
    `late even with unlimited capacity (a bound for every schedule): ${items} items, Σ slip ≥ ${slip}, Σ priority × slip ≥ ${weighted}`,
  );
}
console.log(`load average at the end: ${os.loadavg()[0].toFixed(1)}`);

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (r: string[]) =>
    `| ${r.map((x, j) => (j < 2 ? x.padEnd(widths[j]) : x.padStart(widths[j]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(
    `|${widths.map((w, j) => (j < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const r of rows.slice(1)) console.log(line(r));
}
