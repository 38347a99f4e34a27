import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './sextantServer.ts';

export const DEMO_PASSWORD = 'sextant-demo';
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** Debian's Chromium, headless, with nothing that reaches the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const ERRORS = new WeakMap<Page, string[]>();

/** Uncaught errors the page's scripts threw since sign-in (tests expect none). */
export function pageErrors(page: Page): string[] {
  return ERRORS.get(page) ?? [];
}

/** A new page (own cookies) signed in through the real login form as `email`. */
export async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  ERRORS.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

/** Opens a page of the app from the navigation-free URL and waits for its h1. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
}

/** Waits until no loading indicator is left and every chart has drawn (ECharts loads lazily). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.panel-loading').length === 0 &&
      [...document.querySelectorAll('.chart-canvas')].every((c) => c.querySelector('svg')),
    undefined,
    { timeout: 30_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
