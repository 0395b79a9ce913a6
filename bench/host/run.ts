/**
 * Dashboard app host latency: `npx tsx bench/host/run.ts`.
 *
 * The real server and built web app, Debian's Chromium (headless), and a dashboard app served
 * from a second origin (127.0.0.1:<port>; the dashboard is localhost:<port>), written from the
 * product document. Measured, each BENCH_RUNS times (default 200):
 *
 * - load → appContext: from the iframe's `load` event in the dashboard to the app's listener
 *   having parsed the appContext the host posts on every load (the frame reloads itself).
 * - fetch-info round trip: from the app's `postMessage('bevatel-dashboard-app:fetch-info')` to
 *   its listener having parsed the answer.
 * - level-2 `context.get` round trip: from a level-2 app's request (the raw envelope of
 *   PROTOCOL.md, no SDK) to its listener having parsed the response, same context payload.
 * - level-2 write round trip: `labels.add` from the app's request to its response, which the
 *   host sends once the server's command answered and the dashboard's copy was updated.
 *   Baseline: the same REST call alone (`POST …/conversations/:id/labels {add}`) from the
 *   dashboard's page with the agent's session. Interleaved with it, sample by sample, so
 *   both see the same growing thread; each add is undone (untimed) before the next.
 *
 * Baselines, in the same run and between the same two origins: a plain iframe whose `load`
 * handler posts the same payload string, and a bare `message` listener in the dashboard that
 * echoes the same payload string (and a 4-byte one) to whoever pinged it. The differences are
 * what the host itself costs.
 *
 * Times are `performance.timeOrigin + performance.now()` in both documents (one machine, one
 * clock). Env: BENCH_RUNS, BENCH_MESSAGES (60, added to the conversation), HOST_E2E_WEB_DIST (a web build other than apps/web/dist).
 */
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, signInContext } from '../../e2e/support/browser';
import { DEMO_ADMIN, startDashboard } from '../../e2e/support/dashboard';
import { appFrame, conversationPath, openApp } from '../../e2e/dashboard-apps-host/host-page';
import type {} from '../../e2e/dashboard-apps-host/level2-page';
import { startTestApps } from '../../e2e/dashboard-apps-host/test-apps';
import { createWorld, registerApp } from '../../e2e/dashboard-apps-host/world';

const RUNS = Math.max(200, Number(process.env.BENCH_RUNS ?? 200));
const WARMUP = 20;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 60);
const FETCH_INFO = 'bevatel-dashboard-app:fetch-info';
const BARE_TITLE = 'bare baseline';
const PING = 'bench:ping';
const PING_TINY = 'bench:ping-tiny';
const LEVEL2_TITLE = 'Bench level 2';
const BENCH_LABEL = 'bench-label';

declare global {
  interface Window {
    benchLoads?: { title: string; t: number }[];
    benchPayload?: string;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

interface Row {
  name: string;
  samples: number[];
}

/** Records every iframe `load` in the dashboard, before React's own handler runs. */
async function recordLoads(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.benchLoads = [];
    document.addEventListener(
      'load',
      (event) => {
        const target = event.target;
        if (target instanceof HTMLIFrameElement) {
          window.benchLoads!.push({
            title: target.title,
            t: performance.timeOrigin + performance.now(),
          });
        }
      },
      true,
    );
  });
}

/** Reloads the frame RUNS times; each sample is load (in the page) → first message parsed. */
async function loadToReceive(page: Page, frame: Frame, title: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const loadsBefore = await page.evaluate(
      (t) => window.benchLoads!.filter((l) => l.title === t).length,
      title,
    );
    await frame.evaluate(() => {
      setTimeout(() => window.location.reload(), 0);
    });
    await page.waitForFunction(
      ({ t, n }) => window.benchLoads!.filter((l) => l.title === t).length > n,
      { t: title, n: loadsBefore },
    );
    await frame.waitForFunction(() => (window.received ?? []).length > 0);
    const receivedAt = await frame.evaluate(() => {
      const first = window.received![0]!;
      return first.t;
    });
    const loadedAt = await page.evaluate(
      (t) => window.benchLoads!.filter((l) => l.title === t).at(-1)!.t,
      title,
    );
    if (i >= WARMUP) samples.push(receivedAt - loadedAt);
  }
  return samples;
}

/**
 * Round trips from the app: post `request` to the parent, wait for the answer, parse it. Sent
 * as source text: tsx would wrap named inner functions in a helper the page does not have.
 */
const ROUND_TRIPS = `async ({ request, runs, warmup }) => {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ms = await new Promise((resolve) => {
      const started = performance.now();
      function onMessage(event) {
        if (typeof event.data !== 'string') return;
        JSON.parse(event.data);
        window.removeEventListener('message', onMessage);
        resolve(performance.now() - started);
      }
      window.addEventListener('message', onMessage);
      window.parent.postMessage(request, '*');
    });
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}`;

async function roundTrips(frame: Frame, request: string, runs: number): Promise<number[]> {
  const run = await frame.evaluateHandle(`(${ROUND_TRIPS})`);
  const samples = await frame.evaluate(
    ([fn, args]) => (fn as unknown as (a: typeof args) => Promise<number[]>)(args),
    [run, { request, runs, warmup: WARMUP }] as const,
  );
  await run.dispose();
  return samples;
}

/** Level-2 requests from the hand-written level-2 app (level2-app.ts), timed in its document. */
async function level2RoundTrips(frame: Frame, method: string, runs: number): Promise<number[]> {
  return frame.evaluate(
    async ({ method, runs, warmup }) => {
      const samples: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const started = performance.now();
        const response = await window.call!(method, {});
        if (response.error) throw new Error(`${method}: ${response.error.code}`);
        if (i >= warmup) samples.push(performance.now() - started);
      }
      return samples;
    },
    { method, runs, warmup: WARMUP },
  );
}

/** One timed `labels.add` through the host, undone (untimed) afterwards. */
async function hostLabelWrite(frame: Frame): Promise<number> {
  return frame.evaluate(async (label) => {
    const started = performance.now();
    const added = await window.call!('labels.add', { labels: [label] });
    const ms = performance.now() - started;
    const removed = await window.call!('labels.remove', { labels: [label] });
    if (added.error || removed.error) throw new Error(JSON.stringify(added.error ?? removed.error));
    return ms;
  }, BENCH_LABEL);
}

/**
 * The same write as the dashboard's REST call alone, from its page with the agent's session
 * (no named functions inside: tsx would wrap them in a helper the page does not have).
 */
async function restLabelWrite(page: Page, path: string): Promise<number> {
  return page.evaluate(
    async ({ path, label }) => {
      const session = (await (await fetch('/auth/session')).json()) as {
        data: { csrf_token: string };
      };
      const headers = {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': session.data.csrf_token,
      };
      let ms = 0;
      for (const body of [{ add: [label] }, { remove: [label] }]) {
        const started = performance.now();
        const response = await fetch(path, {
          method: 'POST',
          credentials: 'same-origin',
          headers,
          body: JSON.stringify(body),
        });
        await response.json();
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        if ('add' in body) ms = performance.now() - started;
      }
      return ms;
    },
    { path, label: BENCH_LABEL },
  );
}

async function labelWrites(
  frame: Frame,
  page: Page,
  path: string,
  runs: number,
): Promise<{ host: number[]; rest: number[] }> {
  const host: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const viaHost = await hostLabelWrite(frame);
    const alone = await restLabelWrite(page, path);
    if (i >= WARMUP) {
      host.push(viaHost);
      rest.push(alone);
    }
  }
  return { host, rest };
}

async function main(): Promise<void> {
  const apps = await startTestApps('127.0.0.1');
  const webDist = process.env.HOST_E2E_WEB_DIST;
  const dashboard = await startDashboard(webDist ? { config: { webDist } } : {});
  const browser = await launchBrowser();
  try {
    const world = await createWorld(dashboard.url);
    await registerApp(world.api, 'Bench', apps.url('/app?name=bench'));
    await world.api.post('labels', { title: BENCH_LABEL });
    await world.api.post('dashboard_apps', {
      title: LEVEL2_TITLE,
      content: [{ type: 'frame', url: apps.url('/level2?name=bench') }],
      permissions: ['labels:write'],
    });
    // A conversation of realistic length: the payload carries the page of messages loaded.
    for (let i = 0; i < MESSAGES; i++) {
      await world.api.post(`conversations/${world.first.conversation.id}/messages`, {
        content: `Message ${i}: ${'lorem ipsum dolor sit amet '.repeat(4)}`,
        message_type: i % 2 === 0 ? 'incoming' : 'outgoing',
      });
    }
    const context = await signInContext(browser, dashboard.url, DEMO_ADMIN);
    await context.route(`${dashboard.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    await page.goto(conversationPath(world.api.accountId, world.first.conversation.id));
    await page.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
    await recordLoads(page);
    const frame = await openApp(page, 'Bench');
    await frame.waitForFunction(() => (window.received ?? []).length > 0);
    const payload = await frame.evaluate(() => JSON.stringify(window.received![0]!.data));

    // Baselines: a plain frame of the same app origin, posting the same payload on load, and
    // an echo of the same payload (or of 4 bytes) from the dashboard's window.
    await page.evaluate(
      ({ src, origin, title, payload, ping, pingTiny }) => {
        window.benchPayload = payload;
        window.addEventListener('message', (event) => {
          if (event.origin !== origin || !event.source) return;
          if (event.data === ping) (event.source as Window).postMessage(payload, origin);
          if (event.data === pingTiny) (event.source as Window).postMessage('"ok"', origin);
        });
        const bare = document.createElement('iframe');
        bare.title = title;
        bare.style.cssText =
          'position:fixed;inset-block-end:0;inset-inline-end:0;inline-size:320px;block-size:240px;border:0';
        bare.addEventListener('load', () => bare.contentWindow!.postMessage(payload, origin));
        bare.src = src;
        document.body.append(bare);
      },
      {
        src: apps.url('/app?name=bare'),
        origin: apps.origin,
        title: BARE_TITLE,
        payload,
        ping: PING,
        pingTiny: PING_TINY,
      },
    );
    const bare = await appFrame(page, BARE_TITLE);

    const rows: Row[] = [];
    rows.push({
      name: 'load → appContext parsed (host)',
      samples: await loadToReceive(page, frame, 'Bench'),
    });
    rows.push({
      name: 'load → same payload parsed (bare iframe onload post)',
      samples: await loadToReceive(page, bare, BARE_TITLE),
    });
    // The host frame was reloaded: find it again (same element, new document).
    const hostFrame = await appFrame(page, 'Bench');
    rows.push({
      name: 'fetch-info round trip (host)',
      samples: await roundTrips(hostFrame, FETCH_INFO, RUNS),
    });
    rows.push({
      name: 'bare postMessage round trip, same payload',
      samples: await roundTrips(hostFrame, PING, RUNS),
    });
    rows.push({
      name: 'bare postMessage round trip, 4 bytes',
      samples: await roundTrips(hostFrame, PING_TINY, RUNS),
    });

    // Level 2: the hand-written app says hello once, then requests.
    const level2 = await openApp(page, LEVEL2_TITLE);
    await level2.waitForFunction(() => typeof window.hello === 'function');
    await level2.evaluate(() => window.hello!([]));
    await level2.waitForFunction(() => (window.readies ?? []).length > 0);
    rows.push({
      name: 'level-2 context.get round trip (host)',
      samples: await level2RoundTrips(level2, 'context.get', RUNS),
    });
    const labelsPath = `/api/v1/accounts/${world.api.accountId}/conversations/${world.first.conversation.id}/labels`;
    const writes = await labelWrites(level2, page, labelsPath, RUNS);
    rows.push({ name: 'level-2 labels.add round trip (host)', samples: writes.host });
    rows.push({ name: 'REST POST …/labels {add} alone (dashboard page)', samples: writes.rest });

    const version = browser.version();
    const carried = (JSON.parse(payload) as { data: { conversation: { messages: unknown[] } } })
      .data.conversation.messages.length;
    const f = (ms: number) => ms.toFixed(2);
    console.log(
      `\nDashboard app host — Chromium ${version}, headless; ${RUNS} runs each (after ${WARMUP} warm-up)`,
    );
    console.log(`appContext payload: ${payload.length} bytes (${carried} messages loaded)\n`);
    console.log('| measure | runs | p50 ms | p99 ms |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(
        `| ${row.name} | ${row.samples.length} | ${f(percentile(row.samples, 50))} | ${f(percentile(row.samples, 99))} |`,
      );
    }
    const p50 = (name: string) =>
      percentile(rows.find((row) => row.name === name)?.samples ?? [], 50);
    const ratio = (a: string, b: string) => (p50(a) / p50(b)).toFixed(2);
    console.log(
      `\nratios at p50: context.get / fetch-info ${ratio('level-2 context.get round trip (host)', 'fetch-info round trip (host)')}; ` +
        `labels.add via host / REST alone ${ratio('level-2 labels.add round trip (host)', 'REST POST …/labels {add} alone (dashboard page)')}; ` +
        `fetch-info / bare echo ${ratio('fetch-info round trip (host)', 'bare postMessage round trip, same payload')}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await dashboard.close();
    await apps.close();
  }
}

await main();
