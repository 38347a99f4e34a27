import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, open, pageErrors, screenshot, settled, signIn } from './support/browser.ts';
import { type RunningServer, startSextant } from './support/sextantServer.ts';

/** Comments with mentions reach the mentioned colleague's notification centre; markup stays inert. */
describe('comments and notifications in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let portfolio: Page;
  let product: Page;

  beforeAll(async () => {
    server = await startSextant();
    browser = await launchChromium();
    portfolio = await signIn(browser, server.url, 'portfolio@demo.test');
    product = await signIn(browser, server.url, 'product@demo.test');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a mention on a product reaches the product manager, who follows it and marks it read', async () => {
    await open(portfolio, '/products');
    await settled(portfolio);
    await portfolio.getByRole('link', { name: 'Lumen Analytics' }).click();
    await portfolio.locator('h1', { hasText: 'Lumen Analytics' }).waitFor();
    let dialogs = 0;
    portfolio.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await portfolio.fill(
      'textarea[id^="comment-"]',
      'Can we **ship the EU residency** work this quarter? @product@demo.test <img src=x onerror="alert(1)"><script>alert(2)</script>',
    );
    await portfolio.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = portfolio.locator('.comment-body').last();
    await comment.locator('strong', { hasText: 'ship the EU residency' }).waitFor();
    expect(await comment.locator('script, img, [onerror]').count()).toBe(0);
    expect(dialogs).toBe(0);

    await open(product, '/');
    await settled(product);
    const link = product.getByRole('link', { name: /^Notifications 1 unread$/ });
    await link.waitFor();
    await link.click();
    await product.locator('h1', { hasText: 'Notifications' }).waitFor();
    await settled(product);
    await screenshot(product, 'notifications');
    expect(await seriousViolations(product)).toEqual([]);
    await product.getByRole('button', { name: 'Mark as read' }).click();
    await product.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await product.getByRole('link', { name: /mentioned you on product "Lumen Analytics"/ }).click();
    await product.locator('h1', { hasText: 'Lumen Analytics' }).waitFor();
    await product.locator('.comment-body strong', { hasText: 'ship the EU residency' }).waitFor();
    expect(pageErrors(product)).toEqual([]);
    expect(pageErrors(portfolio)).toEqual([]);
  });
});
