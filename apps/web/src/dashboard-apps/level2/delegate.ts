/**
 * The host's level-2 delegate for one frame, framework-free: what `ready` says, and the
 * request router with the dashboard's own services behind it. It reads the frame's latest
 * inputs (app, preferences, actions) each time a message comes.
 */
import {
  APP_EVENTS,
  APP_METHODS,
  PROTOCOL_VERSION,
  type AppContextData,
  type AppEventName,
  type AppLocation,
  type AppPermission,
  type DashboardApp,
  type Locale,
  type Theme,
} from '@bevatel/protocol';
import { isDashboardAppLocation } from '@bevatel/protocol';
import type { ApiClient } from '../../lib/api';
import { showToast } from '../../lib/toasts';
import type { CommandTarget, ConversationCommands } from '../../modules/conversations/hooks';
import type { FrameContext } from '../bridge/host-bridge';
import type { Level2Delegate } from '../bridge/level2-session';
import { createMethodHandlers, type HostServices, type ModalRequest } from './methods';
import { createRequestRouter } from './router';

/** What the frame's place in the dashboard lets it do besides the methods every frame has. */
export interface FrameActions {
  /** Locations with a flexible height (a modal): sets it, answers the height applied. */
  resize?: (height: number) => number;
  /** Where a modal may be opened from (not from inside one). */
  openModal?: (request: ModalRequest) => void;
  closeModal: () => boolean;
}

/** A modal serves the location it was opened from: the server knows only the four places. */
const tokenLocation = (location: AppLocation) =>
  isDashboardAppLocation(location) ? { location } : {};

export interface DelegateInputs {
  app: DashboardApp;
  origin: string;
  location: AppLocation;
  /** The context last handed to the frame. */
  context: FrameContext | null;
  actions: FrameActions;
  locale: Locale;
  theme: Theme;
  api: ApiClient;
  commands: (target: CommandTarget) => ConversationCommands;
  insertIntoComposer: HostServices['insertIntoComposer'];
  /** The frame's document said hello: what it subscribed to. */
  onSubscriptions?: (subscribed: ReadonlySet<AppEventName>) => void;
}

function parsedContext(context: FrameContext | null): AppContextData | null {
  if (!context) return null;
  return (JSON.parse(context.payload) as { data: AppContextData }).data;
}

export function createLevel2Delegate(read: () => DelegateInputs): Level2Delegate {
  // What the administrator had granted when the document said hello: changes apply then.
  let granted: ReadonlySet<AppPermission> = new Set();

  const services: HostServices = {
    get app() {
      const { app, origin } = read();
      return { id: app.id, title: app.title, origin, hasSecret: app.has_secret };
    },
    get location() {
      return read().location;
    },
    context: () => parsedContext(read().context),
    token: ({ accountId, displayId }) => {
      const { api, app } = read();
      return api.post(api.account(accountId, `dashboard_apps/${app.id}/context_token`), {
        conversation_id: displayId,
        ...tokenLocation(read().location),
      });
    },
    // The server makes the call (request proxy) with the app's secure settings, never here.
    request: (params, { accountId, displayId }) => {
      const { api, app } = read();
      return api.post(api.account(accountId, `dashboard_apps/${app.id}/request`), {
        ...params,
        ...(displayId > 0 ? { conversation_id: displayId } : {}),
      });
    },
    commands: (target) => read().commands(target),
    insertIntoComposer: (...args) => read().insertIntoComposer(...args),
    notify: (message, kind) => showToast({ source: read().app.title, message, kind }),
    get resize() {
      return read().actions.resize;
    },
    openUrl(url) {
      // noopener: the new tab cannot reach back into the dashboard (window.open then answers
      // null whether or not it opened: this says the browser was asked).
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
    get openModal() {
      return read().actions.openModal;
    },
    closeModal: () => read().actions.closeModal(),
    now: () => Date.now(),
  };
  const route = createRequestRouter({
    handlers: createMethodHandlers(services),
    permissions: () => granted,
  });
  const available = () =>
    APP_METHODS.filter(
      (method) =>
        (method !== 'ui.resize' || services.resize !== undefined) &&
        (method !== 'ui.modal.open' || services.openModal !== undefined),
    );

  return {
    describe() {
      const { app, location, locale, theme } = read();
      return {
        protocol: PROTOCOL_VERSION,
        methods: available(),
        events: [...APP_EVENTS],
        permissions: [...app.permissions],
        location,
        locale,
        dir: locale === 'ar' ? 'rtl' : 'ltr',
        theme,
      };
    },
    request: route,
    onHello(subscribed) {
      granted = new Set(read().app.permissions);
      read().onSubscriptions?.(subscribed);
    },
  };
}
