/**
 * Web app benchmark: gzipped size of the initial JavaScript (index.html's entry and its static
 * imports), and time-to-ready of the dashboard, backlog and products pages in Chromium against the real server
 * with `sextant demo --scale 10` data; plus scrolling a synthetic 100,000-row backlog.
 *
 *   node --import tsx bench/web.ts [--runs 5] [--scale 10]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser.ts';
import { buildWeb, ROOT, startSextant } from '../test/e2e/support/sextantServer.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const SCALE = arg('scale', 10);
const DIST = join(ROOT, 'dist/web');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The entry script of index.html and everything it imports statically (not `import()`). */
function initialJs(): { files: string[]; raw: number; gzip: number; css: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in dist/web/index.html');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    // static imports only: `import … from"./x.js"` and `import"./x.js"`; dynamic import( is excluded
    for (const m of code.matchAll(/\bimport\s*(?:[^'"();]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      visit(dir + m[1].slice(2));
    }
  };
  visit(entry);
  const files = [...seen];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(DIST, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  const cssFiles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+)"/g)].map((m) => m[1]);
  const css = cssFiles.reduce((s, f) => s + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  return { files, raw, gzip, css };
}

async function timeTo(page: Page, path: string, ready: () => boolean): Promise<number> {
  const t0 = Date.now();
  await page.goto(path);
  await page.waitForFunction(ready, undefined, { timeout: 120_000, polling: 'raf' });
  return Date.now() - t0;
}

/** Loads /backlog with `total` generated features and measures loading, scrolling and sorting. */
async function syntheticBacklog(context: BrowserContext, template: Record<string, unknown>, total: number) {
  const page = await context.newPage();
  await page.route(/\/api\/v1\/features\?/, async (route) => {
    const url = new URL(route.request().url());
    const offset = Number(url.searchParams.get('cursor') || '0');
    const limit = Number(url.searchParams.get('limit') || '50');
    const items = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      items.push({
        ...template,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `Synthetic feature ${i}`,
        reach: i % 997,
        effort: 1 + (i % 13),
      });
    }
    await route.fulfill({
      json: { items, nextCursor: offset + limit < total ? String(offset + limit) : null },
    });
  });
  const s0 = Date.now();
  await page.goto('/backlog');
  await page.waitForFunction(() => document.querySelectorAll('.vtable tbody tr').length > 5, undefined, {
    timeout: 60_000,
  });
  const firstRows = Date.now() - s0;
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="backlog-count"]')?.textContent ?? '').includes('loading'),
    undefined,
    { timeout: 600_000, polling: 250 },
  );
  const allIn = Date.now() - s0;
  const frames = await page.evaluate(async () => {
    const el = document.querySelector('.vtable-scroll') as HTMLElement;
    const times: number[] = [];
    // Jump one viewport per frame (wrapping around), so every frame replaces every row in both
    // sizes: the per-frame work is the same, and any difference is the cost of the row count.
    const jumps = 300;
    const max = el.scrollHeight - el.clientHeight;
    let last = performance.now();
    for (let i = 1; i <= jumps; i++) {
      el.scrollTop = (i * el.clientHeight) % max;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    // Wheel-like scrolling: 48 px per frame from the middle of the list.
    const wheel: number[] = [];
    el.scrollTop = Math.floor(max / 2);
    await new Promise((r) => requestAnimationFrame(r));
    last = performance.now();
    for (let i = 1; i <= jumps; i++) {
      el.scrollTop = Math.floor(max / 2) + i * 48;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      wheel.push(now - last);
      last = now;
    }
    wheel.sort((a, b) => a - b);
    return {
      p50: times[Math.floor(jumps * 0.5)],
      p95: times[Math.floor(jumps * 0.95)],
      wheelP50: wheel[Math.floor(jumps * 0.5)],
      wheelP95: wheel[Math.floor(jumps * 0.95)],
      domRows: document.querySelectorAll('.vtable tbody tr').length,
    };
  });
  const sortMs = await page.evaluate(async () => {
    const t = performance.now();
    const btn = [...document.querySelectorAll('.vtable th button')].find((b) =>
      b.textContent?.startsWith('RICE'),
    );
    (btn as HTMLButtonElement).click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t;
  });
  await page.close();
  return { firstRows, allIn, ...frames, sortMs };
}

async function main() {
  buildWeb();
  const js = initialJs();
  process.stdout.write(
    `initial JS: ${js.files.length} file(s), ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped (budget 350 KB); initial CSS ${kb(js.css)} gzipped\n`,
  );

  const t0 = Date.now();
  const server = await startSextant({ scale: SCALE });
  process.stdout.write(
    `server ready over demo --scale ${SCALE} data in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1360, height: 900 } });
    const login = await context.request.post('/api/v1/auth/login', {
      data: { email: 'portfolio@demo.test', password: 'sextant-demo' },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const page = await context.newPage();

    const results: Record<string, number[]> = {
      'dashboard ready (charts drawn)': [],
      'products list ready': [],
      'product detail ready (charts drawn)': [],
      'backlog first rows': [],
      'backlog fully loaded': [],
    };
    let features = 0;
    let productId = '';
    for (let run = 0; run < RUNS; run++) {
      results['dashboard ready (charts drawn)'].push(
        await timeTo(page, '/', () => {
          const charts = [...document.querySelectorAll('.chart-canvas')];
          return (
            document.querySelectorAll('.stat-tile').length >= 7 &&
            charts.length >= 5 &&
            charts.every((c) => c.querySelector('svg')) &&
            document.querySelectorAll('.panel-loading').length === 0
          );
        }),
      );
      results['products list ready'].push(
        await timeTo(page, '/products', () => {
          const rows = document.querySelectorAll('main tbody tr').length;
          return rows > 0 && document.querySelectorAll('.panel-loading').length === 0;
        }),
      );
      productId ||= await page.evaluate(() => {
        const a = document.querySelector<HTMLAnchorElement>('main tbody a');
        return a?.getAttribute('href')?.split('/').pop() ?? '';
      });
      results['product detail ready (charts drawn)'].push(
        await timeTo(page, `/products/${productId}`, () => {
          const charts = [...document.querySelectorAll('.chart-canvas')];
          return (
            charts.length > 0 &&
            charts.every((c) => c.querySelector('svg')) &&
            document.querySelectorAll('.panel-loading').length === 0 &&
            !document.body.textContent?.includes('Loading measurements')
          );
        }),
      );
      const start = Date.now();
      await page.goto('/backlog');
      await page.waitForFunction(() => document.querySelectorAll('.vtable tbody tr').length > 5, undefined, {
        timeout: 120_000,
        polling: 'raf',
      });
      results['backlog first rows'].push(Date.now() - start);
      await page.waitForFunction(
        () => {
          const t = document.querySelector('[data-testid="backlog-count"]')?.textContent ?? '';
          return t.includes('features') && !t.includes('loading');
        },
        undefined,
        { timeout: 300_000, polling: 100 },
      );
      results['backlog fully loaded'].push(Date.now() - start);
      features = await page.evaluate(() =>
        Number(
          (document.querySelector('[data-testid="backlog-count"]')?.textContent ?? '').replace(/\D/g, ''),
        ),
      );
    }
    process.stdout.write(
      `\nChromium on localhost, ${RUNS} runs each (first run has a cold cache), median / first:\n`,
    );
    for (const [name, xs] of Object.entries(results)) {
      process.stdout.write(
        `  ${name.padEnd(38)} ${String(median(xs)).padStart(6)} ms   (first ${xs[0]} ms)\n`,
      );
    }
    process.stdout.write(`  backlog rows loaded: ${features}\n`);

    // Synthetic backlogs served by the browser itself (page.route), to measure the virtualized table
    // alone: 1,000 rows as the baseline, 100,000 rows as the target, in the same run.
    const template = (await (await context.request.get('/api/v1/features?limit=1')).json()).items[0];
    for (const total of [1_000, 100_000]) {
      const r = await syntheticBacklog(context, template, total);
      process.stdout.write(
        `\nsynthetic backlog of ${total.toLocaleString('en')} rows (pages of 500 answered by page.route):\n` +
          `  first rows ${r.firstRows} ms, all rows in ${r.allIn} ms\n` +
          `  scrolling 300 frames, one viewport (all rows new) per frame: frame time p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms\n` +
          `  wheel-like scrolling, 48 px per frame: frame time p50 ${r.wheelP50.toFixed(1)} ms, p95 ${r.wheelP95.toFixed(1)} ms; ${r.domRows} <tr> in the DOM\n` +
          `  sort by RICE and repaint: ${r.sortMs.toFixed(0)} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
