import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { addUser } from '../../src/services/auth/users.ts';
import { createOrganization } from '../../src/services/organizations.ts';
import type { Store } from '../../src/store/database.ts';
import { SEXTANT_BIN } from '../support/cli.ts';
import { clientFor, signIn } from '../support/testApp.ts';
import { openTestStore, storeUrl } from '../support/testStore.ts';

/** Runs `sextant …` without blocking this process's event loop (the SMTP receiver lives here). */
function runCliAsync(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SEXTANT_BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}

// The command line reaches the data through a PostgreSQL server (an in-memory PGlite cannot be shared).
describe('sextant digest on postgres', () => {
  let store: Store;
  let smtp: SMTPServer;
  let smtpUrl = '';
  const inbox: { to: string[]; data: string }[] = [];
  const PASSWORD = 'digest-lab-password';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    store = await openTestStore('postgres');
  });
  afterAll(async () => {
    await store.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('emails each member their unread notifications of the day', async () => {
    const org = await createOrganization(store, { slug: 'digest-lab', name: 'Digest lab' });
    await addUser(store, org.id, { email: 'lead@digest.test', role: 'admin', password: PASSWORD });
    await addUser(store, org.id, { email: 'member@digest.test', role: 'contributor', password: PASSWORD });
    const app = createApp({ store });
    const lead = clientFor(app, await signIn(app, 'lead@digest.test', PASSWORD));
    const segment = (await (await lead.request('POST', '/api/v1/segments', { name: 'SMB' })).json()) as {
      id: string;
    };
    // No SMTP configured in this process: the mention itself sends nothing; the digest will.
    const res = await lead.request('POST', '/api/v1/comments', {
      subjectType: 'segment',
      subjectId: segment.id,
      body: 'Thoughts, @member@digest.test?',
    });
    expect(res.status).toBe(201);
    expect(inbox).toEqual([]);
    const out = await runCliAsync(['digest', '--database-url', storeUrl(store)!], {
      SEXTANT_SMTP_URL: smtpUrl,
    });
    expect(out.stdout).toContain('digest: 1 email(s) sent');
    expect(out.status).toBe(0);
    expect(inbox.map((m) => m.to)).toEqual([['member@digest.test']]);
    expect(inbox[0]!.data).toContain('Sextant daily digest');
  });
});
