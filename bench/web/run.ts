/**
 * Dashboard web app: `npx tsx bench/web/run.ts [--no-build]`.
 *
 * 1. Initial JavaScript, KB gzip (level 9, KB = 1,000 bytes as Vite prints): the entry script of
 *    a fresh build's index.html and its modulepreloads, checked against the entry's static import
 *    graph and against the scripts Chromium requests for /app/login and the conversation list.
 *    Budget 250 KB. Baseline: React + ReactDOM alone (esbuild, minified, production).
 * 2. Navigation → conversation list: in-page times (ms since navigation start) to the first row
 *    visible and to the three assignee counts shown, over BENCH_RUNS (default 20, at least 15)
 *    navigations per scenario, each in a fresh page of a signed-in context, after BENCH_WARMUP
 *    (default 3) warm-up rounds; scenarios take turns so machine load falls on all alike.
 *    Baselines in the same run and process: a static page rendering one row from an inline script,
 *    and a second dashboard with the demo data only.
 *
 * The web app is built into a temporary directory (apps/web/dist, which other browser tests
 * serve, is left alone); --no-build copies apps/web/dist instead. Env: BENCH_EXTRA (10,000).
 */
import { launchBrowser, signInContext } from '../../e2e/support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../../e2e/support/dashboard';
import { addConversations, countConversations } from './conversations';
import { BASELINE_PAGE, prepareDist, type PreparedDist } from './dist';
import { MARKS_SCRIPT } from './marks';
import { navigate, type Sample, type Scenario } from './navigation';
import { recordScripts, type ScriptRequests } from './requests';
import { reactBaseline, readIndexHtml, sizesOf, staticGraph, type Sizes } from './size';

const BUDGET_KB = 250;
const RUNS = Math.max(15, Number(process.env.BENCH_RUNS ?? 20));
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const EXTRA = Number(process.env.BENCH_EXTRA ?? 10_000);
const BUILD = !process.argv.includes('--no-build');

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number) => value.toFixed(0);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

function printSizes(
  dist: string,
  initial: Sizes,
  graph: Sizes,
  react: { raw: number; gzip: number; version: string },
  css: Sizes,
  login: ScriptRequests,
  list: ScriptRequests,
): void {
  const pass = initial.gzip <= BUDGET_KB * 1000 ? 'PASS' : 'FAIL';
  const rows: [string, Sizes | { files: string[]; raw: number; gzip: number }, string][] = [
    [
      `baseline: React ${react.version} + ReactDOM alone (esbuild, minified, production)`,
      { files: ['(bundle)'], ...react },
      '',
    ],
    ['initial JS: index.html entry + modulepreloads', initial, `${pass} (≤ ${BUDGET_KB})`],
    ['static import graph of the entry', graph, ''],
    [
      'Chromium, /app/login (signed out), until the form shows',
      sizesOf(dist, login.beforeReady),
      '',
    ],
    ['Chromium, conversation list, until first row + counts', sizesOf(dist, list.beforeReady), ''],
    ['Chromium, conversation list, 1 s later', sizesOf(dist, list.all), ''],
  ];
  console.log('\nInitial JavaScript (KB = 1,000 bytes; gzip level 9 of each file, summed)\n');
  console.log('| measure | files | min KB | gzip KB | ÷ React + ReactDOM | budget |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const [name, sizes, budget] of rows) {
    console.log(
      `| ${name} | ${sizes.files.length} | ${kb(sizes.raw)} | ${kb(sizes.gzip)} | ${ratio(sizes.gzip, react.gzip)} | ${budget} |`,
    );
  }
  console.log(
    `\nBeyond React + ReactDOM: ${kb(initial.gzip - react.gzip)} KB gzip of the initial JS ` +
      `(${((100 * (initial.gzip - react.gzip)) / (BUDGET_KB * 1000)).toFixed(0)} % of the budget); ` +
      `initial CSS ${kb(css.gzip)} KB gzip (${css.files.length} file, not counted).`,
  );
  console.log(
    `Static import graph ${sameSet(graph.files, initial.files) ? 'equals' : 'DIFFERS FROM'} index.html's set.`,
  );
  for (const [name, requests] of [
    ['/app/login', login.beforeReady],
    ['conversation list', list.all],
  ] as const) {
    const extra = requests.filter((path) => !initial.files.includes(path));
    const missing = initial.files.filter((path) => !requests.includes(path));
    console.log(
      `${name}: ${requests.length} scripts requested; beyond the initial set: ${extra.join(', ') || 'none'}` +
        (missing.length ? `; initial files not requested: ${missing.join(', ')}` : ''),
    );
  }
}

function printNavigation(scenarios: Scenario[], samples: Map<Scenario, Sample[]>): void {
  const p = (scenario: Scenario, pick: (s: Sample) => number | null, q: number) => {
    const values = samples
      .get(scenario)!
      .map(pick)
      .filter((v): v is number => v !== null);
    return values.length ? percentile(values, q) : NaN;
  };
  const baseline = scenarios[0]!;
  const baseRow = p(baseline, (s) => s.row, 50);
  const demoOf = (scenario: Scenario) =>
    scenarios.find(
      (other) =>
        other !== scenario &&
        other.storedFilters?.value === scenario.storedFilters?.value &&
        other.counts &&
        other.conversations !== null &&
        other.conversations < (scenario.conversations ?? 0),
    );
  console.log(
    `\nNavigation → conversation list; ms from navigation start, in the page; ${RUNS} navigations each (after ${WARMUP} warm-up rounds)\n`,
  );
  console.log(
    '| scenario | conversations | first row p50 | p90 | counts p50 | p90 | DOMContentLoaded p50 | first row ÷ static | ÷ demo data only |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const scenario of scenarios) {
    const row50 = p(scenario, (s) => s.row, 50);
    const demo = demoOf(scenario);
    const counts = (q: number) => (scenario.counts ? ms(p(scenario, (s) => s.counts, q)) : '–');
    console.log(
      `| ${scenario.name} | ${scenario.conversations?.toLocaleString('en-US') ?? '–'} | ${ms(row50)} | ${ms(p(scenario, (s) => s.row, 90))} | ${counts(50)} | ${counts(90)} | ${ms(p(scenario, (s) => s.domContentLoaded, 50))} | ${scenario === baseline ? '1.00×' : ratio(row50, baseRow)} | ${
        demo
          ? ratio(
              row50,
              p(demo, (s) => s.row, 50),
            )
          : '–'
      } |`,
    );
  }
}

/** Median start and end of each request of a scenario's navigations: where the time goes. */
function printWaterfall(scenario: Scenario, samples: Sample[]): void {
  const byName = new Map<string, { start: number[]; end: number[] }>();
  for (const sample of samples) {
    const seen = new Set<string>();
    for (const request of sample.requests) {
      if (seen.has(request.name)) continue;
      seen.add(request.name);
      const entry = byName.get(request.name) ?? { start: [], end: [] };
      entry.start.push(request.start);
      entry.end.push(request.end);
      byName.set(request.name, entry);
    }
  }
  const rows = [...byName]
    .filter(([, times]) => times.start.length * 2 >= samples.length)
    .map(([name, times]) => ({
      name,
      start: percentile(times.start, 50),
      end: percentile(times.end, 50),
    }))
    .sort((a, b) => a.start - b.start);
  console.log(`\nWhere the time goes: ${scenario.name}, p50 of each request (ms)\n`);
  console.log('| request | start | end |');
  console.log('| --- | ---: | ---: |');
  for (const row of rows) console.log(`| \`${row.name}\` | ${ms(row.start)} | ${ms(row.end)} |`);
  const p50 = (pick: (s: Sample) => number) => ms(percentile(samples.map(pick), 50));
  console.log(`| DOMContentLoaded | | ${p50((s) => s.domContentLoaded)} |`);
  console.log(`| first row visible | | ${p50((s) => s.row)} |`);
}

async function main(): Promise<void> {
  const started = Date.now();
  let dist: PreparedDist | null = null;
  const dashboards: RunningDashboard[] = [];
  const browser = await launchBrowser();
  try {
    dist = prepareDist({ build: BUILD });
    const index = readIndexHtml(dist.dir);
    const initial = sizesOf(dist.dir, [...index.entries, ...index.preloads]);
    const graph = sizesOf(dist.dir, await staticGraph(dist.dir, index.entries));
    const css = sizesOf(dist.dir, index.css);
    const react = await reactBaseline();

    const demo = await startDashboard({ config: { webDist: dist.dir } });
    dashboards.push(demo);
    const large = await startDashboard({ config: { webDist: dist.dir } });
    dashboards.push(large);
    await addConversations(large, EXTRA);
    const [demoCount, largeCount] = [
      await countConversations(demo),
      await countConversations(large),
    ];
    const listPath = (dashboard: RunningDashboard) =>
      `/app/accounts/${dashboard.accountId}/conversations`;
    const allTab = (dashboard: RunningDashboard) => ({
      key: `bevatel.conversationFilters.${dashboard.accountId}`,
      value: JSON.stringify({ assigneeType: 'all' }),
    });

    // Scripts first, in contexts of their own, so no HTTP cache hides a request.
    const signedOut = await browser.newContext({ baseURL: large.url });
    const login = await recordScripts(signedOut, '/app/login', (page) =>
      page.getByLabel('Email').waitFor(),
    );
    await signedOut.close();
    const recording = await signInContext(browser, large.url, DEMO_ADMIN);
    await recording.addInitScript({ content: MARKS_SCRIPT });
    const list = await recordScripts(recording, listPath(large), async (page) => {
      await page.waitForFunction(
        () => window.__benchMarks?.row !== undefined && window.__benchMarks.counts !== undefined,
      );
    });
    await recording.close();
    printSizes(dist.dir, initial, graph, react, css, login, list);

    const demoContext = await signInContext(browser, demo.url, DEMO_ADMIN);
    const largeContext = await signInContext(browser, large.url, DEMO_ADMIN);
    for (const context of [demoContext, largeContext]) {
      await context.addInitScript({ content: MARKS_SCRIPT });
    }
    const scenarios: Scenario[] = [
      {
        name: 'baseline: static page, one row from an inline script (same server)',
        conversations: null,
        context: largeContext,
        path: BASELINE_PAGE,
        counts: false,
      },
      {
        name: 'demo data only, "Mine" tab (default filters)',
        conversations: demoCount,
        context: demoContext,
        path: listPath(demo),
        counts: true,
      },
      {
        name: `demo + ${EXTRA.toLocaleString('en-US')}, "Mine" tab (default filters)`,
        conversations: largeCount,
        context: largeContext,
        path: listPath(large),
        counts: true,
      },
      {
        name: 'demo data only, "All" tab',
        conversations: demoCount,
        context: demoContext,
        path: listPath(demo),
        storedFilters: allTab(demo),
        counts: true,
      },
      {
        name: `demo + ${EXTRA.toLocaleString('en-US')}, "All" tab`,
        conversations: largeCount,
        context: largeContext,
        path: listPath(large),
        storedFilters: allTab(large),
        counts: true,
      },
    ];
    const samples = new Map<Scenario, Sample[]>(scenarios.map((s) => [s, []]));
    for (let round = 0; round < WARMUP + RUNS; round++) {
      for (const scenario of scenarios) {
        const sample = await navigate(scenario);
        if (round >= WARMUP) samples.get(scenario)!.push(sample);
      }
    }
    console.log(
      `\nChromium ${browser.version()}, headless, viewport 1440×900; signed in as the demo administrator.`,
    );
    printNavigation(scenarios, samples);
    const last = scenarios.at(-1)!;
    printWaterfall(last, samples.get(last)!);
    await demoContext.close();
    await largeContext.close();
    console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await browser.close();
    for (const dashboard of dashboards) await dashboard.close();
    dist?.remove();
  }
}

await main();
