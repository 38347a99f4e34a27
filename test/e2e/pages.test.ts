import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

const MAIN_PAGES: { name: string; path: string; heading: RegExp }[] = [
  { name: 'overview', path: '/', heading: /Portfolio overview/ },
  { name: 'products', path: '/products', heading: /^Products$/ },
  { name: 'segments', path: '/segments', heading: /^Segments$/ },
  { name: 'pecking-order', path: '/pecking-order', heading: /Segment pecking order/ },
  { name: 'backlog', path: '/backlog', heading: /^Backlog/ },
  { name: 'backlog-ranked', path: '/backlog?view=ranked', heading: /^Backlog/ },
  { name: 'backlog-parking-lot', path: '/backlog?view=parking', heading: /^Backlog/ },
  { name: 'feedback', path: '/feedback', heading: /Feedback inbox/ },
  { name: 'initiatives', path: '/initiatives', heading: /Initiatives/ },
  { name: 'optimizer', path: '/optimizer', heading: /Optimizer and scenarios/ },
  { name: 'optimizer-frontier', path: '/optimizer?tab=frontier', heading: /Optimizer and scenarios/ },
  { name: 'optimizer-scenarios', path: '/optimizer?tab=scenarios', heading: /Optimizer and scenarios/ },
  { name: 'risks', path: '/risks', heading: /Risks/ },
  { name: 'decisions', path: '/decisions', heading: /Decision log/ },
  { name: 'capacity', path: '/capacity', heading: /Capacity/ },
  { name: 'roadmap', path: '/roadmap', heading: /Roadmap/ },
  { name: 'roadmap-by-release', path: '/roadmap?view=release', heading: /Roadmap/ },
  { name: 'roadmap-now-next-later', path: '/roadmap?view=horizon', heading: /Roadmap/ },
  { name: 'releases', path: '/releases', heading: /Releases and announcements/ },
  { name: 'audit', path: '/audit', heading: /Audit trail/ },
  { name: 'settings', path: '/settings', heading: /Settings/ },
  { name: 'settings-goal-weights', path: '/settings?tab=goals', heading: /Settings/ },
];

describe('every main page in Chromium (portfolio manager)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    page = await signIn(browser, server.url, 'portfolio@demo.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each(MAIN_PAGES)(
    '$name renders, has no serious or critical axe violation, and is screenshotted',
    async ({ name, path, heading }) => {
      await open(page, path);
      expect(await page.locator('h1').first().textContent()).toMatch(heading);
      await settled(page);
      await page.waitForTimeout(300); // charts draw after their lazy chunk arrives
      await screenshot(page, name);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    },
  );

  it('a product detail page shows segments, financials, KPI charts with their targets, and decisions', async () => {
    await open(page, '/products');
    await settled(page);
    await page.getByRole('link', { name: 'Lumen Analytics' }).click();
    await page.locator('h1', { hasText: 'Lumen Analytics' }).waitFor();
    await settled(page);
    for (const title of ['Segments served', 'Financials', 'KPIs', 'Releases', 'Risks', 'Competitors']) {
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
    }
    await page.locator('.kpi svg').first().waitFor();
    expect(await page.locator('.kpi').count()).toBeGreaterThan(0);
    const labels = await page
      .locator('.kpi [role="img"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.some((l) => l?.includes('target'))).toBe(true);
    await screenshot(page, 'product-detail');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a segment detail page shows SWOT, forecast, value proposition and requirements', async () => {
    await open(page, '/segments');
    await settled(page);
    await page.getByRole('link', { name: 'Financial services' }).click();
    await page.locator('h1', { hasText: 'Financial services' }).waitFor();
    await settled(page);
    await page.getByRole('heading', { name: 'Strengths' }).waitFor();
    await page.getByRole('heading', { name: 'Strategic requirements' }).waitFor();
    await screenshot(page, 'segment-detail');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
