import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

interface SegmentsJson {
  segments: {
    segmentId: string;
    rank: number;
    score: number;
    weight: number;
    factors: { contribution: number }[];
  }[];
  placements: { products: { id: string; slug: string }[] };
}
interface FeaturesJson {
  productId: string | null;
  total: number;
  ranked: number;
  items: { productId: string; rank: number | null; score: number; parked: boolean; position: number }[];
}

/** `sextant rank` over a store the real CLI loaded with the demo (one data dir for the file). */
describe('sextant rank on the embedded store', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sextant-rank-'));
    dataDir = join(dir, 'data');
    const demo = runCli(['demo', '--data-dir', dataDir, '--json']);
    expect(demo.status, demo.stderr).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rank segments --json: every segment ranked once, contributions adding up to scores, weights summing to 1', () => {
    const r = runCli(['rank', 'segments', '--data-dir', dataDir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as SegmentsJson;
    expect(out.segments.map((s) => s.rank)).toEqual(out.segments.map((_, k) => k + 1));
    // No overrides in the demo: the order is by score.
    const scores = out.segments.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of out.segments) {
      expect(s.factors.reduce((t, f) => t + f.contribution, 0)).toBeCloseTo(s.score, 12);
    }
    expect(out.segments.reduce((t, s) => t + s.weight, 0)).toBeCloseTo(1, 12);
    expect(out.placements.products).toHaveLength(8);

    const table = runCli(['rank', 'segments', '--data-dir', dataDir]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^rank\s+segment\s+score/);
    expect(table.stdout.trim().split('\n').length).toBeGreaterThan(out.segments.length);
  }, 120_000);

  it('rank features --product <slug> --json: one product’s backlog in rank order; a bad product is a clear error', () => {
    const seg = JSON.parse(
      runCli(['rank', 'segments', '--data-dir', dataDir, '--json']).stdout,
    ) as SegmentsJson;
    const product = seg.placements.products[0]!;
    const r = runCli([
      'rank',
      'features',
      '--product',
      product.slug,
      '--limit',
      '500',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as FeaturesJson;
    expect(out.productId).toBe(product.id);
    expect(out.items.length).toBe(out.total);
    expect(out.items.every((i) => i.productId === product.id)).toBe(true);
    const ranked = out.items.filter((i) => !i.parked);
    expect(ranked.map((i) => i.rank)).toEqual(ranked.map((_, k) => k + 1));
    const scores = ranked.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(out.items.slice(ranked.length).every((i) => i.parked && i.rank === null)).toBe(true);

    const table = runCli(['rank', 'features', '--limit', '5', '--data-dir', dataDir]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^rank\s+feature\s+score/);
    expect(table.stdout).toMatch(/showing 5 from position 1/);

    const bad = runCli(['rank', 'features', '--product', 'no-such-product', '--data-dir', dataDir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no-such-product');
  }, 120_000);
});
