import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { METHOD_PARAMS, type AppMethod } from './methods';
import { validate } from './schema';

const ajv = new Ajv2020({ strict: true, allErrors: false, strictTuples: false });

/** Inputs for every method: what must pass and what must fail (each checked against Ajv too). */
const CASES: Record<AppMethod, { pass: unknown[]; fail: unknown[] }> = {
  'context.get': { pass: [{}], fail: [{ x: 1 }, null, [], 'a'] },
  'token.get': { pass: [{}], fail: [{ conversation_id: 1 }] },
  'composer.insert': {
    pass: [
      { text: 'Hello' },
      { text: 'x', mode: 'replace', target: 'note' },
      { text: 'مرحبا', mode: 'append', target: 'reply' },
    ],
    fail: [
      {},
      { text: '' },
      { text: 5 },
      { text: 'a', mode: 'prepend' },
      { text: 'a', target: 'email' },
      { text: 'a', extra: true },
      { text: 'x'.repeat(150_001) },
    ],
  },
  'note.create': { pass: [{ content: 'Refund issued' }], fail: [{ content: '' }, { text: 'a' }] },
  'labels.add': {
    pass: [{ labels: ['refund-requested'] }, { labels: ['a', 'b'] }],
    fail: [
      { labels: [] },
      { labels: ['a', 'a'] },
      { labels: [''] },
      { labels: 'a' },
      { labels: [1] },
    ],
  },
  'labels.remove': { pass: [{ labels: ['vip'] }], fail: [{}] },
  'conversation.attributes.set': {
    pass: [{ attributes: { order: 'A-1', total: 150, paid: true, items: [1, 2], meta: null } }],
    fail: [{ attributes: {} }, { attributes: [] }, { attributes: { '': 1 } }, { attributes: 'x' }],
  },
  'contact.attributes.set': {
    pass: [{ attributes: { tier: 'gold' } }],
    fail: [{ attributes: null }],
  },
  'conversation.status.set': {
    pass: [{ status: 'resolved' }, { status: 'snoozed', snoozed_until: 1_900_000_000 }],
    fail: [
      { status: 'closed' },
      { status: 'open', snoozed_until: -1 },
      { status: 'open', snoozed_until: 1.5 },
    ],
  },
  'conversation.priority.set': {
    pass: [{ priority: 'urgent' }, { priority: null }],
    fail: [{}, { priority: 'critical' }],
  },
  'conversation.assign': {
    pass: [{ assignee_id: 3 }, { assignee_id: null }, { team_id: 2 }, { team_id: null }],
    fail: [
      {},
      { assignee_id: 3, team_id: 2 },
      { assignee_id: 0 },
      { assignee_id: '3' },
      { agent: 3 },
    ],
  },
  'ui.notify': {
    pass: [{ message: 'Refund issued' }, { message: 'Saved', kind: 'success' }],
    fail: [{ message: '' }, { message: 'x'.repeat(281) }, { message: 'a', kind: 'fatal' }],
  },
  'ui.resize': {
    pass: [{ height: 80 }, { height: 2000 }],
    fail: [{ height: 79 }, { height: 2001 }, { height: 100.5 }],
  },
  'ui.openUrl': {
    pass: [{ url: 'https://shop.example.com/orders/1001' }],
    fail: [
      { url: 'http://shop.example.com' },
      { url: 'javascript:alert(1)' },
      { url: 'https://a b' },
      {},
    ],
  },
  'ui.modal.open': {
    pass: [
      { url: '/refund', title: 'Refund' },
      { url: 'https://app.example/x', title: 'X', width: 600, height: 400 },
    ],
    fail: [{ url: '/x' }, { url: '/x', title: '' }, { url: '/x', title: 'X', width: 10 }],
  },
  'ui.modal.close': { pass: [{}], fail: [{ now: true }] },
  request: {
    pass: [
      { url: 'https://api.example.com/orders?email=a%40b.c' },
      {
        url: 'https://api.example.com/refunds',
        method: 'POST',
        headers: {
          Authorization: 'Bearer {{settings.api_key}}',
          'Content-Type': 'application/json',
        },
        body: '{"order":1001}',
      },
    ],
    fail: [
      {},
      { url: 'http://api.example.com' },
      { url: 'https://api.example.com', method: 'CONNECT' },
      { url: 'https://api.example.com', headers: { 'bad header': 'x' } },
      { url: 'https://api.example.com', headers: { 'x-n': 1 } },
      { url: 'https://api.example.com', body: { json: true } },
      { url: 'https://api.example.com', cookies: 'a=b' },
    ],
  },
};

describe('method param schemas', () => {
  for (const [method, schema] of Object.entries(METHOD_PARAMS)) {
    const cases = CASES[method as AppMethod];
    it(`${method}: real JSON Schema, and validate() agrees with Ajv`, () => {
      const ajvValidate = ajv.compile(schema);
      for (const value of cases.pass) {
        expect(validate(schema, value), JSON.stringify(value)).toBeNull();
        expect(ajvValidate(value), JSON.stringify(value)).toBe(true);
      }
      for (const value of cases.fail) {
        expect(validate(schema, value), JSON.stringify(value).slice(0, 80)).not.toBeNull();
        expect(ajvValidate(value), JSON.stringify(value).slice(0, 80)).toBe(false);
      }
    });
  }

  it('has cases for every method', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(METHOD_PARAMS).sort());
  });
});

describe('validate() problems', () => {
  it('names the offending path and says what is wrong', () => {
    expect(validate(METHOD_PARAMS['labels.add'], { labels: ['a', 3] })).toEqual({
      path: 'labels[1]',
      message: 'labels[1] must be a string (got number)',
    });
    expect(validate(METHOD_PARAMS['composer.insert'], {})).toEqual({
      path: 'text',
      message: 'text is required',
    });
    expect(validate(METHOD_PARAMS['composer.insert'], { text: 'a', mode: 'x' })?.message).toBe(
      'mode must be one of "insert", "replace", "append"',
    );
    expect(validate(METHOD_PARAMS['note.create'], { content: 'a', pinned: true })?.message).toBe(
      'pinned is not a parameter here',
    );
    expect(validate(METHOD_PARAMS['ui.openUrl'], { url: 'http://x' })?.message).toBe(
      'url must be an https:// URL',
    );
    expect(validate(METHOD_PARAMS['context.get'], null)?.message).toBe(
      'params must be an object (got null)',
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validate(METHOD_PARAMS['ui.notify'], { message: '😀'.repeat(280) })).toBeNull();
  });

  it('never throws on hostile values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [
      undefined,
      Symbol('x'),
      () => 1,
      cyclic,
      new Date(),
      Object.create(null),
    ]) {
      for (const schema of Object.values(METHOD_PARAMS)) {
        expect(() => validate(schema, value)).not.toThrow();
      }
    }
  });
});
