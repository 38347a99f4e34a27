import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/cli.ts';
import { freePort } from '../support/postgresCluster.ts';
import { removeServerStores, serverStoreEnv, signInTo as signIn } from '../support/serverProcess.ts';

afterAll(removeServerStores);

/**
 * SIGKILL in the middle of a stream of acknowledged writes: after a restart every write the server
 * acknowledged (201) is there, the audit trail has one entry per write, and the store opens cleanly.
 */
describe.each(['pglite', 'postgres'] as const)('a server killed mid-stream on %s', (backend) => {
  it('loses no acknowledged write', async () => {
    const { env } = await serverStoreEnv(backend, 'kill');
    const port = await freePort();
    let server = await startServer(['--port', String(port)], env);
    let auth = await signIn(server);
    const acknowledged: string[] = [];
    let killed = false;
    const killer = setTimeout(() => {
      killed = true;
      process.kill(server.pid, 'SIGKILL');
    }, 2500);
    while (!killed) {
      try {
        const res = await fetch(`${server.url}/api/v1/goals`, {
          method: 'POST',
          headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `durable ${acknowledged.length}` }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        break; // the connection died with the server
      }
    }
    clearTimeout(killer);
    await server.stop();
    expect(acknowledged.length).toBeGreaterThan(10);

    server = await startServer(['--port', String(port)], env);
    try {
      auth = await signIn(server);
      const present = new Set<string>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`${server.url}/api/v1/goals?limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
          headers: { cookie: auth.cookie },
        });
        const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
        for (const g of page.items) present.add(g.id);
        cursor = page.nextCursor;
      } while (cursor);
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      const entries = new Set<string>();
      let auditCursor: string | null = null;
      do {
        const res = await fetch(
          `${server.url}/api/v1/audit?entity=goals&action=create&limit=500${auditCursor ? `&cursor=${auditCursor}` : ''}`,
          { headers: { cookie: auth.cookie } },
        );
        const page = (await res.json()) as { items: { entityId: string }[]; nextCursor: string | null };
        for (const e of page.items) entries.add(e.entityId);
        auditCursor = page.nextCursor;
      } while (auditCursor);
      expect(acknowledged.filter((id) => !entries.has(id))).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
