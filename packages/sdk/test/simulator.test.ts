/** The simulator: its HTTP endpoints, and a plain-JS app on another origin driven in Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { verifyContextToken } from '../src/server';
import { startSimulator } from '../src/simulator';
import type { RunningSimulator } from '../src/simulator';
import { launchChromium } from './helpers/browser';
import { validateAppContext } from './helpers/schema';
import { closeAll, startServer } from './helpers/servers';
import type { TestServer } from './helpers/servers';

const SECRET = 'test-secret';

/** An app as the product document tells developers to write it: no SDK. */
const plainApp = `<!doctype html><meta charset="utf-8"><h1 id="name">waiting</h1><p id="count"></p>
<a id="away" href="OTHER">away</a>
<script>
  var params = new URLSearchParams(location.search);
  window.contexts = [];
  function listen() {
    window.addEventListener('message', function (event) {
      if (typeof event.data !== 'string') return;
      var parsed;
      try { parsed = JSON.parse(event.data); } catch (e) { return; }
      if (parsed.event !== 'appContext') return;
      window.contexts.push(parsed.data);
      document.getElementById('name').textContent = parsed.data.contact.name;
      document.getElementById('count').textContent = String(parsed.data.conversation.messages.length);
    });
  }
  if (params.has('mistakes')) {
    window.parent.postMessage({ event: 'bevatel-dashboard-app:fetch-info' }, '*');
    window.parent.postMessage('chatwoot-dashboard-app:fetchinfo', '*');
    window.parent.postMessage('hello there', '*');
  }
  if (params.has('late')) {
    setTimeout(function () {
      listen();
      window.parent.postMessage('bevatel-dashboard-app:fetch-info', '*');
    }, 1200);
  } else {
    listen();
    window.parent.postMessage('bevatel-dashboard-app:fetch-info', '*');
  }
</script>`;

/** A page on a third origin that records whatever reaches it. */
const otherPage = `<!doctype html><meta charset="utf-8"><script>
  window.got = [];
  window.addEventListener('message', function (event) { window.got.push(String(event.data).slice(0, 40)); });
  window.parent.postMessage('bevatel-dashboard-app:fetch-info', '*');
</script>`;

interface LogEntry {
  direction: 'host-to-app' | 'app-to-host' | 'note';
  level: 'info' | 'warn' | 'hint';
  text: string;
  detail: string;
}

let browser: Browser;
let app: TestServer;
let other: TestServer;
let simulator: RunningSimulator;

beforeAll(async () => {
  other = await startServer({ '/other.html': { body: otherPage } }, 'localhost');
  app = await startServer({
    '/app.html': { body: plainApp.replace('OTHER', other.url('/other.html')) },
  });
  simulator = await startSimulator({
    appUrl: app.url('/app.html?mistakes=1'),
    port: 0,
    secret: SECRET,
    lateAfterMs: 500,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await closeAll(simulator, app, other);
});

const logOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log);

/** Opens the simulator and waits until it has posted to the app at least once. */
async function openSimulator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() =>
    ((window as unknown as { __simulator?: { log: LogEntry[] } }).__simulator?.log ?? []).some(
      (entry) => entry.direction === 'host-to-app',
    ),
  );
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(app.origin));
  if (!frame) throw new Error('no app frame');
  return frame;
}

async function lastContext(frame: Frame): Promise<Record<string, unknown> & { token?: string }> {
  return frame.evaluate(() => {
    const contexts = (window as unknown as { contexts: Record<string, unknown>[] }).contexts;
    return contexts[contexts.length - 1] as Record<string, unknown>;
  });
}

describe('simulator HTTP endpoints', () => {
  it('serves the dashboard page with the protocol iframe attributes', async () => {
    const response = await fetch(simulator.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      'sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads"',
    );
    expect(html).toContain('referrerpolicy="strict-origin-when-cross-origin"');
    expect(html).toContain('allow="clipboard-write"');
    expect(simulator.url).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it('serves schema-valid samples and signs tokens for them', async () => {
    const sample = (await (
      await fetch(`${simulator.url}/__simulator/sample?conversation=shipping-ar&theme=dark`)
    ).json()) as { locale: string; theme: string };
    expect(sample).toMatchObject({ locale: 'ar', theme: 'dark' });
    expect(validateAppContext({ event: 'appContext', data: sample })).toEqual([]);
    const minted = await fetch(`${simulator.url}/__simulator/token`, {
      method: 'POST',
      body: JSON.stringify(sample),
    });
    const { token } = (await minted.json()) as { token: string };
    const claims = verifyContextToken(token, SECRET, {
      audience: app.origin,
      issuer: simulator.url,
    });
    expect(claims).toMatchObject({
      conversation_id: 1043,
      contact_id: 312,
      sub: '7',
      account_id: 1,
    });
    expect(claims.exp - claims.iat).toBe(300);
  });

  it('answers bad input with 4xx JSON errors', async () => {
    const bad = await fetch(`${simulator.url}/__simulator/token`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad_request', statusCode: 400 });
    const noIds = await fetch(`${simulator.url}/__simulator/token`, { method: 'POST', body: '{}' });
    expect(noIds.status).toBe(400);
    expect(((await noIds.json()) as { message: string }).message).toContain('currentAgent.id');
    expect((await fetch(`${simulator.url}/nope`)).status).toBe(404);
  });

  it('refuses non-http app URLs', async () => {
    await expect(startSimulator({ appUrl: 'javascript:alert(1)', port: 0 })).rejects.toThrow(
      'http(s)',
    );
  });
});

describe('simulator in Chromium', () => {
  it('sends the context to the app, answers fetch-info and logs both directions with warnings', async () => {
    const page = await browser.newPage();
    await page.goto(simulator.url);
    await page.waitForFunction(() => {
      const log =
        (window as unknown as { __simulator?: { log: LogEntry[] } }).__simulator?.log ?? [];
      return log.filter((entry) => entry.direction === 'host-to-app').length >= 2;
    });
    const frame = appFrame(page);
    await frame.locator('#name', { hasText: 'Sarah Johnson' }).waitFor();

    const log = await logOf(page);
    const texts = log.map((entry) => `${entry.direction} ${entry.level} ${entry.text}`);
    expect(texts).toContainEqual(
      expect.stringMatching(/^host-to-app info appContext \(frame load\)/),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^app-to-host info fetch-info$/));
    expect(texts).toContainEqual(
      expect.stringMatching(/^host-to-app info appContext \(answer to fetch-info\)/),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(/^app-to-host warn The app posted an object, not a string/),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^app-to-host warn Unknown key "chatwoot-dashboard-app:fetchinfo": did you mean/,
      ),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^app-to-host warn Unknown message/));
    const panel = await page.locator('#log').textContent();
    expect(panel).toContain('host → app');
    expect(panel).toContain('app → host');

    // What the app received: schema-valid, with a token its backend can verify.
    const received = await lastContext(frame);
    expect(validateAppContext({ event: 'appContext', data: received })).toEqual([]);
    const claims = verifyContextToken(received.token ?? '', SECRET, {
      audience: app.origin,
      issuer: simulator.url,
    });
    expect(claims.conversation_id).toBe(1042);

    // Switch conversation: the app reloads and gets the Arabic one.
    await page.selectOption('#conversation', 'shipping-ar');
    await frame.locator('#name', { hasText: 'أحمد الشمري' }).waitFor();
    expect(await frame.locator('#count').textContent()).toBe('5');

    // An incoming message, then language and theme.
    await page.fill('#message-text', 'وين وصل طلبي؟');
    await page.click('#add-message button');
    await frame.locator('#count', { hasText: '6' }).waitFor();
    await page.selectOption('#locale', 'en');
    await page.selectOption('#theme', 'dark');
    await frame.waitForFunction(() => {
      const contexts = (window as unknown as { contexts: { theme: string }[] }).contexts;
      return contexts[contexts.length - 1]?.theme === 'dark';
    });
    const latest = (await lastContext(frame)) as {
      locale: string;
      dir: string;
      conversation: { messages: { content: string; message_type: number }[] };
    };
    expect(latest).toMatchObject({ locale: 'en', dir: 'ltr', theme: 'dark' });
    expect(latest.conversation.messages.at(-1)).toMatchObject({
      content: 'وين وصل طلبي؟',
      message_type: 0,
    });
    expect(validateAppContext({ event: 'appContext', data: latest })).toEqual([]);

    // Edited JSON is pushed as is.
    await page.evaluate(() => {
      const editor = document.getElementById('context-json') as HTMLTextAreaElement;
      const context = JSON.parse(editor.value) as { contact: { name: string } };
      context.contact.name = 'Edited Name';
      editor.value = JSON.stringify(context);
    });
    await page.click('#apply-json');
    await frame.locator('#name', { hasText: 'Edited Name' }).waitFor();
    await page.close();
  });

  it('sends nothing to a frame that navigated to another origin, and flags its messages', async () => {
    const page = await browser.newPage();
    await openSimulator(page, simulator.url);
    await appFrame(page).locator('#name', { hasText: 'Sarah Johnson' }).waitFor();
    await appFrame(page).click('#away');
    await page.waitForFunction(() =>
      (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log.some((entry) =>
        entry.text.includes('not the app origin'),
      ),
    );
    const away = page.frames().find((f) => f.url().startsWith(other.origin));
    if (!away) throw new Error('the frame did not navigate');
    await page.click('#push');
    await page.waitForFunction(() =>
      (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log.some((entry) =>
        entry.text.includes('manual push'),
      ),
    );
    await page.waitForTimeout(200);
    expect(await away.evaluate(() => (window as unknown as { got: string[] }).got)).toEqual([]);
    await page.close();
  });

  it('flags a listener registered too late', async () => {
    const late = await startSimulator({
      appUrl: app.url('/app.html?late=1'),
      port: 0,
      lateAfterMs: 500,
    });
    const page = await browser.newPage();
    try {
      await openSimulator(page, late.url);
      await page.waitForFunction(() =>
        (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log.some(
          (entry) =>
            entry.level === 'warn' && entry.text.startsWith('Listener registered too late?'),
        ),
      );
      const log = await logOf(page);
      expect(
        log.some(
          (entry) => entry.level === 'hint' && entry.text.startsWith('No fetch-info within 0.5 s'),
        ),
      ).toBe(true);
      await appFrame(page).locator('#name', { hasText: 'Sarah Johnson' }).waitFor();
    } finally {
      await page.close();
      await late.close();
    }
  });
});
