import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../../../bin/sextant.js', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-ahp-'));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

async function sextant(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sextant ahp', () => {
  it('--json prints exactly { weights, lambdaMax, consistencyIndex, consistencyRatio }', async () => {
    // 2 × 2 with "Revenue is 3 times Retention": weights 3/4 and 1/4, λmax = 2, CI = CR = 0.
    const p = file('two.json', {
      items: ['Revenue', 'Retention'],
      matrix: [
        [1, 3],
        ['1/3', 1],
      ],
    });
    const r = await sextant(['ahp', p, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['weights', 'lambdaMax', 'consistencyIndex', 'consistencyRatio']);
    expect(out.weights.Revenue).toBeCloseTo(0.75, 12);
    expect(out.weights.Retention).toBeCloseTo(0.25, 12);
    expect(out.lambdaMax).toBeCloseTo(2, 12);
    expect(out.consistencyRatio).toBe(0);
  });

  it('refuses Saaty’s house-size judgments (CR 0.117) with exit 3 and the most inconsistent pair', async () => {
    const p = file('size.json', {
      items: ['A', 'B', 'C'],
      matrix: [
        [1, 6, 8],
        ['1/6', 1, 4],
        ['1/8', '1/4', 1],
      ],
    });
    const r = await sextant(['ahp', p, '--json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sextant: .*consistency ratio 0\.117 is above 0\.1: .*"A" vs "C"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('bad input exits 2 with a clear message and no stack trace', async () => {
    const cases: [unknown, RegExp][] = [
      ['{ not json', /is not valid JSON/],
      [{ items: ['A', 'B'], matrix: [[1, 3]] }, /expected 2 rows/],
      [
        {
          items: ['A', 'B'],
          matrix: [
            [1, 3],
            [3, 1],
          ],
        },
        /must be reciprocal/,
      ],
      [
        {
          items: ['A', 'B'],
          matrix: [
            [1, -3],
            [1, 1],
          ],
        },
        /must be positive/,
      ],
      [
        {
          items: ['A', 'A'],
          matrix: [
            [1, 1],
            [1, 1],
          ],
        },
        /"A" appears twice/,
      ],
    ];
    for (const [k, [content, message]] of cases.entries()) {
      const r = await sextant(['ahp', file(`bad${k}.json`, content), '--json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\.(ts|js):\d+:\d+/);
    }
  });
});
