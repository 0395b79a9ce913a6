/** The public API as the chat frame calls it (same origin, never with the agents' cookies). */
import type {
  PublicContact,
  PublicConversation,
  PublicMessage,
  WidgetConfig,
} from '@bevatel/protocol';
import type { PendingUser } from '../shared/messages';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/public/api/v1${path}`, {
    method,
    credentials: 'omit',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { message?: string };
    throw new ApiError(response.status, error.message ?? response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export function publicApi(inboxIdentifier: string) {
  const inbox = `/inboxes/${encodeURIComponent(inboxIdentifier)}`;
  const contact = (id: string) => `${inbox}/contacts/${encodeURIComponent(id)}`;
  const conversation = (id: string, displayId: number) =>
    `${contact(id)}/conversations/${displayId}`;
  return {
    config: (token: string) => call<WidgetConfig>('GET', `/widget/${encodeURIComponent(token)}`),
    createContact: (body: Partial<PendingUser>) =>
      call<PublicContact>('POST', `${inbox}/contacts`, body),
    getContact: (id: string) => call<PublicContact>('GET', contact(id)),
    updateContact: (id: string, body: Record<string, unknown>) =>
      call<PublicContact>('PATCH', contact(id), body),
    conversations: (id: string) =>
      call<PublicConversation[]>('GET', `${contact(id)}/conversations`),
    createConversation: (id: string, body: Record<string, unknown>) =>
      call<PublicConversation>('POST', `${contact(id)}/conversations`, body),
    messages: (id: string, displayId: number) =>
      call<PublicMessage[]>('GET', `${conversation(id, displayId)}/messages`),
    send: (id: string, displayId: number, content: string, echoId: string) =>
      call<PublicMessage>('POST', `${conversation(id, displayId)}/messages`, {
        content,
        echo_id: echoId,
      }),
    typing: (id: string, displayId: number, on: boolean) =>
      call<void>('POST', `${conversation(id, displayId)}/toggle_typing`, {
        typing_status: on ? 'on' : 'off',
      }),
    seen: (id: string, displayId: number) =>
      call<void>('POST', `${conversation(id, displayId)}/update_last_seen`),
  };
}

export type PublicApi = ReturnType<typeof publicApi>;
