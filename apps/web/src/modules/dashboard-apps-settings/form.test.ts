import type { DashboardApp } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  formValuesOf,
  requestBodyOf,
  serverErrorToFormErrors,
  validateAppForm,
  type UrlRules,
} from './form';

const RULES: UrlRules = { dashboardOrigins: ['http://localhost:3000'], allowedHttpHosts: [] };
const UNKNOWN: UrlRules = { dashboardOrigins: ['http://localhost:3000'], allowedHttpHosts: null };

describe('validateAppForm', () => {
  it('accepts a name and an https endpoint', () => {
    expect(
      validateAppForm({ title: ' Orders ', url: ' https://a.example ', allow: [] }, RULES),
    ).toEqual({});
  });

  it.each([
    [{ title: '', url: 'https://a.example' }, { title: { key: 'form.titleRequired' } }],
    [{ title: '   ', url: 'https://a.example' }, { title: { key: 'form.titleRequired' } }],
    [
      { title: 'x'.repeat(256), url: 'https://a.example' },
      { title: { key: 'form.titleTooLong', values: { max: 255 } } },
    ],
    [{ title: 'A', url: '' }, { url: { key: 'url.empty' } }],
    [{ title: 'A', url: 'javascript:alert(1)' }, { url: { key: 'url.unsupported_scheme' } }],
    [{ title: 'A', url: 'orders.example.com' }, { url: { key: 'url.not_absolute' } }],
    [{ title: 'A', url: 'https://u:p@a.example' }, { url: { key: 'url.credentials' } }],
    [{ title: 'A', url: 'http://a.example' }, { url: { key: 'url.insecure_http' } }],
    [{ title: 'A', url: 'http://localhost:3000/x' }, { url: { key: 'url.dashboard_origin' } }],
  ])('%j -> %j', (values, expected) => {
    expect(validateAppForm({ allow: [], ...values }, RULES)).toEqual(expected);
  });

  it('leaves plain http to the server while the operator list is unknown', () => {
    expect(
      validateAppForm({ title: 'A', url: 'http://intranet.corp', allow: [] }, UNKNOWN),
    ).toEqual({});
    expect(validateAppForm({ title: 'A', url: 'http://localhost:5173', allow: [] }, RULES)).toEqual(
      {},
    );
  });
});

describe('server errors', () => {
  it('map server fields onto form fields', () => {
    expect(formFieldOf('title')).toBe('title');
    expect(formFieldOf('content')).toBe('url');
    expect(formFieldOf('content[0].url')).toBe('url');
    expect(formFieldOf('content[0].type')).toBe('url');
    expect(formFieldOf('allow[1]')).toBe('allow');
    expect(formFieldOf('content[1].url')).toBe('form');
    expect(formFieldOf(undefined)).toBe('form');
  });

  it('translate URL problems the form can see, else show the server words', () => {
    const values = { title: 'A', url: 'http://intranet.corp', allow: [] };
    expect(
      serverErrorToFormErrors({ field: 'content[0].url', message: 'nope' }, values, UNKNOWN),
    ).toEqual({ url: { key: 'url.insecure_http' } });
    expect(
      serverErrorToFormErrors(
        { field: 'content[0].url', message: 'server says' },
        { ...values, url: 'https://desk.example' },
        RULES,
      ),
    ).toEqual({ url: { text: 'server says' } });
    expect(serverErrorToFormErrors({ field: 'title', message: 'bad' }, values, RULES)).toEqual({
      title: { text: 'bad' },
    });
    expect(serverErrorToFormErrors({ message: 'odd' }, values, RULES)).toEqual({
      form: { text: 'odd' },
    });
  });
});

describe('request body', () => {
  const app: DashboardApp = {
    id: 1,
    title: 'Orders',
    content: [
      { type: 'frame', url: 'https://a.example' },
      { type: 'frame', url: 'https://b.example' },
    ],
    allow: ['camera'],
    has_secret: false,
    created_at: 0,
    updated_at: 0,
    user_id: 1,
  };

  it('trims, and keeps the frames beyond the first one', () => {
    const values = { ...formValuesOf(app), title: ' New ', url: ' https://c.example ' };
    expect(requestBodyOf(values, app)).toEqual({
      title: 'New',
      content: [
        { type: 'frame', url: 'https://c.example' },
        { type: 'frame', url: 'https://b.example' },
      ],
      allow: ['camera'],
    });
    expect(requestBodyOf({ title: 'A', url: 'https://x.example', allow: [] })).toEqual({
      title: 'A',
      content: [{ type: 'frame', url: 'https://x.example' }],
      allow: [],
    });
  });
});
