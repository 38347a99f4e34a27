import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../../../bin/sextant.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-simulate-'));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const example = {
  discountRate: 0.02,
  target: 500,
  items: [
    {
      id: 'A',
      probability: 0.8,
      costPeriod: 0,
      cost: { low: 80, likely: 100, high: 150 },
      benefit: { low: 0, likely: 30, high: 60 },
      benefitPeriods: [2, 9],
    },
  ],
};

async function sextant(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sextant simulate', () => {
  it('--json prints exactly the documented object, reproducibly', async () => {
    const p = file('ok.json', example);
    const a = await sextant(['simulate', p, '--trials', '20000', '--seed', '4', '--json']);
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual([
      'trials',
      'mean',
      'stdev',
      'p10',
      'p50',
      'p90',
      'probabilityOfTarget',
      'seconds',
    ]);
    expect(out.trials).toBe(20_000);
    // exact mean: 0.8 · 30 · Σ_{t=2..9} 1.02^-t − 110
    let annuity = 0;
    for (let t = 2; t <= 9; t++) annuity += 1.02 ** -t;
    expect(Math.abs(out.mean - (24 * annuity - 110))).toBeLessThan((3 * out.stdev) / Math.sqrt(20_000));
    const b = JSON.parse(
      (await sextant(['simulate', p, '--trials', '20000', '--seed', '4', '--json'])).stdout,
    );
    expect({ ...b, seconds: 0 }).toEqual({ ...out, seconds: 0 });
  });

  it('rejects bad input with one clear message and exit code 2', async () => {
    const bad = file('bad.json', {
      discountRate: 0.02,
      items: [
        {
          ...example.items[0],
          probability: 1.5,
          cost: { low: 90, likely: 80, high: 150 },
          benefitPeriods: [9, 2],
        },
      ],
    });
    const r = await sextant(['simulate', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('items.0.probability');
    expect(r.stderr).toContain('low ≤ likely ≤ high');
    expect(r.stderr).toContain('benefitPeriods');
    expect(r.stderr).not.toContain('    at ');
    expect((await sextant(['simulate', file('x.json', '{ nope'), '--json'])).code).toBe(2);
    expect((await sextant(['simulate', path.join(dir, 'missing.json')])).stderr).toContain('cannot read');
    const flag = await sextant(['simulate', file('ok2.json', example), '--trials', 'many']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--trials must be an integer');
  });
});
