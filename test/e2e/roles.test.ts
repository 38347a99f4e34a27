import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { api } from './support/pageApi.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

describe('roles in the browser', () => {
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

  it('a viewer sees the dashboard and the lists but no edit control anywhere', async () => {
    const page = await signIn(browser, server.url, 'viewer@demo.test');
    await settled(page);
    expect(await page.locator('h1').textContent()).toBe('Portfolio overview');
    expect(await page.locator('.stat-tile').count()).toBe(7);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Products' }).count()).toBe(1);

    await open(page, '/products');
    await settled(page);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Lumen Analytics' }).click();
    await page.locator('h1', { hasText: 'Lumen Analytics' }).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Mark released/ }).count()).toBe(0);

    await open(page, '/segments');
    await settled(page);
    await page.getByRole('link', { name: 'Financial services' }).click();
    await page.locator('h1', { hasText: 'Financial services' }).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: /Edit/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save override' }).count()).toBe(0);

    await open(page, '/backlog');
    await settled(page);
    await page.locator('.vtable tbody tr').nth(2).waitFor();
    expect(await page.locator('.vtable input[type="checkbox"]').count()).toBe(0);
    await page.locator('.vtable .link-button').first().click();
    await page.locator('.feature-panel h3').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    await open(page, '/feedback');
    await settled(page);
    expect(await page.getByRole('button', { name: 'Add feedback' }).count()).toBe(0);
    await page.locator('.list-item-button').first().click();
    await page.getByRole('heading', { name: 'Feedback item' }).waitFor();
    expect(await page.getByRole('button', { name: 'Mark triaged' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Link feature' }).count()).toBe(0);

    await open(page, '/initiatives');
    await settled(page);
    expect(await page.getByRole('button', { name: 'New proposal' }).count()).toBe(0);

    // Every form control left on the page is a filter (labelled select / search), never an editor.
    await open(page, '/settings');
    expect(await page.getByRole('tab', { name: 'Users' }).count()).toBe(0);
    await open(page, '/audit');
    expect(await page.getByText('Not available to your role').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('a product manager triages a feedback item into a new feature, plans it into a release and ships it', async () => {
    const page = await signIn(browser, server.url, 'product@demo.test');
    await open(page, '/feedback?status=new');
    await settled(page);
    const first = page.locator('.list-item-button').first();
    const text = (await first.locator('div').first().textContent())?.replace(/^New\s*/, '').trim() ?? '';
    await first.click();
    await page.getByRole('button', { name: 'Create a new feature from this' }).click();
    const form = page.getByRole('form', { name: 'Create a feature and link it' });
    const productName = await form
      .getByLabel('Product')
      .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    const title = `Triaged in e2e: ${text}`.slice(0, 120);
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Importance to this customer').selectOption('3');
    await form.getByRole('button', { name: 'Create and link' }).click();
    await page.getByRole('status').filter({ hasText: 'Feature created and linked.' }).waitFor();
    await page.getByTestId('linked-features').getByText(title).waitFor();
    expect(await page.getByTestId('linked-features').textContent()).toContain('Importance 3');
    await page.getByRole('button', { name: 'Mark triaged' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked triaged.' }).waitFor();
    await screenshot(page, 'feedback-triaged');

    // The feature is in the product's backlog; plan it into a planned release of the product, ship it.
    await open(page, '/backlog');
    await settled(page);
    await page.getByLabel('Product').selectOption({ label: productName });
    await page.getByLabel('Search titles and specs').fill('Triaged in e2e');
    const row = page.locator('.vtable .link-button', { hasText: title });
    await row.waitFor();
    await row.click();
    const plan = page.getByRole('form', { name: 'Plan the feature' });
    await plan.waitFor();
    const releaseOption = await plan
      .getByLabel('Release')
      .locator('option', { hasText: '(Planned)' })
      .first()
      .textContent();
    expect(releaseOption).toBeTruthy();
    await plan.getByLabel('Release').selectOption({ label: releaseOption ?? '' });
    await plan.getByLabel('Status').selectOption('planned');
    await plan.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const plan2 = page.getByRole('form', { name: 'Plan the feature' });
    await plan2.getByLabel('Status').selectOption('shipped');
    await plan2.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.locator('.feature-panel .tag', { hasText: 'Shipped' }).waitFor();
    await screenshot(page, 'backlog-feature-shipped');

    // Release it from the product page.
    const releaseName = (releaseOption ?? '').replace(/ \(Planned\)$/, '');
    const products = await api<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      '/api/v1/products?limit=50',
    );
    const product = products.items.find((p) => p.name === productName);
    expect(product).toBeDefined();
    await open(page, `/products/${product?.id}`);
    await settled(page);
    await page.getByRole('button', { name: `Mark released: ${releaseName}` }).click();
    await page.getByRole('button', { name: `Mark released: ${releaseName}` }).waitFor({ state: 'detached' });
    const releases = await api<{ items: { name: string; status: string; actualDate: string | null }[] }>(
      page,
      'GET',
      `/api/v1/releases?productId=${product?.id}&limit=100`,
    );
    const shipped = releases.items.find((r) => r.name === releaseName);
    expect(shipped?.status).toBe('released');
    expect(shipped?.actualDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const features = await api<{ items: { title: string; status: string; releaseId: string | null }[] }>(
      page,
      'GET',
      `/api/v1/features?productId=${product?.id}&q=${encodeURIComponent('Triaged in e2e')}&limit=50`,
    );
    const feature = features.items.find((f) => f.title === title);
    expect(feature?.status).toBe('shipped');
    expect(feature?.releaseId).not.toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });

  it('a portfolio manager records a product decision (rationale required) and edits a segment', async () => {
    const page = await signIn(browser, server.url, 'portfolio@demo.test');
    await open(page, '/products');
    await settled(page);
    await page.getByRole('link', { name: 'Relay Workflows' }).click();
    await page.locator('h1', { hasText: 'Relay Workflows' }).waitFor();
    await settled(page);
    const form = page.getByRole('form', { name: 'Record a decision' });
    await form.getByLabel('Invest').check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    // The API's validation message is shown beside the rationale field.
    const error = page.locator('#decision-rationale-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('rationale');
    expect(await page.locator('#decision-rationale').getAttribute('aria-invalid')).toBe('true');
    await form
      .getByLabel('Rationale')
      .fill('Growth segments are under-served; double the team for two quarters.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('status').filter({ hasText: 'Decision recorded.' }).waitFor();
    await page.getByText('Decision: Invest').waitFor();
    await page
      .getByRole('list', { name: 'Decisions about this product' })
      .getByText('Growth segments are under-served', { exact: false })
      .waitFor();
    await open(page, '/decisions');
    await settled(page);
    await page.getByText('Growth segments are under-served', { exact: false }).waitFor();

    // Edit a segment: add a SWOT opportunity and change the growth forecast.
    await open(page, '/segments');
    await settled(page);
    await page.getByRole('link', { name: 'Healthcare providers' }).click();
    await page.locator('h1', { hasText: 'Healthcare providers' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'Edit SWOT' }).click();
    await page.getByRole('button', { name: '+ Add opportunity' }).click();
    const inputs = page.getByLabel(/^Opportunities item \d+$/);
    await inputs.last().fill('Telehealth reimbursement made permanent');
    await page.getByRole('button', { name: 'Save SWOT' }).click();
    await page.getByText('Telehealth reimbursement made permanent').waitFor();
    await page.getByRole('button', { name: 'Edit forecast' }).click();
    await page.getByLabel('Year 1 growth (%)').fill('12.5');
    await page.getByRole('button', { name: 'Save forecast' }).click();
    await page.getByRole('button', { name: 'Edit forecast' }).waitFor();
    const segments = await api<{
      items: { name: string; growthForecast: number[]; swot: { text: string }[] }[];
    }>(page, 'GET', '/api/v1/segments?limit=50');
    const seg = segments.items.find((s) => s.name === 'Healthcare providers');
    expect(seg?.growthForecast[0]).toBeCloseTo(0.125, 6);
    expect(seg?.swot.map((s) => s.text)).toContain('Telehealth reimbursement made permanent');
    await screenshot(page, 'segment-edited');
    expect(pageErrors(page)).toEqual([]);
  });
});
