/** The conversation page and its app frames, as the host tests drive them. */
import type { Frame, Page } from 'playwright-core';

/** What the test app keeps per message it accepted (see test-apps.ts). */
export interface Received {
  at: number;
  perf: number;
  /** performance.timeOrigin + performance.now(): comparable across documents. */
  t: number;
  origin: string;
  raw: number;
  data: {
    event?: unknown;
    data?: {
      conversation?: {
        id?: number;
        messages?: { content?: string | null; message_type?: number }[];
        meta?: { assignee?: { id?: number; email?: string } | null; sender?: { email?: string } };
        [key: string]: unknown;
      };
      contact?: { id?: number; email?: string | null; [key: string]: unknown };
      currentAgent?: { id?: number; email?: string | null; name?: string | null };
      token?: string;
      [key: string]: unknown;
    };
  };
}

declare global {
  interface Window {
    received?: Received[];
    instanceId?: string;
    fetchInfo?: (key?: string) => void;
    marker?: string;
    asked?: number;
    everything?: string[];
  }
}

export function conversationPath(accountId: number, displayId: number): string {
  return `/app/accounts/${accountId}/conversations/${displayId}`;
}

export async function openConversation(page: Page, accountId: number, displayId: number) {
  await page.goto(conversationPath(accountId, displayId));
  await page.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
}

/** Opens an app's tab and returns its (cross-origin) frame once its page has loaded. */
export async function openApp(page: Page, title: string): Promise<Frame> {
  await page.getByRole('tab', { name: title, exact: true }).click();
  return appFrame(page, title);
}

/**
 * How often waits on an app frame re-check. Not 'raf' (playwright's default): Chromium runs no
 * animation frames in a hidden cross-origin frame (an app behind another tab), so such a wait
 * checks once and then never again, and times out on a message that arrived just after.
 */
export const FRAME_POLL_MS = 25;

export async function appFrame(page: Page, title: string): Promise<Frame> {
  const element = await page.locator(`iframe[title="${title}"]`).elementHandle({ timeout: 10_000 });
  if (!element) throw new Error(`no iframe titled ${title}`);
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`iframe ${title} has no frame`);
  await frame.waitForFunction(() => Array.isArray(window.received), undefined, {
    timeout: 10_000,
    polling: FRAME_POLL_MS,
  });
  return frame;
}

export function received(frame: Frame): Promise<Received[]> {
  return frame.evaluate(() => window.received ?? []);
}

/** Waits until the app holds at least `count` messages; returns them all. */
export async function receivedAtLeast(frame: Frame, count: number, timeout = 5_000) {
  await frame.waitForFunction((n) => (window.received ?? []).length >= n, count, {
    timeout,
    polling: FRAME_POLL_MS,
  });
  return received(frame);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
