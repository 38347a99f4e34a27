import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWebhookDispatcher,
  type WebhookDispatcher,
} from '../../src/services/integrations/webhookDispatcher.ts';
import { closeWorkerPool } from '../../src/services/workerPool.ts';
import type { Store } from '../../src/store/database.ts';
import { type DemoWorld, demoWorld } from '../support/testApp.ts';
import { BACKENDS, openTestStore } from '../support/testStore.ts';
import { startWebhookReceiver, type WebhookReceiver, waitFor } from '../support/webhookReceiver.ts';

/** Committing a scenario sends `scenario.committed` through the outbox, after the commit's decision. */
describe.each(BACKENDS)('scenario.committed on %s', (backend) => {
  let store: Store;
  let world: DemoWorld;
  let receiver: WebhookReceiver;
  let dispatcher: WebhookDispatcher;

  beforeAll(async () => {
    store = await openTestStore(backend);
    world = await demoWorld(store, { other: false });
    receiver = await startWebhookReceiver();
    const admin = await world.as('admin');
    const hook = await admin.request('POST', '/api/v1/webhooks', {
      url: `${receiver.url}/hook`,
      events: ['scenario.committed', 'decision.recorded'],
    });
    expect(hook.status).toBe(201);
    dispatcher = startWebhookDispatcher(store, { pollMs: 20, baseDelayMs: 100 });
  });
  afterAll(async () => {
    await dispatcher.stop();
    await receiver.close();
    await closeWorkerPool();
    await store.close();
  });

  it('emits scenario.committed once, in order after the decision, and nothing for a refused commit', async () => {
    const pm = await world.as('portfolio');
    const saved = await pm.request('POST', '/api/v1/scenarios', { name: 'Event probe', timeLimitSeconds: 1 });
    expect(saved.status).toBe(201);
    const scenario = (await saved.json()) as { id: string };
    const commit = await pm.request('POST', `/api/v1/scenarios/${scenario.id}/commit`, {
      rationale: 'Fits the budget',
    });
    const text = await commit.text();
    expect(commit.status, text).toBe(200);
    const committed = JSON.parse(text) as { decision: { id: string }; approved: string[] };
    // A second commit is refused (409) and must not emit anything.
    expect(
      (await pm.request('POST', `/api/v1/scenarios/${scenario.id}/commit`, { rationale: 'again' })).status,
    ).toBe(409);

    const events = await waitFor('two deliveries', () => {
      const got = receiver.events('/hook');
      return got.length >= 2 ? got : undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.events('/hook').map((e) => [e.seq, e.type])).toEqual([
      [1, 'decision.recorded'],
      [2, 'scenario.committed'],
    ]);
    expect(events[1]!.data).toMatchObject({
      id: scenario.id,
      name: 'Event probe',
      decisionId: committed.decision.id,
      rationale: 'Fits the budget',
      approved: committed.approved,
    });
    expect(events[0]!.data.id).toBe(committed.decision.id);
  });
});
