import { buildAppContext, type Contact, type Conversation, type Message } from '@bevatel/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, request, type TestApp } from '../../test/app';
import { DATABASE_KINDS } from '../../test/databases';
import { insertContact } from '../../test/factories';
import { createWorld, type World } from '../../test/fixtures';
import { encodeForm, messageForm, pdfFile, pngImage } from '../../test/uploads';
import {
  appContextValidator,
  conversationsUrl,
  insertLabels,
  insertTeam,
  openConversation,
} from '../../test/conversations';

/**
 * The presenters' output, wrapped the way the dashboard posts it to an app, must satisfy the
 * JSON Schema derived from the product document: every documented field, documented types.
 */
describe.each(DATABASE_KINDS)('appContext payload from the presenters on %s', (kind) => {
  let t: TestApp;
  let world: World;
  const validate = appContextValidator();

  beforeAll(async () => {
    t = await createTestApp(kind);
    world = await createWorld(t.app.db);
    await insertLabels(t.app.db, world.accountId, ['vip']);
    await insertTeam(t.app.db, world.accountId, 'Billing');
  });
  afterAll(() => t.close());

  async function appContextFor(c: Conversation) {
    const show = await request(t.app, 'GET', conversationsUrl(world, `/${c.id}`), {
      as: world.agent,
    });
    const page = await request(t.app, 'GET', conversationsUrl(world, `/${c.id}/messages`), {
      as: world.agent,
    });
    const conversation: Conversation = show.json();
    const messages: Message[] = page.json().payload;
    const contact: Contact = page.json().meta.contact;
    return buildAppContext({
      conversation,
      messages,
      allMessagesLoaded: true,
      contact,
      currentAgent: { id: world.agent.id, name: 'Omar Agent', email: world.agent.email },
      locale: 'en',
      theme: 'light',
      account: { id: world.accountId, name: 'Acme Support' },
    });
  }

  it('validates a busy conversation: assignee, team, labels, every message kind', async () => {
    const c = await openConversation(t.app, world, {
      assignee_id: world.agent.id,
      message: { content: 'Hello from the shop' },
      additional_attributes: {
        browser: { browser_name: 'Chrome', platform_name: 'macOS' },
        referer: 'https://shop.test',
        initiated_at: { timestamp: 'Tue Nov 25 2025 10:00:00 GMT+0300' },
      },
    });
    const url = conversationsUrl(world, `/${c.id}`);
    await request(t.app, 'POST', `${url}/messages`, {
      as: world.agent,
      body: { content: 'أريد استرجاع المبلغ', message_type: 'incoming' },
    });
    await request(t.app, 'POST', `${url}/messages`, {
      as: world.agent,
      body: { content: 'Checking with billing', private: true },
    });
    await request(t.app, 'POST', `${url}/labels`, { as: world.agent, body: { labels: ['vip'] } });
    await request(t.app, 'POST', `${url}/toggle_priority`, {
      as: world.agent,
      body: { priority: 'urgent' },
    });
    const context = await appContextFor(c);
    const parsed: unknown = JSON.parse(JSON.stringify(context));
    expect(validate(parsed), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(context.data.conversation.messages.map((m) => m.message_type)).toEqual([
      1, 2, 0, 1, 2, 2,
    ]);
    expect(context.data.contact.id).toBe(world.contactId);
  });

  it('validates messages that carry attachments (an image and a file) in Chatwoot’s shape', async () => {
    const c = await openConversation(t.app, world, { message: { content: 'Receipt attached' } });
    const { payload, headers } = await encodeForm(
      messageForm({ content: 'Here you are' }, [
        { fileName: 'receipt.png', data: await pngImage() },
        { fileName: 'invoice.pdf', data: pdfFile() },
      ]),
    );
    const sent = await request(t.app, 'POST', conversationsUrl(world, `/${c.id}/messages`), {
      as: world.agent,
      body: payload,
      headers,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const context = await appContextFor(c);
    const withFiles = context.data.conversation.messages.find((m) => m.attachments);
    expect(withFiles?.attachments?.map((a) => a.file_type)).toEqual(['image', 'file']);
    expect(validate(JSON.parse(JSON.stringify(context))), JSON.stringify(validate.errors)).toBe(
      true,
    );
    // The document's schema checks the attachment's fields too.
    const broken = JSON.parse(JSON.stringify(context));
    broken.data.conversation.messages.find((m: Message) => m.attachments).attachments[0].id = 'x';
    expect(validate(broken)).toBe(false);
  });

  it('validates a bare conversation: no assignee, no team, defaults everywhere', async () => {
    const c = await openConversation(t.app, world, { message: { content: 'Hi' } });
    const context = await appContextFor(c);
    expect(validate(JSON.parse(JSON.stringify(context))), JSON.stringify(validate.errors)).toBe(
      true,
    );
    expect(context.data.conversation.meta.assignee).toBeNull();
  });

  it('validates a contact that has only a name (nothing else known yet)', async () => {
    const contactId = await insertContact(t.app.db, world.accountId, { name: 'New Visitor' });
    const c = await openConversation(t.app, world, {
      contact_id: contactId,
      message: { content: 'Welcome!' },
    });
    const context = await appContextFor(c);
    expect(validate(JSON.parse(JSON.stringify(context))), JSON.stringify(validate.errors)).toBe(
      true,
    );
  });
});
