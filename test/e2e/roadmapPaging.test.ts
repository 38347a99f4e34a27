import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { api } from './support/pageApi.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

interface RoadmapPageJson {
  page: { total: number };
  totals: { items: number; horizons: Record<string, number> };
  groups: { key: string; name: string; total: number }[];
  items: { id: string; name: string; productId: string | null }[];
}

/** The item names of the timeline's rows, in order. */
async function timelineRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('timeline')
    .locator('tbody th.timeline-name')
    .evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));
}

/** Moves focus with Tab until it is on the link named `name`, then follows it with Enter. */
async function followByKeyboard(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    if (text === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`focus never reached ${name}`);
}

/**
 * The roadmap page shows the portfolio a page at a time (the demo schedules over a hundred items):
 * the pager's links work from the keyboard, each page shows exactly the API's page, and choosing a
 * product or a view starts again at the first page.
 */
describe('roadmap pages in Chromium', () => {
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

  it('pages through the timeline by keyboard; each page is the API page', async () => {
    const first = await api<RoadmapPageJson>(page, 'GET', '/api/v1/roadmap?limit=100&offset=0');
    const second = await api<RoadmapPageJson>(page, 'GET', '/api/v1/roadmap?limit=100&offset=100');
    const total = first.page.total;
    expect(total).toBeGreaterThan(100);
    expect(total).toBeLessThanOrEqual(200);
    await open(page, '/roadmap');
    await settled(page);
    const summary = page.getByTestId('roadmap-page-summary');
    expect(await summary.textContent()).toBe(`Items 1–100 of ${total}`);
    const names = (items: { name: string }[]) => items.map((i) => i.name).sort();
    // Row headers read "<kind> Name[ late n q]": look for the names the API gave.
    const rowNames = () => timelineRows(page);
    const shown = await rowNames();
    expect(shown).toHaveLength(100);
    for (const n of names(first.items))
      expect(
        shown.some((s) => s.includes(n)),
        n,
      ).toBe(true);
    expect(
      await page.getByRole('navigation', { name: 'Roadmap pages' }).getByText('Page 1 of 2').count(),
    ).toBe(1);
    const header = await page.locator('tr.timeline-releases').textContent();

    await page.locator('h1').first().click();
    await followByKeyboard(page, 'Next page →');
    await page.waitForURL(/[?&]page=2/);
    await summary.filter({ hasText: `Items 101–${total} of ${total}` }).waitFor();
    await settled(page);
    const shown2 = await rowNames();
    expect(shown2).toHaveLength(total - 100);
    for (const n of names(second.items))
      expect(
        shown2.some((s) => s.includes(n)),
        n,
      ).toBe(true);
    // The quarter header is the whole scope's on every page.
    expect(await page.locator('tr.timeline-releases').textContent()).toBe(header);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'roadmap-page-2');

    await page.locator('h1').first().click();
    await followByKeyboard(page, '← Previous page');
    await summary.filter({ hasText: `Items 1–100 of ${total}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });

  it('choosing a product starts at its first page and shows all of its items', async () => {
    await open(page, '/roadmap?page=2');
    await settled(page);
    const whole = await api<RoadmapPageJson>(page, 'GET', '/api/v1/roadmap?limit=1');
    const product = { id: whole.items[0]!.productId! };
    const own = await api<RoadmapPageJson>(page, 'GET', `/api/v1/roadmap?productId=${product.id}&limit=100`);
    await page.getByLabel('Product').selectOption(product.id);
    await page.waitForURL((u) => u.searchParams.get('product') === product.id && !u.searchParams.has('page'));
    await settled(page);
    const summary = page.getByTestId('roadmap-page-summary');
    await summary.filter({ hasText: `${own.page.total} items` }).waitFor();
    expect(await timelineRows(page)).toHaveLength(own.page.total);
    expect(await page.getByRole('link', { name: /Next page/ }).count()).toBe(0);
  });

  it('now / next / later and by release follow the same pages', async () => {
    const whole = await api<RoadmapPageJson>(page, 'GET', '/api/v1/roadmap?limit=1');
    await open(page, '/roadmap?view=horizon');
    await settled(page);
    for (const h of ['Now', 'Next', 'Later']) {
      const column = page.getByRole('region', { name: h });
      const count = whole.totals.horizons[h.toLowerCase()]!;
      expect(await column.locator('h2').textContent()).toBe(`${h} (${count})`);
      expect(await column.locator('li').count()).toBe(Math.min(50, count));
    }
    const largest = Math.max(...['now', 'next', 'later'].map((h) => whole.totals.horizons[h]!));
    const pages = Math.max(1, Math.ceil(largest / 50));
    if (pages > 1) {
      await page.getByRole('link', { name: 'Next page →' }).click();
      await page.waitForURL(/[?&]page=2/);
      await settled(page);
      for (const h of ['Now', 'Next', 'Later']) {
        const count = whole.totals.horizons[h.toLowerCase()]!;
        expect(await page.getByRole('region', { name: h }).locator('li').count()).toBe(
          Math.max(0, Math.min(50, count - 50)),
        );
      }
    }

    const release2 = await api<RoadmapPageJson>(
      page,
      'GET',
      '/api/v1/roadmap?view=release&limit=100&offset=100',
    );
    await open(page, '/roadmap?view=release&page=2');
    await settled(page);
    const titles = await page.locator('.release-groups .card-title').allTextContents();
    expect(titles.map((t) => t.trim())).toEqual(release2.groups.map((g) => g.name));
    expect(pageErrors(page)).toEqual([]);
  });
});
