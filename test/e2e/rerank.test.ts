import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

interface BacklogPage {
  items: { featureId: string; title: string; parked: boolean; manualRank: number | null; status: string }[];
}

/** A product manager overrides the computed order, and pulls a parked ask back, each with a rationale. */
describe('manual rank and pull-back in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const api = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    page = await signIn(browser, server.url, 'product@demo.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('places the fifth feature first with a rationale, and the ranked backlog follows', async () => {
    const products = await api<{ items: { id: string; name: string }[] }>('/api/v1/products?limit=50');
    const lumen = products.items.find((p) => p.name === 'Lumen Analytics')!;
    const before = await api<BacklogPage>(`/api/v1/backlog?productId=${lumen.id}&limit=10`);
    const target = before.items.filter((i) => !i.parked && i.manualRank === null)[4]!;
    await open(page, `/backlog?product=${lumen.id}&view=ranked&feature=${target.featureId}`);
    await settled(page);
    const form = page.getByRole('form', { name: 'Manual rank' });
    await form.getByLabel(/^Rank/).fill('1');
    await form.getByRole('button', { name: 'Set rank' }).click();
    // The server's rule, beside the field it concerns.
    await form.locator('.field-error', { hasText: 'a manual rank needs a rationale' }).waitFor();
    await form.getByLabel(/^Rationale/).fill('Committed to the Meridian renewal');
    await form.getByRole('button', { name: 'Set rank' }).click();
    await form.getByText(/Placed by hand at #1: Committed to the Meridian renewal/).waitFor();

    const after = await api<BacklogPage>(`/api/v1/backlog?productId=${lumen.id}&limit=10`);
    expect(after.items[0]!.featureId).toBe(target.featureId);
    expect(after.items[0]!.manualRank).toBe(1);
    const firstRow = page.locator('table.table tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain(target.title);
    expect(await firstRow.textContent()).toContain('manual');
    const decisions = await api<{ items: { subjectId: string; rationale: string }[] }>(
      '/api/v1/decisions?limit=50&sort=createdAt&order=desc',
    );
    expect(
      decisions.items.some(
        (d) => d.subjectId === target.featureId && d.rationale.includes('Meridian renewal'),
      ),
    ).toBe(true);
    await screenshot(page, 'backlog-manual-rank');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('pulls a parked feature back with a rationale', async () => {
    const products = await api<{ items: { id: string; name: string; ownerId: string | null }[] }>(
      '/api/v1/products?limit=50',
    );
    const me = await api<{ user: { id: string } }>('/api/v1/auth/me');
    const owned = products.items.filter((p) => p.ownerId === me.user.id).map((p) => p.id);
    let parked: { id: string; productId: string } | undefined;
    for (const id of owned) {
      const list = await api<{ items: { id: string; productId: string }[] }>(
        `/api/v1/features?productId=${id}&status=parking_lot&limit=1`,
      );
      parked = list.items[0];
      if (parked) break;
    }
    expect(parked, 'the demo parks some asks of the product manager’s products').toBeDefined();
    await open(page, `/backlog?product=${parked!.productId}&feature=${parked!.id}`);
    await settled(page);
    const form = page.getByRole('form', { name: 'Pull back from the parking lot' });
    await form.getByLabel(/^Rationale/).fill('The retail segment moved up the pecking order');
    await form.getByRole('button', { name: 'Pull back' }).click();
    await form.waitFor({ state: 'detached' });
    const f = await api<{ status: string; pulledBackRationale: string }>(`/api/v1/features/${parked!.id}`);
    expect(['idea', 'planned']).toContain(f.status);
    expect(f.pulledBackRationale).toBe('The retail segment moved up the pecking order');
    expect(pageErrors(page)).toEqual([]);
  });
});
