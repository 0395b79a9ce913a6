/**
 * What the host tests work on, made through the REST API as the demo administrator (the way a
 * script would, with `api_access_token`): an API inbox, two customers with a conversation each,
 * and dashboard apps on a second origin.
 */
import type { Contact, Conversation, DashboardApp, Message } from '../../packages/protocol/src';
import { DEMO_ADMIN } from '../support/dashboard';

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly accountId: number,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string): Promise<{ api: Api; adminId: number; name: string }> {
    const response = await fetch(`${baseUrl}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_ADMIN),
    });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    const { data } = (await response.json()) as {
      data: { id: number; name: string; access_token: string; account_id: number };
    };
    return {
      api: new Api(baseUrl, data.account_id, data.access_token),
      adminId: data.id,
      name: data.name,
    };
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1/accounts/${this.accountId}/${path}`, {
      method,
      headers: {
        api_access_token: this.token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }
}

export interface Customer {
  contact: Contact;
  conversation: Conversation;
  /** Contents of the conversation's messages, in order. */
  said: string[];
}

export interface HostWorld {
  api: Api;
  adminId: number;
  inboxId: number;
  first: Customer;
  second: Customer;
}

async function customer(
  api: Api,
  inboxId: number,
  adminId: number,
  tag: string,
  lines: string[],
): Promise<Customer> {
  const stamp = `${tag}-${Date.now().toString(36)}`;
  const created = await api.post<{ payload: { contact: Contact } }>('contacts', {
    name: `Customer ${tag}`,
    email: `${stamp}@customers.test`,
    phone_number: tag === 'one' ? '+966500000001' : '+966500000002',
    custom_attributes: { tier: tag },
  });
  const contact = created.payload.contact;
  const [opening, ...rest] = lines;
  const conversation = await api.post<Conversation>('conversations', {
    inbox_id: inboxId,
    contact_id: contact.id,
    assignee_id: adminId,
    status: 'open',
    message: { content: opening },
  });
  for (const content of rest) {
    await api.post<Message>(`conversations/${conversation.id}/messages`, {
      content,
      message_type: 'incoming',
    });
  }
  return { contact, conversation, said: lines };
}

export async function createWorld(baseUrl: string): Promise<HostWorld> {
  const { api, adminId } = await Api.signIn(baseUrl);
  const inbox = await api.post<{ id: number }>('inboxes', {
    name: 'Host tests API inbox',
    channel: { type: 'api' },
  });
  const first = await customer(api, inbox.id, adminId, 'one', [
    'Hello, my order #1001 has not arrived',
    'It was due last Tuesday',
  ]);
  const second = await customer(api, inbox.id, adminId, 'two', [
    'Hi, I want to change my delivery address',
  ]);
  return { api, adminId, inboxId: inbox.id, first, second };
}

export async function registerApp(
  api: Api,
  title: string,
  url: string,
  allow: string[] = [],
): Promise<DashboardApp> {
  return api.post<DashboardApp>('dashboard_apps', {
    title,
    content: [{ type: 'frame', url }],
    allow,
  });
}
