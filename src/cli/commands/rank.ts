import type { Command } from 'commander';
import { systemContext } from '../../services/context.ts';
import { findOrganization } from '../../services/organizations.ts';
import { type Backlog, featureRanking } from '../../services/ranking/featureRanking.ts';
import { type SegmentRankingReport, segmentRanking } from '../../services/ranking/segmentRanking.ts';
import type { Store } from '../../services/storeAccess.ts';
import { closeWorkerPool } from '../../services/workerPool.ts';
import { CliError } from '../cliError.ts';
import { withStore, withStoreOptions } from '../storeOptions.ts';

interface RankFlags {
  org: string;
  json?: boolean;
  dataDir?: string;
  databaseUrl?: string;
}

const fixed = (x: number, digits = 3) => x.toFixed(digits);
const cell = (s: string, width: number) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));

async function contextFor(store: Store, org: string) {
  const found = await findOrganization(store, org);
  if (!found) throw new CliError(`no organization "${org}" in this store (see --org)`, 2);
  return systemContext(store, found.id);
}

function printSegments(r: SegmentRankingReport): void {
  const place = new Map(r.placements.segments.map((p) => [p.id, p]));
  const lines = [
    `${'rank'.padEnd(5)}${'segment'.padEnd(28)}${'score'.padEnd(8)}${'weight'.padEnd(8)}${'size'.padEnd(7)}${'growth'.padEnd(7)}${'swot'.padEnd(7)}${'share'.padEnd(7)}${'goals'.padEnd(7)}GE-McKinsey`,
  ];
  for (const s of r.segments) {
    const c = Object.fromEntries(s.factors.map((f) => [f.name, f.contribution]));
    const ge = place.get(s.segmentId);
    lines.push(
      `${String(s.rank).padEnd(5)}${cell(s.name, 27)} ${fixed(s.score).padEnd(8)}${fixed(s.weight).padEnd(8)}` +
        `${fixed(c.marketSize ?? 0).padEnd(7)}${fixed(c.growth ?? 0).padEnd(7)}${fixed(c.swot ?? 0).padEnd(7)}` +
        `${fixed(c.share ?? 0).padEnd(7)}${fixed(c.goalFit ?? 0).padEnd(7)}${ge?.recommendation ?? ''}` +
        `${s.overridden ? `  (override from ${s.computedRank}: ${s.rationale})` : ''}`,
    );
  }
  lines.push('', 'factor columns are contributions (normalized factor × weight); they add up to the score');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printFeatures(b: Backlog): void {
  const lines = [
    `${'rank'.padEnd(6)}${'feature'.padEnd(44)}${'score'.padEnd(8)}${'impact'.padEnd(8)}${'demand'.padEnd(8)}${'boost'.padEnd(7)}${'RICE'.padEnd(9)}note`,
  ];
  for (const f of b.items) {
    const note = f.parked
      ? `parked: ${f.parkedReason}`
      : f.manualRank !== null
        ? `manual rank ${f.manualRank}: ${f.rankRationale ?? ''}`
        : f.pulledBack
          ? `pulled back: ${f.pulledBack.rationale}`
          : '';
    lines.push(
      `${String(f.rank ?? '—').padEnd(6)}${cell(f.title, 43)} ${fixed(f.score).padEnd(8)}${fixed(f.breakdown.impact).padEnd(8)}` +
        `${fixed(f.breakdown.demand.contribution).padEnd(8)}${fixed(f.breakdown.boost.factor, 2).padEnd(7)}` +
        `${fixed(f.frameworks.rice, 1).padEnd(9)}${note}`,
    );
  }
  lines.push(
    '',
    `${b.ranked} ranked, ${b.parked} parked; showing ${b.items.length} from position ${b.offset + 1}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `sextant rank segments|features`: the pecking order and the ranked backlog over the stored organization. */
export function registerRankCommand(program: Command): void {
  const rank = program
    .command('rank')
    .description('rank segments (pecking order) or features (backlog by portfolio priority) in the store');
  withStoreOptions(
    rank
      .command('segments')
      .description('the segment pecking order with per-factor contributions and GE-McKinsey placement')
      .option('--org <slug>', 'organization slug or id', 'demo')
      .option('--json', 'print the full ranking as JSON'),
  ).action(async (flags: RankFlags) => {
    await withStore(flags, 'sextant rank segments', async (store) => {
      const report = await segmentRanking(await contextFor(store, flags.org));
      if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else printSegments(report);
    });
  });
  withStoreOptions(
    rank
      .command('features')
      .description('the backlog ranked by portfolio priority, with score breakdowns')
      .option('--product <id-or-slug>', 'rank one product’s backlog (default: the whole portfolio)')
      .option('--org <slug>', 'organization slug or id', 'demo')
      .option('--limit <n>', 'how many features to show', '50')
      .option('--offset <n>', 'skip this many first', '0')
      .option('--capacity-short', 'capacity is short: boost segment-specific work for the top segments')
      .option('--json', 'print the page as JSON'),
  ).action(
    async (
      flags: RankFlags & { product?: string; limit: string; offset: string; capacityShort?: boolean },
    ) => {
      const limit = Number(flags.limit);
      const offset = Number(flags.offset);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new CliError('--limit must be a whole number from 1 to 500', 2);
      if (!Number.isInteger(offset) || offset < 0)
        throw new CliError('--offset must be a whole number ≥ 0', 2);
      await withStore(flags, 'sextant rank features', async (store) => {
        try {
          const backlog = await featureRanking(await contextFor(store, flags.org), {
            ...(flags.product ? { productId: flags.product } : {}),
            limit,
            offset,
            capacityShort: flags.capacityShort ?? false,
          });
          if (flags.json) process.stdout.write(`${JSON.stringify(backlog)}\n`);
          else printFeatures(backlog);
        } finally {
          await closeWorkerPool();
        }
      });
    },
  );
}
