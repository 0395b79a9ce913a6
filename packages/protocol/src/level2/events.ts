/** Events the host sends to level-2 apps that subscribed to them, with their payloads. */
import type { AppContextData } from '../app-context';
import type { Locale, TextDirection, Theme } from '../enums';
import type { Contact, Conversation, Message } from '../entities';
import { DASHBOARD_APP_LOCATIONS } from '../placements';
import type { ComposerTarget } from './methods';

/**
 * Where an app is shown: the locations an administrator chooses (placements.ts) and the modal
 * an app opens itself. On `contact.page` and `navigation.page` there is no conversation.
 */
export const APP_LOCATIONS = [...DASHBOARD_APP_LOCATIONS, 'modal'] as const;
export type AppLocation = (typeof APP_LOCATIONS)[number];

export interface AppEventPayloads {
  /** The agent moved to another conversation; the frame stays and gets the new context. */
  'conversation.changed': { context: AppContextData };
  /** Status, priority, assignee, team, labels or attributes of the conversation changed. */
  'conversation.updated': { conversation: Conversation };
  /** A message, note or activity line was added to the conversation. */
  'message.created': { message: Message };
  /** The conversation's contact was edited. */
  'contact.updated': { contact: Contact };
  'theme.changed': { theme: Theme };
  'locale.changed': { locale: Locale; dir: TextDirection };
  /** The app's tab (or panel) was shown. */
  'app.activated': { location: AppLocation };
  /** The app's tab (or panel) was hidden. */
  'app.deactivated': { location: AppLocation };
  /**
   * Blocking: the agent is about to send this reply or note. Answer with a response carrying
   * the event's `id` and `{allow, reason?}` within 2 s, or the host sends anyway.
   */
  'composer.beforeSend': { text: string; kind: ComposerTarget };
}

export type AppEventName = keyof AppEventPayloads;

export const APP_EVENTS = [
  'conversation.changed',
  'conversation.updated',
  'message.created',
  'contact.updated',
  'theme.changed',
  'locale.changed',
  'app.activated',
  'app.deactivated',
  'composer.beforeSend',
] as const satisfies readonly AppEventName[];

/** How long the host waits for a `composer.beforeSend` answer before it allows the send. */
export const BEFORE_SEND_TIMEOUT_MS = 2_000;

/** An app's answer to `composer.beforeSend`. */
export interface BeforeSendAnswer {
  allow: boolean;
  /** Shown to the agent beside the composer when `allow` is false. */
  reason?: string;
}

/** Longest `reason` shown beside the composer. */
export const MAX_BEFORE_SEND_REASON_LENGTH = 500;

export function isAppEventName(value: unknown): value is AppEventName {
  return (APP_EVENTS as readonly unknown[]).includes(value);
}
