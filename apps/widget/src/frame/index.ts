/**
 * The chat frame (`/widget?website_token=…`, on our origin, embedded by the launcher only on
 * the sites the widget may load on: the server's frame-ancestors says so). It talks to the
 * public API, follows the visitor's socket, and hands the visitor's keys back to the launcher,
 * which keeps them in the site's storage.
 */
import type { PublicMessage, VisitorEvent, WidgetConfig } from '@bevatel/protocol';
import {
  isObject,
  type FrameToLauncher,
  type LauncherToFrame,
  type PendingUser,
  type StoredVisitor,
} from '../shared/messages';
import { openVisitorSocket, type VisitorSocket } from '../shared/socket';
import { localeOf, STRINGS } from '../shared/strings';
import { ApiError, publicApi, type PublicApi } from './api';
import { buildView, type ChatView, type PreChatValues } from './view';

type Shown = PublicMessage & { failed?: boolean };

const params = new URLSearchParams(location.search);
const websiteToken = params.get('website_token') ?? '';
let parentOrigin: string | null = null;

function tell(message: FrameToLauncher): void {
  if (parentOrigin) window.parent.postMessage(message, parentOrigin);
}

async function main(): Promise<void> {
  const root = document.getElementById('chat')!;
  const config: WidgetConfig = await publicApi('').config(websiteToken);
  const api: PublicApi = publicApi(config.inbox_identifier);
  let locale = localeOf(params.get('locale') ?? config.locale);
  let visitor: StoredVisitor | null = null;
  let conversationId: number | null = null;
  let messages: Shown[] = [];
  let socket: VisitorSocket | null = null;
  let customAttributes: Record<string, unknown> = {};
  let referer = '';
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let typingOn = false;
  let echo = 0;

  const upsert = (message: Shown) => {
    const index = messages.findIndex(
      (m) => m.id === message.id || (message.echo_id && m.echo_id === message.echo_id),
    );
    if (index === -1) messages = [...messages, message];
    else messages = messages.map((m, i) => (i === index ? message : m));
    view.render(messages);
  };

  const follow = () => {
    socket?.close();
    if (!visitor) return;
    socket = openVisitorSocket(
      location.origin,
      visitor.pubsub_token,
      (event: VisitorEvent) => {
        if (
          event.event === 'visitor.message.created' ||
          event.event === 'visitor.message.updated'
        ) {
          if (event.data.conversation_id !== conversationId) return;
          upsert(event.data);
          if (event.data.message_type === 1) {
            view.setStatus('');
            void api.seen(visitor!.source_id, conversationId!).catch(() => undefined);
          }
        } else if (event.event === 'visitor.typing') {
          view.setStatus(event.data.typing ? STRINGS[locale].typing(event.data.name ?? '') : '');
        }
      },
      (state, reconnected) => {
        view.setStatus(state === 'reconnecting' ? STRINGS[locale].offline : '');
        // Back after a cut: what was said meanwhile is fetched, not replayed.
        if (state === 'open' && reconnected && visitor && conversationId !== null) {
          void api.messages(visitor.source_id, conversationId).then((list) => {
            messages = list;
            view.render(messages);
          });
        }
      },
    );
  };

  const adopt = (
    contact: { source_id: string; pubsub_token: string },
    identifier: string | null,
  ) => {
    visitor = { source_id: contact.source_id, pubsub_token: contact.pubsub_token, identifier };
    tell({ type: 'bevatel:visitor', visitor });
    follow();
  };

  const ensureVisitor = async (details: PreChatValues = {}): Promise<StoredVisitor> => {
    if (visitor) {
      if (details.name || details.email) await api.updateContact(visitor.source_id, { ...details });
      return visitor;
    }
    const contact = await api.createContact({ ...details });
    adopt(contact, null);
    return visitor!;
  };

  /** setUser: a valid identifier_hash makes the visitor that contact; a refused one is said. */
  const identify = async (user: PendingUser) => {
    const body: Record<string, unknown> = { ...user, custom_attributes: customAttributes };
    delete body.avatar_url;
    try {
      if (visitor) {
        await api.updateContact(visitor.source_id, body);
        adopt(visitor, user.identifier);
      } else {
        adopt(await api.createContact(body as Partial<PendingUser>), user.identifier);
      }
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      tell({ type: 'bevatel:error', message });
      // Refused: the visitor stays anonymous, with what the site said about them otherwise.
      const { identifier: _i, identifier_hash: _h, ...rest } = body;
      if (visitor) await api.updateContact(visitor.source_id, rest).catch(() => undefined);
    }
  };

  const send = async (text: string) => {
    echo += 1;
    const echoId = `${Date.now()}-${echo}`;
    const draft: Shown = {
      id: -echo,
      content: text,
      message_type: 0,
      content_type: 'text',
      content_attributes: {},
      created_at: Math.floor(Date.now() / 1000),
      conversation_id: conversationId ?? 0,
      sender: null,
      echo_id: echoId,
    };
    upsert(draft);
    stopTyping();
    try {
      const { source_id: sourceId } = await ensureVisitor();
      if (conversationId === null) {
        const created = await api.createConversation(sourceId, {
          referer_url: referer || undefined,
          initiated_at: new Date().toString(),
          browser_language: navigator.language.slice(0, 35),
          custom_attributes: customAttributes,
          message: { content: text, echo_id: echoId },
        });
        conversationId = created.id;
        messages = messages.filter((m) => m.echo_id !== echoId);
        for (const message of created.messages) upsert({ ...message, echo_id: echoId });
      } else {
        upsert(await api.send(sourceId, conversationId, text, echoId));
      }
    } catch {
      upsert({ ...draft, failed: true });
    }
  };

  const stopTyping = () => {
    clearTimeout(typingTimer);
    if (typingOn && visitor && conversationId !== null) {
      void api.typing(visitor.source_id, conversationId, false).catch(() => undefined);
    }
    typingOn = false;
  };

  const view: ChatView = buildView(
    root,
    { ...config, locale },
    {
      onSend: (text) => void send(text),
      onTyping: () => {
        if (!visitor || conversationId === null) return;
        if (!typingOn) {
          typingOn = true;
          void api.typing(visitor.source_id, conversationId, true).catch(() => undefined);
        }
        clearTimeout(typingTimer);
        typingTimer = setTimeout(stopTyping, 2500);
      },
      onClose: () => tell({ type: 'bevatel:close' }),
    },
  );

  const start = async (init: Extract<LauncherToFrame, { type: 'bevatel:init' }>) => {
    document.documentElement.dataset.theme = init.theme;
    locale = init.locale;
    view.setLocale(locale);
    referer = init.referer;
    customAttributes = init.customAttributes;
    if (init.visitor) {
      try {
        await api.getContact(init.visitor.source_id);
        visitor = init.visitor;
        follow();
      } catch {
        visitor = null; // forgotten by the server (inbox recreated, visitor removed)
      }
    }
    if (init.user) await identify(init.user);
    if (visitor) {
      const conversations = await api.conversations(visitor.source_id);
      const last = conversations.at(-1);
      if (last) {
        conversationId = last.id;
        messages = last.messages;
        view.render(messages);
        void api.seen(visitor.source_id, last.id).catch(() => undefined);
      }
    }
    if (conversationId === null && config.pre_chat_form_enabled && !init.user) {
      view.showPreChat((values) => {
        void ensureVisitor(values).then(() => view.showThread());
      });
    } else {
      view.showThread();
    }
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== window.parent || !isObject(event.data)) return;
    const data = event.data as LauncherToFrame;
    if (data.type === 'bevatel:init') {
      parentOrigin = event.origin;
      void start(data);
    } else if (event.origin !== parentOrigin) {
      return;
    } else if (data.type === 'bevatel:user') {
      void identify(data.user);
    } else if (data.type === 'bevatel:locale') {
      locale = data.locale;
      view.setLocale(locale);
    } else if (data.type === 'bevatel:custom-attributes') {
      customAttributes = data.customAttributes;
      if (visitor) {
        void api.updateContact(visitor.source_id, { custom_attributes: customAttributes });
      }
    } else if (data.type === 'bevatel:opened') {
      view.input.focus();
    }
  });
  window.parent.postMessage({ type: 'bevatel:frame-ready' } satisfies FrameToLauncher, '*');
}

void main();
