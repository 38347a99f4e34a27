import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

interface Finance {
  portfolio: { npv: number };
  products: { name: string }[];
  initiatives: { name: string }[];
}
interface Simulation {
  p10: number;
  p50: number;
  p90: number;
  probabilityOfTarget: number | null;
}

/** The Finance page shows what the finance API computes, and runs the seeded Monte Carlo. */
describe('finance page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const api = <T>(path: string, body?: unknown) =>
    page.evaluate(
      async ({ path, body }) => {
        const csrf = /sextant_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
        const res = await fetch(path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return res.json();
      },
      { path, body },
    ) as Promise<T>;

  // Formatted by the browser's own Intl (Node's ICU may print "$695.0K" where Chromium prints "$695K").
  const fmtMoney = (v: number) =>
    page.evaluate(
      (v) =>
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency: 'USD',
          notation: 'compact',
          maximumFractionDigits: 1,
        }).format(v),
      v,
    );

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    page = await signIn(browser, server.url, 'viewer@demo.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the API’s NPV and one row per funded initiative and product', async () => {
    await open(page, '/finance');
    await settled(page);
    const finance = await api<Finance>('/api/v1/finance/portfolio');
    await expect
      .poll(() => page.locator('.stat-tile', { hasText: 'NPV' }).locator('.stat-value').textContent())
      .toBe(await fmtMoney(finance.portfolio.npv));
    const rows = page.locator('table').nth(1).locator('tbody tr');
    expect(await rows.count()).toBe(finance.initiatives.length);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(finance.products.length);
    await screenshot(page, 'finance');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the stage filter in the URL and refetches', async () => {
    await page.selectOption('#finance-stage', 'proposed,approved,active,done');
    await expect
      .poll(() => new URL(page.url()).searchParams.get('stage'))
      .toBe('proposed,approved,active,done');
    const wider = await api<Finance>('/api/v1/finance/portfolio?stage=proposed,approved,active,done');
    await expect
      .poll(() => page.locator('table').nth(1).locator('tbody tr').count())
      .toBe(wider.initiatives.length);
  });

  it('runs the seeded Monte Carlo from the keyboard and shows the same percentiles as the API', async () => {
    await open(page, '/finance');
    await settled(page);
    await page.fill('#sim-trials', '3000');
    await page.fill('#sim-target', '5000000');
    await page.locator('#sim-target').press('Enter');
    const sim = await api<Simulation>('/api/v1/simulations', { trials: 3000, target: 5_000_000 });
    await expect
      .poll(() => page.locator('.stat-tile', { hasText: 'P50' }).locator('.stat-value').textContent(), {
        timeout: 30_000,
      })
      .toBe(await fmtMoney(sim.p50));
    expect(await page.locator('.stat-tile', { hasText: 'P10' }).locator('.stat-value').textContent()).toBe(
      await fmtMoney(sim.p10),
    );
    expect(sim.probabilityOfTarget).not.toBeNull();
    await page.locator('figure svg, [role="img"] svg').first().waitFor();
    await screenshot(page, 'finance-simulation');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});
