import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../../../bin/sextant.js', import.meta.url).pathname;

async function sextant(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sextant schedule', () => {
  it('--json prints exactly { status, makespan, lowerBound, starts, late }', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sextant-schedule-'));
    const file = join(dir, 'problem.json');
    await writeFile(
      file,
      JSON.stringify({
        resources: [{ id: 'backend', capacity: 4 }],
        items: [
          { id: 'F0', duration: 2, demand: { backend: 3 } },
          { id: 'F1', duration: 3, demand: { backend: 2 }, after: ['F0'], priority: 10, deadline: 4 },
        ],
      }),
    );
    const out = await sextant(['schedule', file, '--json', '--time-limit', '1']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      status: 'optimal',
      makespan: 5,
      lowerBound: 5,
      starts: { F0: 0, F1: 2 },
      late: [{ id: 'F1', deadline: 4, end: 5, slip: 1, cause: { after: 'F0' } }],
    });
  });

  it('fails with one clear line on bad input and on infeasible demand', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sextant-schedule-'));
    const cyclic = join(dir, 'cyclic.json');
    await writeFile(
      cyclic,
      JSON.stringify({
        resources: [],
        items: [
          { id: 'A', duration: 1, after: ['B'] },
          { id: 'B', duration: 1, after: ['A'] },
        ],
      }),
    );
    const bad = await sextant(['schedule', cyclic]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cyclic "after"/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    const tooBig = join(dir, 'big.json');
    await writeFile(
      tooBig,
      JSON.stringify({
        resources: [{ id: 'backend', capacity: 4 }],
        items: [{ id: 'F1', duration: 3, demand: { backend: 5 } }],
      }),
    );
    const inf = await sextant(['schedule', tooBig, '--json']);
    expect(inf.code).toBe(1);
    expect(JSON.parse(inf.stdout).status).toBe('infeasible');
    expect(inf.stderr).toMatch(/"F1".*"backend"/);
  });
});
