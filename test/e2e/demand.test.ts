import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, settled, signIn } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

/** The feedback inbox shows demand by segment as the demand API computes it, largest first. */
describe('demand by segment in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    page = await signIn(browser, server.url, 'viewer@demo.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists every segment with demand, the most asked-for first, with its customers', async () => {
    await open(page, '/feedback');
    await settled(page);
    const { items } = (await page.evaluate(async () =>
      (await fetch('/api/v1/demand?by=segment')).json(),
    )) as {
      items: { segmentId: string | null; customers: number; importance: number }[];
    };
    const segments = (await page.evaluate(async () =>
      (await fetch('/api/v1/segments?limit=100')).json(),
    )) as {
      items: { id: string; name: string }[];
    };
    const top = [...items].sort((a, b) => b.importance - a.importance)[0]!;
    const card = page.getByRole('region', { name: 'Demand by segment' });
    const rows = card.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(items.length);
    const first = await rows.first().locator('td').allTextContents();
    expect(first[0]).toBe(segments.items.find((s) => s.id === top.segmentId)?.name ?? 'No segment');
    expect(Number(first[1])).toBe(top.customers);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
