/**
 * What the launcher (on the customer's page) and the chat frame (on our origin) say to each
 * other with postMessage. Each side checks who sent a message before reading it: the launcher
 * only listens to its own frame's window and our origin, the frame only to its parent.
 */
import type { WidgetLocale, WidgetTheme } from '@bevatel/protocol';

/** The visitor's keys, kept in the site's localStorage so every tab and reload finds them. */
export interface StoredVisitor {
  source_id: string;
  pubsub_token: string;
  identifier: string | null;
}

export interface PendingUser {
  identifier: string;
  name?: string;
  email?: string;
  phone_number?: string;
  identifier_hash?: string;
  avatar_url?: string;
}

export type LauncherToFrame =
  | {
      type: 'bevatel:init';
      visitor: StoredVisitor | null;
      user: PendingUser | null;
      customAttributes: Record<string, unknown>;
      locale: WidgetLocale;
      theme: WidgetTheme;
      referer: string;
    }
  | { type: 'bevatel:user'; user: PendingUser }
  | { type: 'bevatel:custom-attributes'; customAttributes: Record<string, unknown> }
  | { type: 'bevatel:locale'; locale: WidgetLocale }
  | { type: 'bevatel:opened' };

export type FrameToLauncher =
  | { type: 'bevatel:frame-ready' }
  | { type: 'bevatel:visitor'; visitor: StoredVisitor }
  | { type: 'bevatel:close' }
  | { type: 'bevatel:error'; message: string };

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
