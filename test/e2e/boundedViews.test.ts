import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { api } from './support/pageApi.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

/**
 * The overview and a saved scenario over the demo at ×2 (80 initiatives), where the API's bounded
 * answers cut lists: the pages say how much they show of how much, and the scenario fetches its full
 * report when asked.
 */
describe('bounded views in Chromium (portfolio manager, demo ×2)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSextant({ scale: 2 });
    browser = await launchChromium();
    page = await signIn(browser, server.url, 'portfolio@demo.test');
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the overview says it shows the 50 largest of all the initiatives', async () => {
    const list = await api<{ items: { stage: string }[] }>(page, 'GET', '/api/v1/initiatives?limit=500');
    const total = list.items.filter((i) => i.stage !== 'cancelled').length;
    expect(total).toBeGreaterThan(50);
    await open(page, '/');
    const note = page.getByTestId('risk-value-note');
    await note.waitFor();
    expect(await note.textContent()).toContain(
      `Showing the 50 initiatives with the largest expected value of ${total}.`,
    );
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('a saved scenario opens as a summary and shows the full report on request', async () => {
    const saved = await api<{ id: string }>(page, 'POST', '/api/v1/scenarios', {
      name: 'e2e: bounded',
      timeLimitSeconds: 5,
    });
    const full = await api<{ report: { explanations: unknown[] } }>(
      page,
      'GET',
      `/api/v1/scenarios/${saved.id}?detail=full`,
    );
    const explained = full.report.explanations.length;
    expect(explained).toBeGreaterThan(25);
    await open(page, `/optimizer?tab=scenarios&scenario=${saved.id}`);
    await page.getByTestId('run-report').waitFor();
    await page.getByTestId('report-summary-note').waitFor();
    const items = page.getByTestId('explanations').locator('li');
    expect(await items.count()).toBe(25);
    await screenshot(page, 'scenario-summary');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show the full report' }).click();
    await page.getByTestId('report-summary-note').waitFor({ state: 'detached' });
    expect(await items.count()).toBe(explained);
    expect(pageErrors(page)).toEqual([]);
  });
});
