/** The REST API as a script uses it (api_access_token), to set up what a browser test needs. */
import type { Conversation, Message } from '../../packages/protocol/src';

export class ScriptApi {
  private constructor(
    private readonly baseUrl: string,
    readonly accountId: number,
    private readonly token: string,
  ) {}

  static async signIn(
    baseUrl: string,
    credentials: { email: string; password: string },
  ): Promise<ScriptApi> {
    const response = await fetch(`${baseUrl}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    const { data } = (await response.json()) as {
      data: { access_token: string; account_id: number };
    };
    return new ScriptApi(baseUrl, data.account_id, data.access_token);
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

  /** A conversation with `count` incoming messages "Message 1" … "Message n", oldest first. */
  async conversationWithMessages(
    inboxId: number,
    contactId: number,
    count: number,
  ): Promise<Conversation> {
    const conversation = await this.request<Conversation>('POST', 'conversations', {
      inbox_id: inboxId,
      contact_id: contactId,
      message: { content: 'Message 1' },
    });
    for (let i = 2; i <= count; i += 1) {
      await this.sendIncoming(conversation.id, `Message ${i}`);
    }
    return conversation;
  }

  sendIncoming(displayId: number, content: string): Promise<Message> {
    return this.request<Message>('POST', `conversations/${displayId}/messages`, {
      content,
      message_type: 'incoming',
    });
  }
}
