import type { AppPermission, RequestData } from '@bevatel/protocol';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationCommands } from '../../modules/conversations/commands';
import {
  createMethodHandlers,
  modalUrl,
  resetNotificationLimits,
  type HostServices,
} from './methods';
import { createRequestRouter } from './router';

const KEY = '1/17';
const ALL: AppPermission[] = [
  'composer:write',
  'notes:write',
  'labels:write',
  'attributes:write',
  'conversation:write',
  'ui',
  'request',
];

function setup(overrides: Partial<HostServices> = {}) {
  const commands = {
    addLabels: vi.fn(async () => ['refund-requested', 'vip']),
    removeLabels: vi.fn(async () => []),
    setAttributes: vi.fn(async () => ({ order: 'A-1' })),
    setContactAttributes: vi.fn(async () => ({ tier: 'gold' })),
    setStatus: vi.fn(async () => ({ status: 'snoozed' as const, snoozed_until: 1_900_000_000 })),
    setPriority: vi.fn(async () => 'high' as const),
    assign: vi.fn(async () => undefined),
    createNote: vi.fn(async () => ({ id: 5, content: 'n' }) as never),
  } satisfies ConversationCommands;
  const services: HostServices = {
    app: { id: 3, title: 'Order history', origin: 'https://orders.example', hasSecret: false },
    location: 'conversation.tab',
    context: () => ({ conversation: { id: 17 } }) as never,
    token: vi.fn(async () => ({ token: 't', expires_at: 1 })),
    request: vi.fn(async () => ({ status: 200, headers: {}, body: '{"orders":[]}' })),
    commands: vi.fn(() => commands),
    insertIntoComposer: vi.fn(() => 'draft' as const),
    notify: vi.fn(),
    openUrl: vi.fn(() => true),
    openModal: vi.fn(),
    closeModal: vi.fn(() => true),
    now: () => 1_000_000,
    ...overrides,
  };
  const route = createRequestRouter({
    handlers: createMethodHandlers(services),
    permissions: () => new Set(ALL),
  });
  const call = (method: string, params?: unknown) =>
    route({ id: 'r', method, params } as RequestData, KEY);
  return { services, commands, call };
}

describe('level-2 methods', () => {
  beforeEach(() => resetNotificationLimits());

  it('hands request to the server proxy for the conversation the frame shows', async () => {
    const { services, call } = setup();
    const params = {
      url: 'https://api.shop.example/orders',
      headers: { authorization: 'Bearer {{settings.api_key}}' },
    };
    expect(await call('request', params)).toEqual({
      id: 'r',
      result: { status: 200, headers: {}, body: '{"orders":[]}' },
    });
    expect(services.request).toHaveBeenCalledWith(params, { accountId: 1, displayId: 17 });
  });

  it('acts on the conversation the frame shows, through the dashboard’s commands', async () => {
    const { services, commands, call } = setup();
    expect((await call('labels.add', { labels: ['refund-requested'] })).result).toEqual({
      labels: ['refund-requested', 'vip'],
    });
    expect(services.commands).toHaveBeenCalledWith({ accountId: 1, displayId: 17 });
    expect(commands.addLabels).toHaveBeenCalledWith({ accountId: 1, displayId: 17 }, [
      'refund-requested',
    ]);
    await call('note.create', { content: 'Refund issued' });
    expect(commands.createNote).toHaveBeenCalledWith(
      { accountId: 1, displayId: 17 },
      'Refund issued',
    );
    expect((await call('conversation.assign', { team_id: null })).result).toEqual({
      team_id: null,
    });
    expect((await call('conversation.priority.set', { priority: 'high' })).result).toEqual({
      priority: 'high',
    });
    expect((await call('contact.attributes.set', { attributes: { tier: 'gold' } })).result).toEqual(
      {
        custom_attributes: { tier: 'gold' },
      },
    );
  });

  it('puts composer text with its defaults (insert, reply) and says where it went', async () => {
    const { services, call } = setup();
    expect((await call('composer.insert', { text: 'Your refund was issued' })).result).toEqual({
      target: 'reply',
      placed: 'draft',
    });
    expect(services.insertIntoComposer).toHaveBeenCalledWith(
      KEY,
      'Your refund was issued',
      'insert',
      'reply',
    );
  });

  it('refuses snoozed_until without snoozed', async () => {
    const { call } = setup();
    expect(
      (await call('conversation.status.set', { status: 'open', snoozed_until: 5 })).error?.code,
    ).toBe('invalid_params');
    expect(
      (await call('conversation.status.set', { status: 'snoozed', snoozed_until: 1_900_000_000 }))
        .result,
    ).toEqual({
      status: 'snoozed',
      snoozed_until: 1_900_000_000,
    });
  });

  it('limits notifications to five a minute per app', async () => {
    const { services, call } = setup();
    for (let i = 0; i < 5; i++)
      expect((await call('ui.notify', { message: `n${i}` })).result).toEqual({ shown: true });
    expect((await call('ui.notify', { message: 'one too many' })).error?.code).toBe('rate_limited');
    expect(services.notify).toHaveBeenCalledTimes(5);
    expect(services.notify).toHaveBeenLastCalledWith('n4', 'info');
  });

  it('resizes only where the height is flexible, opens modals only on the app’s origin', async () => {
    const tab = setup();
    expect((await tab.call('ui.resize', { height: 300 })).error?.code).toBe('not_available');
    const modal = setup({
      location: 'modal',
      resize: (h) => Math.min(h, 500),
      openModal: undefined,
    });
    expect((await modal.call('ui.resize', { height: 900 })).result).toEqual({ height: 500 });
    expect((await modal.call('ui.modal.open', { url: '/x', title: 'X' })).error?.code).toBe(
      'not_available',
    );
    expect(
      (await tab.call('ui.modal.open', { url: '/refund?id=1', title: 'Refund', height: 400 }))
        .result,
    ).toEqual({
      opened: true,
    });
    expect(tab.services.openModal).toHaveBeenCalledWith({
      url: 'https://orders.example/refund?id=1',
      title: 'Refund',
      height: 400,
    });
    const elsewhere = await tab.call('ui.modal.open', {
      url: 'https://evil.example/x',
      title: 'X',
    });
    expect(elsewhere.error?.code).toBe('invalid_params');
  });

  it('answers token.get only for apps with a secret, and context.get with the last context', async () => {
    expect((await setup().call('token.get')).error).toEqual({
      code: 'not_available',
      message: 'This app has no signing secret',
    });
    const signed = setup({
      app: { id: 3, title: 'x', origin: 'https://o.example', hasSecret: true },
    });
    expect((await signed.call('token.get')).result).toEqual({ token: 't', expires_at: 1 });
    expect((await signed.call('context.get')).result).toEqual({ conversation: { id: 17 } });
    expect((await setup({ context: () => null }).call('context.get')).error?.code).toBe(
      'not_available',
    );
  });
});

describe('modalUrl', () => {
  it('resolves relative URLs on the app origin and refuses any other origin', () => {
    expect(modalUrl('/a?b=1', 'https://o.example')).toBe('https://o.example/a?b=1');
    expect(modalUrl('https://o.example/x', 'https://o.example')).toBe('https://o.example/x');
    for (const bad of [
      '//evil.example/x',
      'https://o.example.evil/x',
      'javascript:alert(1)',
      'http://o.example/x',
    ]) {
      expect(() => modalUrl(bad, 'https://o.example'), bad).toThrow();
    }
  });
});
