import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openStore } from '../src/store/database.ts';
import { startPostgresCluster } from './support/postgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgliteDump: string;
  }
}

/**
 * Once per test run: a throwaway PostgreSQL cluster with a migrated template database (each test
 * file clones it), and a migrated PGlite data dir dumped to a file (each test file loads it).
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const template = 'sextant_template';
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const store = await openStore({ databaseUrl: cluster.url(template) });
  await store.close();

  const dir = mkdtempSync(join(tmpdir(), 'sextant-pglite-'));
  const dumpPath = join(dir, 'migrated.tar.gz');
  const lite = await openStore({ memory: {} });
  const blob = await lite.pglite!.dumpDataDir('gzip');
  writeFileSync(dumpPath, Buffer.from(await blob.arrayBuffer()));
  await lite.close();

  project.provide('pgAdminUrl', cluster.url('postgres'));
  project.provide('pgTemplate', template);
  project.provide('pgliteDump', dumpPath);
  return () => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
