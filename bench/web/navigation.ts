import type { BrowserContext } from 'playwright-core';
import type { Marks } from './marks';

export const VIEWPORT = { width: 1440, height: 900 };

/** One kind of navigation, repeated with a fresh page in the same (signed-in) context. */
export interface Scenario {
  name: string;
  conversations: number | null;
  context: BrowserContext;
  path: string;
  /** Filters stored for the account before the app starts, as the tabs store them. */
  storedFilters?: { key: string; value: string };
  /** Wait for the assignee counts too (the static baseline has none). */
  counts: boolean;
}

/** Times of one navigation, in ms from its start, taken in the page. */
export interface Sample {
  row: number;
  counts: number | null;
  domContentLoaded: number;
  /** The page's requests (resource timing), named by path with ids as `:id`, query dropped. */
  requests: { name: string; start: number; end: number }[];
}

export async function navigate(scenario: Scenario): Promise<Sample> {
  const page = await scenario.context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    if (scenario.storedFilters) {
      await page.addInitScript(({ key, value }) => {
        try {
          sessionStorage.setItem(key, value);
        } catch {
          // about:blank has no storage; the dashboard's document does.
        }
      }, scenario.storedFilters);
    }
    await page.goto(scenario.path, { waitUntil: 'commit' });
    await page.waitForFunction(
      (counts) => {
        const marks = window.__benchMarks;
        return marks?.row !== undefined && (!counts || marks.counts !== undefined);
      },
      scenario.counts,
      { timeout: 60_000 },
    );
    const { marks, domContentLoaded, resources } = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        marks: window.__benchMarks as Marks,
        domContentLoaded: entry.domContentLoadedEventEnd,
        resources: [entry, ...performance.getEntriesByType('resource')].map((r) => ({
          url: r.name,
          start: r.startTime,
          end: (r as PerformanceResourceTiming).responseEnd,
        })),
      };
    });
    const requests = resources.map(({ url, start, end }) => ({
      name: new URL(url).pathname.replace(/\/\d+(?=\/|$)/g, '/:id'),
      start,
      end,
    }));
    return { row: marks.row!, counts: marks.counts ?? null, domContentLoaded, requests };
  } finally {
    await page.close();
  }
}
