/**
 * Level 2 end to end in Chromium: an app on 127.0.0.1 built on the SDK's script-tag bundle
 * (connect({protocol: 2})) inside the simulator on localhost, which answers with the protocol's
 * own checks and applies every action to its sample conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { startSimulator } from '../src/simulator';
import type { RunningSimulator } from '../src/simulator';
import { launchChromium } from './helpers/browser';
import { buildGlobalBundle, bundle } from './helpers/bundle';
import { closeAll, startServer } from './helpers/servers';
import type { TestServer } from './helpers/servers';

/** An app on the script-tag bundle: it connects with level 2 and records what it gets. */
const level2App = `<!doctype html><meta charset="utf-8"><title>level 2 app</title><h1 id="name">waiting</h1>
<script src="/sdk.js"></script>
<script>
  window.instanceId = Math.random().toString(36).slice(2);
  window.events = [];
  window.errors = [];
  window.ready = BevatelDashboardApp.connect({ protocol: 2, subscribe: ['message.created', 'conversation.changed'] })
    .then(function (app) {
      window.app = app;
      app.on('message.created', function (payload) { window.events.push(['message.created', payload.message.content]); });
      app.on('conversation.changed', function (payload) {
        window.events.push(['conversation.changed', payload.context.conversation.id]);
        document.getElementById('name').textContent = payload.context.contact.name;
      });
      document.getElementById('name').textContent = app.context.contact.name;
      return app.ready;
    });
  window.attempt = function (promise) {
    return promise.then(function (result) { return { result: result }; }, function (error) {
      return { error: { name: error.name, code: error.code, message: error.message } };
    });
  };
</script>`;

interface LogEntry {
  direction: string;
  level: string;
  text: string;
}

declare global {
  interface Window {
    app: {
      [key: string]: never;
    };
  }
}

let browser: Browser;
let apps: TestServer;
let simulator: RunningSimulator;
let reactSimulator: RunningSimulator;

beforeAll(async () => {
  const sdk = await buildGlobalBundle();
  const react = await bundle(new URL('fixtures/react-level2-app.ts', import.meta.url), {
    format: 'iife',
  });
  apps = await startServer({
    '/app.html': { body: level2App },
    '/sdk.js': { body: sdk, type: 'text/javascript' },
    '/react.html': {
      body: '<!doctype html><meta charset="utf-8"><div id="root"></div><script src="/react.js"></script>',
    },
    '/react.js': { body: react, type: 'text/javascript' },
  });
  simulator = await startSimulator({ appUrl: apps.url('/app.html'), port: 0 });
  reactSimulator = await startSimulator({ appUrl: apps.url('/react.html'), port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await closeAll(simulator, reactSimulator, apps);
});

const logOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log);

async function open(): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage();
  await page.goto(simulator.url);
  await page.waitForFunction((origin) => {
    const frame = document.getElementById('app-frame') as HTMLIFrameElement;
    return frame.src.startsWith(origin);
  }, apps.origin);
  // The iframe's src is set before its document commits: wait on the frame, not the list.
  const frame = (await (await page.$('#app-frame'))?.contentFrame())!;
  await frame.waitForURL((url) => url.href.startsWith(apps.origin));
  await frame.waitForFunction(() => (window as unknown as { app?: unknown }).app !== undefined);
  return { page, frame };
}

/** Runs `code` on the app's client inside the frame: `{result}` or `{error: {name, code}}`. */
function attempt(
  frame: Frame,
  code: string,
): Promise<{ result?: unknown; error?: { name: string; code: string } }> {
  return frame.evaluate((source) => {
    const w = window as unknown as { app: unknown; attempt(p: Promise<unknown>): Promise<unknown> };

    const run = new Function('app', `return ${source};`) as (app: unknown) => Promise<unknown>;
    return w.attempt(run(w.app));
  }, code) as Promise<{ result?: unknown; error?: { name: string; code: string } }>;
}

describe('the SDK level-2 client in the simulator', () => {
  it('connects with hello/ready, both logged, and shows the connection', async () => {
    const { page, frame } = await open();
    const ready = (await frame.evaluate(
      () => (window as unknown as { ready: Promise<unknown> }).ready,
    )) as {
      protocol: number;
      subscribed: string[];
      permissions: string[];
    };
    expect(ready.protocol).toBe(2);
    expect(ready.subscribed).toEqual(['message.created', 'conversation.changed']);
    expect(ready.permissions).toContain('labels:write');
    const texts = (await logOf(page)).map((e) => `${e.direction} ${e.text}`);
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^app-to-host hello \(sdk 0\.2\.0, subscribe: message.created, conversation.changed\)/,
      ),
    );
    expect(texts).toContainEqual('host-to-app ready');
    await page.locator('#level2-status', { hasText: 'connected' }).waitFor();
    await page.close();
  });

  it('applies the app’s actions to the sample conversation: composer, labels, notes, status, toast', async () => {
    const { page, frame } = await open();
    await page.fill('#composer-text', 'Dear , thanks');
    await page
      .locator('#composer-text')
      .evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
    expect((await attempt(frame, "app.composer.insert('Sarah')")).result).toEqual({
      target: 'reply',
      placed: 'composer',
    });
    expect(await page.inputValue('#composer-text')).toBe('Dear Sarah, thanks');
    expect((await attempt(frame, "app.labels.add('refund-requested')")).result).toMatchObject({
      labels: expect.arrayContaining(['refund-requested']),
    });
    await page.locator('#conv-header .chip', { hasText: 'refund-requested' }).waitFor();
    const note = await attempt(frame, "app.notes.create('Refund issued')");
    expect(note.result).toMatchObject({ message: { content: 'Refund issued', private: true } });
    await attempt(frame, "app.conversation.setStatus('resolved')");
    await page.locator('#conv-header', { hasText: 'status: resolved' }).waitFor();
    await attempt(frame, "app.ui.notify('Saved', 'success')");
    await page.locator('#toasts .toast', { hasText: 'Saved' }).waitFor();
    const context = await page.evaluate(
      () =>
        (
          window as unknown as {
            __simulator: { context: { conversation: { messages: { content: string }[] } } };
          }
        ).__simulator.context,
    );
    expect(context.conversation.messages.at(-1)?.content).toBe('Refund issued');
    const texts = (await logOf(page)).map((e) => e.text);
    expect(texts.some((t) => t.startsWith('request labels.add'))).toBe(true);
    expect(texts.some((t) => t.startsWith('response '))).toBe(true);
    await page.close();
  });

  it('answers with typed errors: revoked permission, bad params, unknown method', async () => {
    const { page, frame } = await open();
    const before = await frame.evaluate(
      () => (window as unknown as { instanceId: string }).instanceId,
    );
    await page.locator('.grant[value="labels:write"]').uncheck();
    // Grants apply at the next hello: the reloaded app says it.
    await page.click('#reload-grants');
    const reloaded = frame;
    await reloaded.waitForFunction((old) => {
      const w = window as unknown as { instanceId?: string; app?: unknown };
      return w.instanceId !== undefined && w.instanceId !== old && w.app !== undefined;
    }, before);
    expect((await attempt(reloaded, "app.labels.add('x')")).error).toMatchObject({
      name: 'PermissionDeniedError',
      code: 'permission_denied',
    });
    expect((await attempt(reloaded, "app.ui.notify('')")).error).toMatchObject({
      code: 'invalid_params',
    });
    expect((await attempt(reloaded, "app.request('labels.drop', {})")).error).toMatchObject({
      name: 'UnknownMethodError',
    });
    expect((await attempt(reloaded, 'app.ui.resize(300)')).error).toMatchObject({
      code: 'not_available',
    });
    await page.close();
  });

  it('simulates beforeSend from the stand-in composer', async () => {
    const { page, frame } = await open();
    await frame.evaluate(() => {
      const app = (
        window as unknown as { app: { onBeforeSend(fn: (d: { text: string }) => unknown): void } }
      ).app;
      app.onBeforeSend((draft) =>
        draft.text.includes('#') ? true : { allow: false, reason: 'Add the order number' },
      );
    });
    await page.waitForFunction(() =>
      (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log.some((e) =>
        e.text.includes('composer.beforeSend'),
      ),
    );
    await page.fill('#composer-text', 'Your refund is on its way');
    await page.click('#composer-send');
    await page.locator('#objection', { hasText: 'Add the order number' }).waitFor();
    await page.fill('#composer-text', 'Order #1001 is refunded');
    await page.click('#composer-send');
    await page.waitForFunction(() =>
      (window as unknown as { __simulator: { log: LogEntry[] } }).__simulator.log.some((e) =>
        e.text.includes('Reply sent: Order #1001 is refunded'),
      ),
    );
    await page.close();
  });

  it('keeps an app that subscribed to conversation.changed across a switch, and sends events', async () => {
    const { page, frame } = await open();
    const instance = await frame.evaluate(
      () => (window as unknown as { instanceId: string }).instanceId,
    );
    await page.fill('#message-text', 'Any news?');
    await page.click('#add-message button');
    await frame.waitForFunction(() =>
      (window as unknown as { events: unknown[][] }).events.some(
        (e) => e[0] === 'message.created' && e[1] === 'Any news?',
      ),
    );
    await page.selectOption('#conversation', 'shipping-ar');
    await frame.locator('#name', { hasText: 'أحمد الشمري' }).waitFor();
    expect(
      await frame.evaluate(() => (window as unknown as { instanceId: string }).instanceId),
    ).toBe(instance);
    const events = await frame.evaluate(
      () => (window as unknown as { events: unknown[][] }).events,
    );
    expect(events.some((e) => e[0] === 'conversation.changed')).toBe(true);
    await page.close();
  });

  it('opens a dialog of the app’s own origin, with the context, and closes it', async () => {
    const { page, frame } = await open();
    expect(
      (await attempt(frame, "app.ui.openModal({ url: '/app.html?modal=1', title: 'Refund' })"))
        .result,
    ).toEqual({
      opened: true,
    });
    await page.locator('#app-modal[open]').waitFor();
    expect(await page.textContent('#app-modal-title')).toBe('Refund');
    const modal = page.frames().find((f) => f.url().includes('modal=1'))!;
    await modal.waitForFunction(() => (window as unknown as { app?: unknown }).app !== undefined);
    expect((await attempt(modal, 'app.ui.resize(260)')).result).toEqual({ height: 260 });
    expect(
      (await attempt(frame, "app.ui.openModal({ url: 'https://evil.example/', title: 'x' })"))
        .error,
    ).toMatchObject({
      code: 'invalid_params',
    });
    expect((await attempt(frame, 'app.ui.closeModal()')).result).toEqual({ closed: true });
    await page.locator('#app-modal[open]').waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('the React level-2 hooks in the simulator', () => {
  it('connect, follow events, check the composer and call methods', async () => {
    const page = await browser.newPage();
    await page.goto(reactSimulator.url);
    await page.waitForFunction((origin) => {
      const frame = document.getElementById('app-frame') as HTMLIFrameElement;
      return frame.src.startsWith(origin);
    }, apps.origin);
    const frame = page.frames().find((f) => f.url().startsWith(apps.origin))!;
    await frame.locator('#status', { hasText: 'ready' }).waitFor();
    expect(await frame.textContent('#name')).toBe('Sarah Johnson');
    await page.fill('#message-text', 'Is it refunded?');
    await page.click('#add-message button');
    await frame.locator('#last', { hasText: 'Is it refunded?' }).waitFor();
    await frame.click('#label');
    await page.locator('#conv-header .chip', { hasText: 'vip' }).waitFor();
    await page.fill('#composer-text', 'Your refund is on its way');
    await page.click('#composer-send');
    await page.locator('#objection', { hasText: 'Add the order number' }).waitFor();
    await page.close();
  });
});
