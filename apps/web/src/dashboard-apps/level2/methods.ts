/**
 * What each level-2 method does in the dashboard, framework-free: the services it uses are
 * handed in (the conversation commands of the dashboard's own buttons, the composer, toasts,
 * the modal), so the router and these handlers are tested without a browser.
 */
import {
  MAX_NOTIFY_PER_MINUTE,
  type AppContextData,
  type AppLocation,
  type ComposerInsertMode,
  type ComposerTarget,
  type MethodParams,
  type AppRequestResult,
  type NotifyKind,
} from '@bevatel/protocol';
import type { ConversationCommands, CommandTarget } from '../../modules/conversations/commands';
import { AppRequestError } from './errors';
import type { MethodHandlers } from './router';

export interface ModalRequest {
  url: string;
  title: string;
  width?: number;
  height?: number;
}

export interface HostServices {
  app: { id: number; title: string; origin: string; hasSecret: boolean };
  location: AppLocation;
  /** The context last posted to the frame (null before there is one). */
  context(): AppContextData | null;
  /** A fresh signed token for the conversation (the app has a secret). */
  token(target: CommandTarget): Promise<{ token: string; expires_at: number }>;
  /** The request proxy: the server calls an allowed host for the app (permission `request`). */
  request(params: MethodParams<'request'>, target: CommandTarget): Promise<AppRequestResult>;
  /** The dashboard's conversation writes, each marked with the app and the conversation. */
  commands(target: CommandTarget): ConversationCommands;
  insertIntoComposer(
    conversationKey: string,
    text: string,
    mode: ComposerInsertMode,
    target: ComposerTarget,
  ): 'composer' | 'draft';
  notify(message: string, kind: NotifyKind): void;
  /** Only where the location's height is flexible (a modal); absent elsewhere. */
  resize?: (height: number) => number;
  openUrl(url: string): boolean;
  /** Absent where a modal cannot be opened (inside a modal). */
  openModal?: (request: ModalRequest) => void;
  closeModal(): boolean;
  now(): number;
}

const targetOf = (conversationKey: string): CommandTarget => {
  const [account, display] = conversationKey.split('/');
  return { accountId: Number(account), displayId: Number(display) };
};

/** At most `limit` in any minute, per app (not per frame: reloading does not reset it). */
const notifications = new Map<number, number[]>();

function allowNotification(appId: number, now: number): boolean {
  const recent = (notifications.get(appId) ?? []).filter((at) => now - at < 60_000);
  if (recent.length >= MAX_NOTIFY_PER_MINUTE) {
    notifications.set(appId, recent);
    return false;
  }
  notifications.set(appId, [...recent, now]);
  return true;
}

/** The URL of a modal, resolved against the app's origin; it must stay on that origin. */
export function modalUrl(url: string, appOrigin: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, `${appOrigin}/`);
  } catch {
    throw new AppRequestError('invalid_params', 'ui.modal.open: url is not a URL');
  }
  if (resolved.origin !== appOrigin) {
    throw new AppRequestError(
      'invalid_params',
      `ui.modal.open: url must be on the app's own origin (${appOrigin})`,
    );
  }
  return resolved.href;
}

export function createMethodHandlers(services: HostServices): MethodHandlers {
  const run = (key: string) => services.commands(targetOf(key));
  return {
    'context.get': () => {
      const context = services.context();
      if (!context) throw new AppRequestError('not_available', 'The context is not ready yet');
      return context;
    },
    'token.get': (_params, { conversationKey }) => {
      if (!services.app.hasSecret) {
        throw new AppRequestError('not_available', 'This app has no signing secret');
      }
      return services.token(targetOf(conversationKey));
    },
    'composer.insert': ({ text, mode = 'insert', target = 'reply' }, { conversationKey }) => ({
      target,
      placed: services.insertIntoComposer(conversationKey, text, mode, target),
    }),
    'note.create': async ({ content }, { conversationKey }) => ({
      message: await run(conversationKey).createNote(targetOf(conversationKey), content),
    }),
    'labels.add': async ({ labels }, { conversationKey }) => ({
      labels: await run(conversationKey).addLabels(targetOf(conversationKey), labels),
    }),
    'labels.remove': async ({ labels }, { conversationKey }) => ({
      labels: await run(conversationKey).removeLabels(targetOf(conversationKey), labels),
    }),
    'conversation.attributes.set': async ({ attributes }, { conversationKey }) => ({
      custom_attributes: await run(conversationKey).setAttributes(
        targetOf(conversationKey),
        attributes,
      ),
    }),
    'contact.attributes.set': async ({ attributes }, { conversationKey }) => ({
      custom_attributes: await run(conversationKey).setContactAttributes(
        targetOf(conversationKey),
        attributes,
      ),
    }),
    'conversation.status.set': async ({ status, snoozed_until }, { conversationKey }) => {
      if (snoozed_until !== undefined && status !== 'snoozed') {
        throw new AppRequestError(
          'invalid_params',
          'conversation.status.set: snoozed_until goes only with status "snoozed"',
        );
      }
      return run(conversationKey).setStatus(targetOf(conversationKey), status, snoozed_until);
    },
    'conversation.priority.set': async ({ priority }, { conversationKey }) => ({
      priority: await run(conversationKey).setPriority(targetOf(conversationKey), priority),
    }),
    'conversation.assign': async (params, { conversationKey }) => {
      await run(conversationKey).assign(targetOf(conversationKey), params);
      return params;
    },
    'ui.notify': ({ message, kind = 'info' }) => {
      if (!allowNotification(services.app.id, services.now())) {
        throw new AppRequestError(
          'rate_limited',
          `ui.notify: at most ${MAX_NOTIFY_PER_MINUTE} notifications a minute`,
        );
      }
      services.notify(message, kind);
      return { shown: true };
    },
    'ui.resize': ({ height }) => {
      if (!services.resize) {
        throw new AppRequestError(
          'not_available',
          `ui.resize: the ${services.location} location has a fixed height`,
        );
      }
      return { height: services.resize(height) };
    },
    'ui.openUrl': ({ url }) => ({ opened: services.openUrl(url) }),
    'ui.modal.open': (params) => {
      if (!services.openModal) {
        throw new AppRequestError('not_available', 'ui.modal.open: not from inside a modal');
      }
      services.openModal({ ...params, url: modalUrl(params.url, services.app.origin) });
      return { opened: true };
    },
    'ui.modal.close': () => ({ closed: services.closeModal() }),
    request: (params, { conversationKey }) => services.request(params, targetOf(conversationKey)),
  };
}

/** Forgets the notification counts (tests). */
export function resetNotificationLimits(): void {
  notifications.clear();
}
