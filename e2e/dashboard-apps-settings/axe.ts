import type { Page } from 'playwright-core';
import { injectAxe } from '../support/axe';

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * axe-core's serious and critical findings in the page's main area as it is now (this page and
 * its dialogs, not the shell around it), one line each.
 */
export async function seriousViolations(page: Page, scope = '#main'): Promise<string[]> {
  await injectAxe(page);
  const results = await page.evaluate((selector) => {
    const axe = (window as unknown as { axe: { run: (c: string) => Promise<unknown> } }).axe;
    return axe.run(selector) as Promise<AxeResults>;
  }, scope);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
