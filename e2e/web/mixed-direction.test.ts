import type { Contact, Conversation } from '../../packages/protocol/src';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { DEMO_ADMIN, startDashboard, type RunningDashboard } from '../support/dashboard';
import { ScriptApi } from './api';
import { OMAR, signedInPage, watchErrors } from './support';

const SARAH = { email: 'sarah@bevatel.test', password: DEMO_ADMIN.password };

const LONG_ENGLISH =
  'The duplicate charge on invoice 4471 was reversed now — could you try the payment again? ' +
  'Also, will we be charged twice for the same order next month or only once?';
const LONG_ARABIC =
  'تم إلغاء الخصم المكرر على الفاتورة ٤٤٧١ الآن — هل يمكنك إعادة محاولة الدفع؟ ' +
  'وهل سيتم خصم المبلغ مرتين في الشهر القادم أم مرة واحدة فقط؟';
const SHORT_ENGLISH_QUESTION = 'Also, will we be charged twice?';
const SHORT_ARABIC_QUESTION = 'هل سيتم خصم المبلغ مرتين؟';

/** Where the browser drew characters of an element's text, and how the element is set. */
interface Rendered {
  direction: string;
  unicodeBidi: string;
  box: { left: number; right: number };
  /** Rect of each character, in text order. */
  chars: { char: string; left: number; right: number }[];
}

function rendered(locator: Locator): Promise<Rendered> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const chars: Rendered['chars'] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        chars.push({ char: text[i]!, left: rect.left, right: rect.right });
      }
    }
    return {
      direction: style.direction,
      unicodeBidi: style.unicodeBidi,
      box: { left: box.left, right: box.right },
      chars,
    };
  });
}

const charAt = (r: Rendered, index: number) => r.chars.at(index)!;
const visible = (r: Rendered, c: { left: number; right: number }) =>
  c.left >= r.box.left - 1 && c.right <= r.box.right + 1 && c.right > c.left;

/**
 * Text people wrote keeps its own direction whatever the UI's language: previews cut at their
 * own end, punctuation where the writer put it, names whose bidi controls cannot reorder the
 * sentence around them; and "You:" only for the reader's own messages.
 */
describe('mixed-direction text and who wrote the last message', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: ScriptApi;
  let omar: ScriptApi;
  let sarah: ScriptApi;
  const ids: Record<string, number> = {};

  const rowOf = (page: Page, displayId: number) =>
    page
      .getByRole('list', { name: /Conversation list|قائمة المحادثات/ })
      .getByRole('link', { name: new RegExp(`#${displayId}(\\D|$)`) });

  async function listPage(credentials: { email: string; password: string }, locale: string) {
    const page = await signedInPage(browser, dashboard.url, credentials, locale);
    contexts.push(page.context());
    await page.goto(`/app/accounts/${dashboard.accountId}/conversations`);
    // "All" shows every conversation the reader may see, whoever it is assigned to.
    await page.getByRole('tab', { name: /^(All|الكل)/ }).click();
    return page;
  }

  beforeAll(async () => {
    dashboard = await startDashboard(
      process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : {},
    );
    browser = await launchBrowser();
    admin = await ScriptApi.signIn(dashboard.url, DEMO_ADMIN);
    omar = await ScriptApi.signIn(dashboard.url, OMAR);
    sarah = await ScriptApi.signIn(dashboard.url, SARAH);
    const inboxes = await dashboard.db
      .selectFrom('inboxes')
      .select(['id', 'name'])
      .where('account_id', '=', dashboard.accountId)
      .execute();
    // Omar is in both inboxes, Sarah only in the website chat; scripts write customers'
    // messages in the API inbox only.
    const web = inboxes.find((inbox) => inbox.name === 'Website Chat')!.id;
    const apiInbox = inboxes.find((inbox) => inbox.name === 'Support API')!.id;
    const newContact = (name: string, email: string) =>
      admin.request<{ payload: { contact: Contact } }>('POST', 'contacts', { name, email });
    const start = async (key: string, contactName: string, first: string, inbox = apiInbox) => {
      const { payload } = await newContact(contactName, `${key}@mixed.test`);
      const conversation = await admin.request<Conversation>('POST', 'conversations', {
        inbox_id: inbox,
        contact_id: payload.contact.id,
        message: { content: first },
      });
      ids[key] = conversation.id;
      return conversation.id;
    };
    const reply = (api: ScriptApi, id: number, content: string, isPrivate = false) =>
      api.request('POST', `conversations/${id}/messages`, {
        content,
        message_type: 'outgoing',
        private: isPrivate,
      });

    await admin.sendIncoming(await start('longEnglish', 'Lina Haddad', 'Hi'), LONG_ENGLISH);
    await admin.sendIncoming(await start('longArabic', 'بدر الشهري', 'مرحبا'), LONG_ARABIC);
    await admin.sendIncoming(
      await start('enQuestion', 'Noah Carter', 'Hi'),
      SHORT_ENGLISH_QUESTION,
    );
    await admin.sendIncoming(
      await start('arQuestion', 'ريم العتيبي', 'مرحبا'),
      SHORT_ARABIC_QUESTION,
    );
    await reply(admin, await start('byAdmin', 'Maya Stone', 'Hello?'), 'Refund sent to your card.');
    await reply(omar, await start('byOmar', 'Hadi Karam', 'Hello?'), 'Done! The three invoices.');
    await reply(omar, await start('noteOmar', 'Zed Brook', 'Hello?'), 'Check the ledger', true);
    await reply(
      admin,
      await start('noteAdmin', 'Ivy Lane', 'Hello?'),
      'Escalated to finance',
      true,
    );
    await reply(sarah, await start('bySarah', 'Lea Moss', 'Hello?', web), 'Done! Invoice sent.');
    await start('controls', 'Invoice fdp.exe', 'Hello');

    // Rows written before the server refused bidi controls may still hold them.
    await dashboard.db
      .updateTable('users')
      .set({ display_name: 'Sarah \u202EMiller' })
      .where('email', '=', SARAH.email)
      .execute();
    await dashboard.db
      .updateTable('contacts')
      .set({ name: 'Invoice\u202E fdp.exe' })
      .where('email', '=', 'controls@mixed.test')
      .execute();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('cuts an English preview at its own end in the Arabic UI, and keeps its punctuation', async () => {
    const page = await listPage(DEMO_ADMIN, 'ar');
    const errors = watchErrors(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    const preview = rowOf(page, ids.longEnglish!).locator('.row-preview-text');
    await preview.waitFor();
    const long = await rendered(preview);
    expect(long.direction).toBe('ltr');
    // The beginning is on screen at the left; the end is what the ellipsis hides.
    expect(visible(long, charAt(long, 0))).toBe(true);
    expect(charAt(long, 0).left - long.box.left).toBeLessThan(2);
    expect(visible(long, charAt(long, -1))).toBe(false);

    // The layout stays right to left: the avatar is at the row's right.
    const row = rowOf(page, ids.longEnglish!);
    const avatar = await row.locator('.avatar').boundingBox();
    const body = await row.locator('.row-body').boundingBox();
    expect(avatar!.x).toBeGreaterThan(body!.x);

    // "Also, … twice?": the question mark ends the line on the right, as written.
    const question = await rendered(rowOf(page, ids.enQuestion!).locator('.row-preview-text'));
    expect(question.direction).toBe('ltr');
    const mark = charAt(question, -1);
    expect(mark.char).toBe('?');
    expect(mark.left).toBeGreaterThan(charAt(question, 0).left);
    expect(errors).toEqual([]);
  });

  it('cuts an Arabic preview at its own end in the English UI', async () => {
    const page = await listPage(DEMO_ADMIN, 'en-US');
    const long = await rendered(rowOf(page, ids.longArabic!).locator('.row-preview-text'));
    expect(long.direction).toBe('rtl');
    expect(visible(long, charAt(long, 0))).toBe(true);
    expect(long.box.right - charAt(long, 0).right).toBeLessThan(2);
    expect(visible(long, charAt(long, -1))).toBe(false);

    const question = await rendered(rowOf(page, ids.arQuestion!).locator('.row-preview-text'));
    expect(question.direction).toBe('rtl');
    expect(charAt(question, -1).char).toBe('؟');
    expect(charAt(question, -1).right).toBeLessThan(charAt(question, 0).left);
    // The Arabic name of the row reads right to left inside an English row that starts left.
    const name = await rendered(rowOf(page, ids.longArabic!).locator('.row-name'));
    expect(name.direction).toBe('rtl');
    const nameBox = await rowOf(page, ids.longArabic!).locator('.row-name').boundingBox();
    const bodyBox = await rowOf(page, ids.longArabic!).locator('.row-body').boundingBox();
    expect(nameBox!.x - bodyBox!.x).toBeLessThan(2);
  });

  it('shows "You:" only for the reader’s own messages, names the others, marks notes', async () => {
    const page = await listPage(DEMO_ADMIN, 'en-US');
    const prefix = (key: string) => rowOf(page, ids[key]!).locator('.row-prefix');
    // Names come wrapped in FSI … PDI (invisible isolation marks).
    const said = async (key: string, of = prefix) =>
      ((await of(key).textContent()) ?? '').replace(/[\u2068\u2069]/g, '');
    await prefix('byAdmin').waitFor();
    expect(await prefix('byAdmin').textContent()).toBe('You:');
    expect(await said('byOmar')).toBe('Omar Haddad:');
    expect(await said('noteOmar')).toBe('Note by Omar Haddad:');
    expect(await prefix('noteAdmin').textContent()).toBe('Your note:');
    expect(await prefix('longEnglish').count()).toBe(0); // the customer wrote last

    // The same rows through Omar's eyes.
    const omarPage = await listPage(OMAR, 'en-US');
    const omarPrefix = (key: string) => rowOf(omarPage, ids[key]!).locator('.row-prefix');
    await omarPrefix('byOmar').waitFor();
    expect(await omarPrefix('byOmar').textContent()).toBe('You:');
    expect(await said('byAdmin', omarPrefix)).toBe('Amira Nasser:');
    expect(await omarPrefix('noteOmar').textContent()).toBe('Your note:');
    expect(await said('noteAdmin', omarPrefix)).toBe('Note by Amira Nasser:');
  });

  it('keeps bidi control characters in names from reordering the text around them', async () => {
    const page = await listPage(DEMO_ADMIN, 'en-US');
    // "Sarah ‮Miller:" would show as "Sarah :rellim" if the override took effect.
    const prefix = await rendered(rowOf(page, ids.bySarah!).locator('.row-prefix'));
    const letters = prefix.chars.filter((c) => c.right > c.left && c.char.trim());
    expect(letters.map((c) => c.char).join('')).toBe('SarahMiller:');
    for (let i = 1; i < letters.length; i += 1) {
      expect(letters[i]!.left).toBeGreaterThanOrEqual(letters[i - 1]!.left);
    }
    const preview = await rendered(rowOf(page, ids.bySarah!).locator('.row-preview-text'));
    expect(charAt(preview, 0).left).toBeGreaterThan(letters.at(-1)!.left);

    // The contact "Invoice‮ fdp.exe" reads as stored, left to right, in the header too.
    await rowOf(page, ids.controls!).click();
    const title = page.locator('#conversation-title');
    await title.waitFor();
    const header = await rendered(title);
    const shown = header.chars.filter((c) => c.right > c.left);
    expect(shown.map((c) => c.char).join('')).toBe('Invoice fdp.exe');
    const order = shown.filter((c) => c.char.trim());
    for (let i = 1; i < order.length; i += 1) {
      expect(order[i]!.left).toBeGreaterThan(order[i - 1]!.left);
    }
  });

  it('aligns an Arabic company name by its own direction in the English contacts table', async () => {
    await dashboard.db
      .updateTable('contacts')
      .set({
        additional_attributes: JSON.stringify({ company_name: 'شركة الأفق للتجارة' }),
      })
      .where('email', '=', 'longarabic@mixed.test')
      .execute();
    const page = await signedInPage(browser, dashboard.url, DEMO_ADMIN, 'en-US');
    contexts.push(page.context());
    await page.goto(`/app/accounts/${dashboard.accountId}/contacts`);
    await page.getByRole('searchbox').fill('longarabic@mixed.test');
    const cell = page.getByRole('cell', { name: 'شركة الأفق للتجارة' });
    await cell.waitFor();
    const company = await rendered(cell);
    expect(company.direction).toBe('rtl');
    // Flush with the cell's right edge (its own start), not the English column's left.
    const text = company.chars.filter((c) => c.right > c.left);
    const cellBox = await cell.boundingBox();
    expect(cellBox!.x + cellBox!.width - Math.max(...text.map((c) => c.right))).toBeLessThan(16);
  });
});
