import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/sextant.js');

export interface RunningServer {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/** Builds the web app into dist/web unless it is up to date (scripts/build-web.mjs decides). */
export function buildWeb(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, e) => Math.max(m, newestMtime(join(path, e))), st.mtimeMs);
}

/**
 * A data directory with the demo loaded, made once per version of the migrations and the demo (a fresh
 * PGlite plus the demo takes ~30 s; copying a loaded one takes a moment) and copied for every server.
 */
function demoTemplate(scale: number): string {
  const stamp = Math.round(
    Math.max(newestMtime(join(ROOT, 'src/store')), newestMtime(join(ROOT, 'src/services/demo'))),
  );
  const dir = join(tmpdir(), `sextant-e2e-demo-s${scale}-${stamp}`);
  if (existsSync(join(dir, 'READY'))) return dir;
  const building = mkdtempSync(join(tmpdir(), 'sextant-e2e-building-'));
  execFileSync(
    process.execPath,
    [BIN, 'demo', '--scale', String(scale), '--data-dir', join(building, 'data')],
    {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 600_000,
    },
  );
  mkdirSync(join(building, 'READY'));
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(building, dir);
  } catch {
    // another test file made it at the same moment: use theirs
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/**
 * Starts the real server (`sextant serve`) on a free port over a fresh copy of a demo data directory;
 * resolves once it prints "Sextant is running". `stop()` ends it and removes the directory.
 */
export async function startSextant(options: { scale?: number } = {}): Promise<RunningServer> {
  buildWeb();
  const template = demoTemplate(options.scale ?? 1);
  const work = mkdtempSync(join(tmpdir(), 'sextant-e2e-'));
  const dataDir = join(work, 'data');
  cpSync(join(template, 'data'), dataDir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir, '--no-demo'],
    { cwd: ROOT, env: { ...process.env, SEXTANT_PRINT_DEMO_LOGINS: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Sextant is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
