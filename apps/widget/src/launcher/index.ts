/**
 * The launcher: what the customer's site loads on every page (`/packs/js/sdk.js`). It asks our
 * server whether it may run here, draws the bubble, keeps the visitor's keys in the site's
 * storage (so every tab and reload continue the same conversation), counts unread replies, and
 * opens the chat frame from our origin only when the visitor asks. `window.$bevatel` mirrors
 * Chatwoot's `window.$chatwoot`, so a site switches by changing the script.
 */
import type { VisitorEvent, WidgetConfig, WidgetLocale, WidgetTheme } from '@bevatel/protocol';
import {
  isObject,
  type FrameToLauncher,
  type LauncherToFrame,
  type PendingUser,
  type StoredVisitor,
} from '../shared/messages';
import { openVisitorSocket, type VisitorSocket } from '../shared/socket';
import { localeOf, STRINGS } from '../shared/strings';
import { launcherCss } from './styles';

interface RunOptions {
  websiteToken: string;
  baseUrl: string;
}

interface Settings {
  locale?: string;
  position?: 'left' | 'right';
  darkMode?: WidgetTheme;
}

declare global {
  interface Window {
    bevatelSDK?: { run(options: RunOptions): void };
    bevatelSettings?: Settings;
    $bevatel?: BevatelApi;
  }
}

export interface BevatelApi {
  hasLoaded: boolean;
  isOpen: boolean;
  setUser(identifier: string, user?: Omit<PendingUser, 'identifier'>): void;
  setCustomAttributes(attributes: Record<string, unknown>): void;
  setLocale(locale: string): void;
  toggle(state?: 'open' | 'close'): void;
  reset(): void;
}

const emit = (name: string, detail?: unknown) =>
  window.dispatchEvent(new CustomEvent(name, { detail }));

function run({ websiteToken, baseUrl }: RunOptions): void {
  const base = baseUrl.replace(/\/$/, '');
  const origin = new URL(base).origin;
  const storageKey = `bevatel:${websiteToken}`;
  const settings = window.bevatelSettings ?? {};
  let locale: WidgetLocale = localeOf(settings.locale ?? document.documentElement.lang);
  let user: PendingUser | null = null;
  let customAttributes: Record<string, unknown> = {};
  let unread = 0;
  let frame: HTMLIFrameElement | null = null;
  let frameReady = false;
  let socket: VisitorSocket | null = null;
  let config: WidgetConfig | null = null;

  const readVisitor = (): StoredVisitor | null => {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
      return isObject(value) && typeof value.source_id === 'string'
        ? (value as unknown as StoredVisitor)
        : null;
    } catch {
      return null;
    }
  };

  const host = document.createElement('div');
  host.setAttribute('data-bevatel-widget', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  const bubble = document.createElement('button');
  const badge = document.createElement('span');
  const panel = document.createElement('div');
  bubble.className = 'bubble';
  bubble.type = 'button';
  bubble.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16v12H7l-3 3z" fill="currentColor"/></svg>';
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  bubble.append(badge);
  panel.className = 'panel';
  panel.hidden = true;

  const label = () => {
    const words = STRINGS[locale];
    const state = api.isOpen ? words.close : words.open;
    bubble.setAttribute('aria-label', unread > 0 ? `${state}, ${words.unread(unread)}` : state);
    bubble.setAttribute('aria-expanded', String(api.isOpen));
    badge.textContent = unread > 9 ? '9+' : String(unread);
    badge.hidden = unread === 0;
    host.dir = locale === 'ar' ? 'rtl' : 'ltr';
  };

  const post = (message: LauncherToFrame) => {
    if (frame?.contentWindow && frameReady) frame.contentWindow.postMessage(message, origin);
  };

  const follow = (visitor: StoredVisitor | null) => {
    socket?.close();
    socket = null;
    if (!visitor) return;
    socket = openVisitorSocket(
      base,
      visitor.pubsub_token,
      (event: VisitorEvent) => {
        if (event.event !== 'visitor.message.created') return;
        emit('bevatel:on-message', event.data);
        // Replies from the team count while the chat is closed.
        if (event.data.message_type === 1 && !api.isOpen) {
          unread += 1;
          label();
        }
      },
      () => undefined,
    );
  };

  const openFrame = () => {
    if (frame) return;
    frame = document.createElement('iframe');
    const query = new URLSearchParams({ website_token: websiteToken, locale });
    frame.src = `${base}/widget?${query.toString()}`;
    frame.title = STRINGS[locale].title;
    frame.setAttribute('allow', 'clipboard-write');
    panel.append(frame);
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    if (!isObject(event.data)) return;
    const data = event.data as FrameToLauncher;
    if (data.type === 'bevatel:frame-ready') {
      frameReady = true;
      post({
        type: 'bevatel:init',
        visitor: readVisitor(),
        user,
        customAttributes,
        locale,
        theme: settings.darkMode ?? config?.widget_theme ?? 'auto',
        referer: location.href,
      });
    } else if (data.type === 'bevatel:visitor') {
      localStorage.setItem(storageKey, JSON.stringify(data.visitor));
      follow(data.visitor);
    } else if (data.type === 'bevatel:close') {
      api.toggle('close');
      bubble.focus();
    } else if (data.type === 'bevatel:error') {
      emit('bevatel:error', { message: data.message });
    }
  });

  // Another tab started (or reset) the conversation: follow the same visitor.
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey) follow(readVisitor());
  });

  const api: BevatelApi = {
    hasLoaded: false,
    isOpen: false,
    setUser(identifier, details = {}) {
      const stored = readVisitor();
      // Someone else signed in on this browser: never continue the previous person's chat.
      if (stored?.identifier && stored.identifier !== identifier) api.reset();
      user = { ...details, identifier };
      post({ type: 'bevatel:user', user });
    },
    setCustomAttributes(attributes) {
      customAttributes = { ...customAttributes, ...attributes };
      post({ type: 'bevatel:custom-attributes', customAttributes });
    },
    setLocale(next) {
      locale = localeOf(next);
      label();
      post({ type: 'bevatel:locale', locale });
    },
    toggle(state) {
      const open = state === undefined ? !api.isOpen : state === 'open';
      api.isOpen = open;
      panel.hidden = !open;
      host.toggleAttribute('data-open', open);
      if (open) {
        openFrame();
        unread = 0;
        post({ type: 'bevatel:opened' });
        frame?.focus();
      }
      label();
    },
    reset() {
      localStorage.removeItem(storageKey);
      user = null;
      customAttributes = {};
      unread = 0;
      follow(null);
      frame?.remove();
      frame = null;
      frameReady = false;
      if (api.isOpen) openFrame();
      label();
    },
  };
  window.$bevatel = api;

  bubble.addEventListener('click', () => api.toggle());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && api.isOpen) {
      api.toggle('close');
      bubble.focus();
    }
  });

  fetch(`${base}/public/api/v1/widget/${encodeURIComponent(websiteToken)}`, {
    credentials: 'omit',
  })
    .then(async (response) => {
      if (!response.ok) throw new Error(`the widget may not load here (${response.status})`);
      config = (await response.json()) as WidgetConfig;
      if (!settings.locale && !document.documentElement.lang) locale = config.locale;
      style.textContent = launcherCss(config.widget_color, settings.position ?? 'right');
      shadow.append(style, panel, bubble);
      document.body.append(host);
      label();
      follow(readVisitor());
      api.hasLoaded = true;
      emit('bevatel:ready');
    })
    .catch((error: unknown) => {
      // Refused (a domain not allowed, an unknown token): nothing is drawn on the page.
      console.warn(`Bevatel widget: ${error instanceof Error ? error.message : String(error)}`);
      emit('bevatel:error', { message: 'not_allowed' });
    });
}

window.bevatelSDK = { run };
