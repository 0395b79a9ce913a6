import { describe, expect, it } from 'vitest';
import { isFetchInfoRequest, parseAnyAppContextMessage, parseAppContextMessage } from './guards';
import { CHATWOOT_FETCH_INFO_KEY, FETCH_INFO_KEY } from './keys';

describe('isFetchInfoRequest', () => {
  it('accepts both documented keys as bare strings', () => {
    expect(isFetchInfoRequest(FETCH_INFO_KEY)).toBe(true);
    expect(isFetchInfoRequest(CHATWOOT_FETCH_INFO_KEY)).toBe(true);
  });

  it.each([
    ['a misspelt key', 'bevatel-dashboard-app:fetchinfo'],
    ['the key as JSON', JSON.stringify(FETCH_INFO_KEY)],
    ['an object', { event: FETCH_INFO_KEY }],
    ['null', null],
    ['a number', 42],
    ['padding', ` ${FETCH_INFO_KEY}`],
  ])('rejects %s', (_name, value) => {
    expect(isFetchInfoRequest(value)).toBe(false);
  });
});

describe('parseAppContextMessage', () => {
  const data = { conversation: { id: 1 }, contact: { id: 2 }, currentAgent: { id: 3 } };

  it('parses an appContext JSON string', () => {
    const parsed = parseAppContextMessage(JSON.stringify({ event: 'appContext', data }));
    expect(parsed?.data.contact).toEqual({ id: 2 });
  });

  it.each([
    ['an object instead of a string', { event: 'appContext', data }],
    ['malformed JSON', '{"event":'],
    ['another event', JSON.stringify({ event: 'other', data })],
    [
      'a missing contact',
      JSON.stringify({ event: 'appContext', data: { ...data, contact: null } }),
    ],
    ['an array', JSON.stringify([1, 2])],
    ['the fetch-info key', FETCH_INFO_KEY],
  ])('returns null for %s', (_name, value) => {
    expect(parseAppContextMessage(value)).toBeNull();
  });
});

describe('parseAnyAppContextMessage', () => {
  const agent = { id: 3, name: 'Layla', email: 'l@example.com' };
  const page = (data: Record<string, unknown>) =>
    JSON.stringify({
      event: 'appContext',
      data: { conversation: null, currentAgent: agent, conversations: [], ...data },
    });

  it('parses the contact page and the full page, which parseAppContextMessage refuses', () => {
    const contactPage = page({ contact: { id: 2 }, location: 'contact.page' });
    const fullPage = page({ contact: null, location: 'navigation.page' });
    expect(parseAnyAppContextMessage(contactPage)?.data.location).toBe('contact.page');
    expect(parseAnyAppContextMessage(fullPage)?.data.contact).toBeNull();
    expect(parseAppContextMessage(contactPage)).toBeNull();
    expect(parseAppContextMessage(fullPage)).toBeNull();
  });

  it('parses what parseAppContextMessage parses', () => {
    const beside = JSON.stringify({
      event: 'appContext',
      data: { conversation: { id: 1 }, contact: { id: 2 }, currentAgent: agent },
    });
    expect(parseAnyAppContextMessage(beside)).toEqual(parseAppContextMessage(beside));
  });

  it('refuses a null conversation beside a conversation, and pages without their lists', () => {
    expect(parseAnyAppContextMessage(page({ contact: null, location: 'conversation.tab' }))).toBe(
      null,
    );
    expect(
      parseAnyAppContextMessage(
        page({ contact: null, location: 'contact.page', conversations: 1 }),
      ),
    ).toBeNull();
    expect(parseAnyAppContextMessage(page({ contact: 'x', location: 'contact.page' }))).toBeNull();
  });
});
