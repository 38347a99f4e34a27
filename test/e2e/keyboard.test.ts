import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchChromium, pageErrors, screenshot, settled } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', text: '', label: '', outline: '' };
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? '',
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

async function tabUntil(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error('focus never reached the element');
}

describe('keyboard only', () => {
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

  it('signs in with the keyboard, walks the main navigation, and fills a form', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    // Login form: Tab into email, type, Tab to password, type, Enter submits.
    const email = await tabUntil(page, (f) => f.label === 'Email');
    expect(email.tag).toBe('input');
    expect(email.outline).toMatch(/^solid [1-9]/); // visible focus
    await page.keyboard.type('portfolio@demo.test');
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // The skip link comes first, then the top bar, then the navigation in order (from a fresh load, so
    // the browser's focus starting point is the top of the document).
    await page.goto('/');
    await page.locator('h1').first().waitFor();
    // Where a fresh page's Tab starts depends on when the app settles; check the document order itself
    // (the skip link is the first focusable element) and walk on from it.
    const firstFocusable = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
      );
      el?.focus();
      return el?.textContent?.trim() ?? null;
    });
    expect(firstFocusable).toBe('Skip to content');
    expect((await focused(page)).text).toBe('Skip to content');
    const order: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.tag === 'a') order.push(f.text);
      if (f.text === 'Settings') break;
    }
    expect(order).toEqual([
      'Notifications',
      'Overview',
      'Products',
      'Segments',
      'Pecking order',
      'Initiatives',
      'Optimizer',
      'Risks',
      'Decision log',
      'Governance',
      'Finance',
      'Capacity',
      'Roadmap',
      'Releases',
      'Backlog',
      'Feedback inbox',
      'Audit trail',
      'Settings',
    ]);

    // Enter on a navigation link opens the page and moves focus into the main region.
    await page.goto('/');
    await page.locator('h1').first().waitFor();
    const products = await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Products');
    expect(products.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Products' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).pathname).toBe('/products');

    // A form by keyboard: create an API token in Settings.
    await page.goto('/settings');
    await settled(page);
    await tabUntil(page, (f) => f.label === 'Name');
    await page.keyboard.type('ci-token');
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Scope');
    await page.keyboard.press('ArrowDown'); // read-write
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Expires after (days)');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Create token');
    await page.keyboard.press('Enter');
    const secret = await page.getByTestId('new-token').textContent();
    expect(secret).toMatch(/^sxt_/);
    await page.getByRole('cell', { name: 'ci-token', exact: true }).waitFor();
    // Revoke it with the keyboard too.
    await tabUntil(page, (f) => f.label === 'Revoke token ci-token');
    await page.keyboard.press('Enter');
    await page.getByText('Revoked').waitFor();
    await context.close();
  });

  it('runs the optimizer, saves and commits a scenario with the keyboard alone', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    await tabUntil(page, (f) => f.label === 'Email');
    await page.keyboard.type('portfolio@demo.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // From the navigation to the optimizer.
    const link = await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Optimizer');
    expect(link.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Optimizer and scenarios' }).waitFor();
    await settled(page);

    // A constraint by keyboard (the budget share), then the Run button.
    await tabUntil(page, (f) => f.label.startsWith("Budget: share of candidates' cost"));
    await page.keyboard.type('80');
    // A collapsed section opens with Enter on its summary.
    await tabUntil(page, (f) => f.text.startsWith('Mandatory and forbidden initiatives'));
    await page.keyboard.press('Enter');
    expect(await page.locator('details.constraint-section').first().getAttribute('open')).not.toBeNull();
    const run = await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Run optimizer');
    expect(run.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.getByTestId('run-report').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('share')).toBe('80');

    // Save as a scenario: name, then Enter submits.
    await tabUntil(page, (f) => f.label === 'Scenario name');
    await page.keyboard.type('Keyboard plan');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Back to the list' }).waitFor({ timeout: 60_000 });

    // Commit: rationale, Tab to the button, Enter.
    await tabUntil(page, (f) => f.tag === 'textarea' && f.label === 'Rationale', 200);
    await page.keyboard.type('Chosen by keyboard: best value at 80 % of the cost.');
    const commit = await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Commit scenario');
    expect(commit.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.getByTestId('commit-result').waitFor();
    await screenshot(page, 'optimizer-keyboard-commit');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
