import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { api } from './support/pageApi.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

interface RoadmapItems {
  items: { kind: string; name: string }[];
  page: { total: number };
}

describe('main workflows in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a portfolio manager re-ranks segments, runs the optimizer, commits a scenario and sees the roadmap change', async () => {
    const page = await signIn(browser, server.url, 'portfolio@demo.test');

    // Re-rank: put the last segment of the pecking order first, with the rationale.
    const before = await api<{ segments: { segmentId: string; name: string; rank: number }[] }>(
      page,
      'GET',
      '/api/v1/segments/ranking',
    );
    const last = [...before.segments].sort((a, b) => b.rank - a.rank)[0]!;
    expect(last.rank).toBeGreaterThan(1);
    await open(page, `/segments/${last.segmentId}`);
    await settled(page);
    const override = page.getByRole('form', { name: 'Override rank' });
    await override.getByLabel('Manual rank (empty = computed)').fill('1');
    await override.getByLabel('Rationale').fill('Public-sector budgets unlock next year; we commit now.');
    await override.getByRole('button', { name: 'Save override' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await open(page, '/pecking-order');
    await settled(page);
    await expect.poll(() => page.locator('main tbody tr').first().textContent()).toContain(last.name);
    const after = await api<{ segments: { segmentId: string; rank: number; overridden: boolean }[] }>(
      page,
      'GET',
      '/api/v1/segments/ranking',
    );
    expect(after.segments.find((s) => s.segmentId === last.segmentId)).toMatchObject({
      rank: 1,
      overridden: true,
    });

    // Run the optimizer: progress while it runs, then the report beside score ranking.
    await open(page, '/optimizer');
    await settled(page);
    const progress = page.getByTestId('run-progress').waitFor({ state: 'attached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Run optimizer' }).click();
    await progress;
    expect(await page.getByTestId('run-progress').textContent()).toMatch(/\d+ s/);
    await page.getByTestId('run-report').waitFor({ timeout: 60_000 });
    await page.getByTestId('baseline').waitFor();
    await page.getByTestId('explanations').waitFor();
    await screenshot(page, 'optimizer-run-report');
    expect(await seriousViolations(page)).toEqual([]);

    // A proposed initiative the plan funds is not on the roadmap yet (only approved work is scheduled).
    const chosen = await page.getByTestId('selection').evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) => ({
        name: tr.querySelector('td')?.childNodes[0]?.textContent?.trim() ?? '',
        stage: tr.querySelector('td .muted')?.textContent?.trim() ?? '',
      })),
    );
    const proposed = chosen.find((c) => c.stage === 'Proposed');
    expect(proposed, JSON.stringify(chosen)).toBeDefined();
    const name = proposed!.name;
    const roadmapBefore = await api<RoadmapItems>(page, 'GET', '/api/v1/roadmap?limit=500');
    expect(roadmapBefore.items.length).toBe(roadmapBefore.page.total);
    expect(roadmapBefore.items.filter((i) => i.kind === 'initiative').map((i) => i.name)).not.toContain(name);

    // Save it as a scenario and commit it with a rationale.
    const save = page.getByRole('form', { name: 'Save as scenario' });
    await save.getByLabel('Scenario name').fill('e2e: fund the best plan');
    await save.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('button', { name: 'Back to the list' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('tab')).toBe('scenarios');
    const commit = page.getByRole('form', { name: 'Commit the scenario' });
    await commit.getByRole('button', { name: 'Commit scenario' }).click();
    // The server's message is shown beside the rationale field.
    await page.locator('#commit-rationale-error').waitFor();
    await commit.getByLabel('Rationale').fill('Highest strategic value inside the budget and capacity.');
    await commit.getByRole('button', { name: 'Commit scenario' }).click();
    const result = page.getByTestId('commit-result');
    await result.waitFor();
    expect(await result.getByRole('list', { name: 'Approved initiatives' }).textContent()).toContain(name);
    await screenshot(page, 'optimizer-scenario-committed');

    // The roadmap now schedules it.
    await result.getByRole('link', { name: 'See the roadmap' }).click();
    await page.locator('h1', { hasText: 'Roadmap' }).waitFor();
    await settled(page);
    // The portfolio is paged: follow "Next page" until the initiative's row shows.
    const row = page.getByTestId('timeline').getByRole('rowheader', { name: new RegExp(escapeRegExp(name)) });
    for (let p = 1; (await row.count()) === 0; p++) {
      expect(p, 'the initiative is on no page of the roadmap').toBeLessThan(20);
      await page.getByRole('link', { name: 'Next page →' }).click();
      await page.waitForURL(new RegExp(`[?&]page=${p + 1}`));
      await settled(page);
    }
    await row.first().waitFor();
    const initiatives = await api<{ items: { name: string; stage: string }[] }>(
      page,
      'GET',
      `/api/v1/initiatives?q=${encodeURIComponent(`"${name}"`)}&limit=50`,
    );
    expect(initiatives.items.find((i) => i.name === name)?.stage).toBe('approved');
    await screenshot(page, 'roadmap-after-commit');
    await open(page, '/decisions?kind=scenario_commit');
    await settled(page);
    await page.getByText('Highest strategic value inside the budget and capacity.').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('a product manager triages feedback into a feature, plans it into a release, ships it and publishes the announcement', async () => {
    const page = await signIn(browser, server.url, 'product@demo.test');
    await open(page, '/feedback?status=new');
    await settled(page);
    await page.locator('.list-item-button').first().click();
    await page.getByRole('button', { name: 'Create a new feature from this' }).click();
    const form = page.getByRole('form', { name: 'Create a feature and link it' });
    const productName = await form
      .getByLabel('Product')
      .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    const title = 'Announced in e2e: scheduled exports';
    await form.getByLabel('Title').fill(title);
    await form.getByRole('button', { name: 'Create and link' }).click();
    await page.getByRole('status').filter({ hasText: 'Feature created and linked.' }).waitFor();
    await page.getByRole('button', { name: 'Mark triaged' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked triaged.' }).waitFor();

    const products = await api<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      '/api/v1/products?limit=50',
    );
    const productId = products.items.find((p) => p.name === productName)!.id;
    const releases = await api<{ items: { id: string; name: string; status: string }[] }>(
      page,
      'GET',
      `/api/v1/releases?productId=${productId}&status=planned&limit=50`,
    );
    const release = releases.items[0]!;
    expect(release).toBeDefined();

    // Plan it into the release from the Releases page, then ship it.
    await open(page, `/releases?product=${productId}`);
    await settled(page);
    await page.getByRole('link', { name: release.name }).click();
    await page.getByRole('heading', { name: 'Features in this release' }).waitFor();
    await page.getByLabel('Plan a feature into this release').fill('Announced in e2e');
    await page.getByRole('button', { name: `Plan into release: ${title}` }).click();
    const inRelease = page.getByTestId('release-features');
    await inRelease.getByRole('cell', { name: title, exact: true }).waitFor();
    await page.getByRole('button', { name: `Ship: ${title}` }).click();
    await page.getByRole('button', { name: `Ship: ${title}` }).waitFor({ state: 'detached' });
    expect(await inRelease.getByRole('row', { name: new RegExp(title) }).textContent()).toContain('Shipped');

    // Compose the notes from the shipped features, edit them, add a segment variant, publish.
    await page.getByRole('button', { name: 'Compose release notes' }).click();
    const note = page.getByLabel('Release note (markdown)');
    await note.waitFor();
    expect(await note.inputValue()).toContain(title);
    await note.fill(`${await note.inputValue()}\n\nThank you for asking for this.`);
    await page.getByRole('button', { name: 'Save note' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const segment = await page
      .getByLabel('Variant for a segment')
      .locator('option')
      .nth(1)
      .evaluate((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' }));
    await page.getByLabel('Variant for a segment').selectOption(segment.value);
    await page.getByRole('button', { name: 'Compose variant' }).click();
    await page.getByLabel(`Variant for ${segment.label} (markdown)`).waitFor();
    await screenshot(page, 'release-notes-draft');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Release date shown on the changelog').fill('2027-02-15');
    await page.getByRole('button', { name: 'Publish release' }).click();
    await page.getByTestId('published').waitFor();
    expect(await page.getByTestId('published').textContent()).toContain('2027-02-15');

    const published = await api<{ items: { id: string; status: string; actualDate: string }[] }>(
      page,
      'GET',
      `/api/v1/releases?productId=${productId}&limit=50`,
    );
    expect(published.items.find((r) => r.id === release.id)).toMatchObject({
      status: 'released',
      actualDate: '2027-02-15',
    });

    // The public changelog (no sign-in needed) shows the announcement.
    const changelog = await browser.newPage();
    const res = await changelog.goto(`${server.url}/changelog/${productId}`);
    expect(res?.status()).toBe(200);
    const text = await changelog.locator('body').textContent();
    expect(text).toContain(release.name);
    expect(text).toContain('2027-02-15');
    expect(text).toContain(title);
    expect(text).toContain('Thank you for asking for this.');
    await screenshot(changelog, 'public-changelog');
    await changelog.close();
    expect(pageErrors(page)).toEqual([]);
  });

  // Runs after the portfolio manager's test, whose committed scenario it opens.
  it('a viewer sees the new pages without any edit control', async () => {
    const page = await signIn(browser, server.url, 'viewer@demo.test');
    await open(page, '/optimizer');
    await settled(page);
    // Running and the frontier are portfolio managers' tools: the viewer lands on the scenarios.
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Scenarios']);
    expect(await page.getByRole('button', { name: 'Run optimizer' }).count()).toBe(0);
    await page.getByRole('link', { name: 'e2e: fund the best plan' }).click();
    await page.getByTestId('run-report').waitFor();
    for (const name of ['Commit scenario', 'Delete scenario', 'Save scenario'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.locator('main textarea').count()).toBe(0);
    await open(page, '/releases');
    await settled(page);
    await page.locator('[data-testid="releases"] a').first().click();
    await page.getByRole('heading', { name: 'Features in this release' }).waitFor();
    await settled(page);
    for (const name of [/New release/, /^Ship/, /Take out/, /Compose/, /Publish/, /Save note/])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.locator('main textarea, main input:not([type="search"])').count()).toBe(0);
    await open(page, '/roadmap');
    await settled(page);
    expect(await page.locator('main button:not([role="tab"])').count()).toBe(0);
    await open(page, '/settings?tab=goals');
    await settled(page);
    expect(await page.getByTestId('pairwise-matrix').locator('select').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Derive weights|Save weights/ }).count()).toBe(0);
    await screenshot(page, 'viewer-goal-weights');
    expect(pageErrors(page)).toEqual([]);
  });
});

/** A string as a literal inside a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
