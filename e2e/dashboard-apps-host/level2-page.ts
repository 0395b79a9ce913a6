/** Driving the hand-written level-2 test app (level2-app.ts) through its frame. */
import type { Frame } from 'playwright-core';
import { FRAME_POLL_MS } from './host-page';

export interface ReadyData {
  protocol: number;
  methods: string[];
  events: string[];
  permissions: string[];
  subscribed: string[];
  location: string;
  locale: string;
  dir: string;
  theme: string;
  context: { conversation: { id: number; labels: string[] }; contact: { id: number } };
}

export interface EventData {
  name: string;
  id?: string;
  t: number;
  payload: Record<string, unknown>;
}

export interface ResponseData {
  id: string;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
}

declare global {
  interface Window {
    messages?: string[];
    readies?: ReadyData[];
    events?: EventData[];
    responses?: ResponseData[];
    beforeSend?: { allow: boolean; reason?: string } | null;
    hello?: (subscribe?: string[]) => void;
    call?: (method: string, params?: unknown, extra?: unknown) => Promise<ResponseData>;
  }
}

const wait = { polling: FRAME_POLL_MS, timeout: 5_000 };

/** Says hello and waits for its ready. */
export async function hello(frame: Frame, subscribe: string[] = []): Promise<ReadyData> {
  const before = await frame.evaluate(() => (window.readies ?? []).length);
  await frame.evaluate((names) => window.hello!(names), subscribe);
  await frame.waitForFunction((n) => (window.readies ?? []).length > n, before, wait);
  return frame.evaluate(() => window.readies!.at(-1)!);
}

/** A request and its response (fails the test if none comes within `timeout`). */
export async function call(
  frame: Frame,
  method: string,
  params?: unknown,
  extra?: unknown,
): Promise<ResponseData> {
  return frame.evaluate(
    ([m, p, e]) =>
      Promise.race([
        window.call!(m as string, p, e),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no response to ${String(m)}`)), 8_000),
        ),
      ]),
    [method, params, extra] as const,
  );
}

/** Sends a request and says whether any response came within `ms` (for ignored requests). */
export async function answeredWithin(frame: Frame, method: string, ms: number): Promise<boolean> {
  return frame.evaluate(
    ([m, wait]) =>
      Promise.race([
        window.call!(m as string, {}).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), wait as number)),
      ]),
    [method, ms] as const,
  );
}

export const events = (frame: Frame): Promise<EventData[]> =>
  frame.evaluate(() => window.events ?? []);

export const messages = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() => window.messages ?? []);

export async function eventArrives(
  frame: Frame,
  name: string,
  timeout = 5_000,
): Promise<EventData> {
  await frame.waitForFunction((n) => (window.events ?? []).some((e) => e.name === n), name, {
    ...wait,
    timeout,
  });
  return frame.evaluate((n) => window.events!.filter((e) => e.name === n).at(-1)!, name);
}
