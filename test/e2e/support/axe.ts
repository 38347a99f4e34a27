import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './sextantServer.ts';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let source: string | undefined;

/**
 * Runs axe-core in the page and returns the serious and critical violations. The app's CSP
 * (script-src 'self') rightly refuses page.addScriptTag's inline script, so axe is evaluated through
 * the DevTools protocol instead, which the page's CSP does not govern.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(`${source}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
