#!/usr/bin/env node
// Builds the web app (src/web) into dist/web with Vite, unless the build is newer than every source file.
// Usage: node scripts/build-web.mjs [--force]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = [join(root, 'src/web'), join(root, 'vite.config.ts'), join(root, 'package-lock.json')];
const output = join(root, 'dist/web/index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const force = process.argv.includes('--force');
const sourceTime = Math.max(...sources.map(newestMtime));
if (!force && existsSync(output) && statSync(output).mtimeMs >= sourceTime) {
  process.stdout.write('web app is up to date (dist/web)\n');
  process.exit(0);
}

const started = Date.now();
const { build } = await import('vite');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: process.env.CI ? 'warn' : 'info' });
process.stdout.write(`web app built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
