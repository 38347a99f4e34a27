import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

interface Initiative {
  id: string;
  name: string;
  stage: string;
}

/** Stage gates and portfolio reviews in the browser: the server's rules, shown where they apply. */
describe('governance page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: Page;
  let viewer: Page;
  const get = <T>(page: Page, path: string) =>
    page.evaluate(async (path) => (await fetch(path)).json(), path) as Promise<T>;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    manager = await signIn(browser, server.url, 'portfolio@demo.test');
    viewer = await signIn(browser, server.url, 'viewer@demo.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows what a gate is missing, refuses to pass it, and records a rejection with its reason', async () => {
    const { items } = await get<{ items: Initiative[] }>(
      manager,
      '/api/v1/initiatives?stage=proposed&limit=100',
    );
    // A proposal without a business case: the first gate cannot be passed.
    let target: Initiative | undefined;
    for (const i of items) {
      const g = await get<{ missing: { field: string }[] }>(manager, `/api/v1/initiatives/${i.id}/gate`);
      if (g.missing.some((m) => m.field === 'businessCase')) {
        target = i;
        break;
      }
    }
    expect(target, 'the demo has a proposal without a business case').toBeDefined();
    await open(manager, `/governance?initiative=${target!.id}`);
    await settled(manager);
    await manager.getByRole('heading', { name: target!.name, exact: true }).waitFor();
    await manager.getByText('business case (a description of 50+ characters').waitFor();

    // No reason: the server's message appears beside the field.
    await manager.getByRole('button', { name: 'Pass the gate' }).click();
    await manager.locator('#gate-comment-error').waitFor();
    expect(await manager.locator('#gate-comment-error').textContent()).toMatch(/say why/);

    // A reason but a missing business case: 422, and the page says what is missing.
    await manager.fill('#gate-comment', 'Looks promising');
    await manager.getByRole('button', { name: 'Pass the gate' }).click();
    await manager
      .getByRole('alert')
      .filter({ hasText: 'cannot be passed while these are missing' })
      .waitFor();

    await manager.fill('#gate-comment', 'No business case after two reminders');
    await manager.getByRole('button', { name: 'Reject' }).click();
    await manager.getByText('No business case after two reminders').waitFor();
    const gate = await get<{ status: string; history: { outcome: string; comment: string }[] }>(
      manager,
      `/api/v1/initiatives/${target!.id}/gate`,
    );
    expect(gate.status).toBe('rejected');
    expect(gate.history.at(-1)).toMatchObject({
      outcome: 'reject',
      comment: 'No business case after two reminders',
    });
    const decisions = await get<{ items: { kind: string; subjectId: string; rationale: string }[] }>(
      manager,
      '/api/v1/decisions?kind=gate&limit=500',
    );
    expect(
      decisions.items.some((d) => d.subjectId === target!.id && d.rationale.includes('two reminders')),
    ).toBe(true);
    await expect.poll(() => manager.getByRole('button', { name: 'Reject' }).count()).toBe(0);
  });

  it('builds a review agenda from the data and saves its minutes', async () => {
    await open(manager, '/governance');
    await settled(manager);
    await manager.getByRole('button', { name: 'New review' }).click();
    await manager.getByRole('link', { name: 'Printable summary' }).waitFor();
    const { items } = await get<{ items: { id: string; agenda: { kind: string }[] }[] }>(
      manager,
      '/api/v1/reviews',
    );
    const gateItems = items[0].agenda.filter((a) => a.kind === 'gate').length;
    expect(gateItems).toBeGreaterThan(0);
    const shown = await manager.locator('section[aria-label="Waiting at a gate"] li').count();
    expect(shown).toBe(gateItems);
    await manager.fill('#review-minutes', 'Funded the FedRAMP work; parked the rest.');
    await manager.getByRole('button', { name: 'Save minutes' }).click();
    await manager.getByText('Saved.').waitFor();
    const after = await get<{ items: { minutes: string | null }[] }>(manager, '/api/v1/reviews');
    expect(after.items[0].minutes).toBe('Funded the FedRAMP work; parked the rest.');
    await screenshot(manager, 'governance');
    expect(await seriousViolations(manager)).toEqual([]);
    expect(pageErrors(manager)).toEqual([]);
  });

  it('a viewer sees gates and reviews but no control to decide or write', async () => {
    const { items } = await get<{ items: Initiative[] }>(
      viewer,
      '/api/v1/initiatives?stage=proposed&limit=1',
    );
    await open(viewer, `/governance?initiative=${items[0].id}`);
    await settled(viewer);
    await viewer.getByRole('heading', { name: items[0].name, exact: true }).waitFor();
    await viewer.getByRole('heading', { name: 'History' }).waitFor();
    for (const name of ['Pass the gate', 'Send back', 'Reject', 'New review', 'Save minutes'])
      expect(await viewer.getByRole('button', { name }).count(), name).toBe(0);
    expect(await viewer.locator('textarea').count()).toBe(0);
  });
});
