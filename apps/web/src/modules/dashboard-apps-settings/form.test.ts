import type { DashboardApp } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { dashboardApp } from '../../test/factories';
import {
  EMPTY_FORM,
  allowlistOf,
  firstErrorField,
  formFieldOf,
  withPermission,
  formValuesOf,
  requestBodyOf,
  serverErrorToFormErrors,
  validateAppForm,
  type AppFormValues,
  type UrlRules,
} from './form';

const RULES: UrlRules = { dashboardOrigins: ['http://localhost:3000'], allowedHttpHosts: [] };
const UNKNOWN: UrlRules = { dashboardOrigins: ['http://localhost:3000'], allowedHttpHosts: null };
const form = (values: Partial<AppFormValues>): AppFormValues => ({ ...EMPTY_FORM, ...values });

describe('validateAppForm', () => {
  it('accepts a name and an https endpoint', () => {
    expect(validateAppForm(form({ title: ' Orders ', url: ' https://a.example ' }), RULES)).toEqual(
      {},
    );
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
    expect(validateAppForm(form(values), RULES)).toEqual(expected);
  });

  it('accepts URL templates and names what is wrong with a bad one', () => {
    const ok = 'https://crm.example.com/c/{{contact.custom_attributes.crm_id}}?e={{contact.email}}';
    expect(validateAppForm(form({ title: 'A', url: ok }), RULES)).toEqual({});
    expect(
      validateAppForm(form({ title: 'A', url: 'https://{{account.id}}.example.com' }), RULES),
    ).toEqual({ url: { key: 'url.placeholder_in_origin' } });
    expect(
      validateAppForm(form({ title: 'A', url: 'https://a.example/{{contact.age}}' }), RULES),
    ).toEqual({ url: { key: 'url.unknown_placeholder', values: { name: '{{contact.age}}' } } });
    expect(
      validateAppForm(form({ title: 'A', url: 'https://a.example/{{contact.email}' }), RULES),
    ).toEqual({
      url: { key: 'url.malformed_placeholder', values: { example: '{{contact.email}}' } },
    });
  });

  it('leaves plain http to the server while the operator list is unknown', () => {
    expect(validateAppForm(form({ title: 'A', url: 'http://intranet.corp' }), UNKNOWN)).toEqual({});
    expect(validateAppForm(form({ title: 'A', url: 'http://localhost:5173' }), RULES)).toEqual({});
  });

  it('wants a place, a rule that restricts when restricting, an https icon and host names', () => {
    const errors = validateAppForm(
      form({
        title: 'A',
        url: 'https://a.example',
        locations: [],
        audience: 'some',
        iconUrl: 'http://a.example/i.png',
        proxyAllowlist: 'api.example.com\nhttps://x.example/path',
      }),
      RULES,
    );
    expect(errors).toEqual({
      locations: { key: 'where.required' },
      visibility: { key: 'who.required' },
      iconUrl: { key: 'form.iconHttps' },
      proxyAllowlist: { key: 'proxy.invalid', values: { host: 'https://x.example/path' } },
    });
    expect(firstErrorField(errors)).toBe('iconUrl');
  });
});

describe('server errors', () => {
  it('map server fields onto form fields', () => {
    expect(formFieldOf('title')).toBe('title');
    expect(formFieldOf('title_ar')).toBe('titleAr');
    expect(formFieldOf('content')).toBe('url');
    expect(formFieldOf('content[0].url')).toBe('url');
    expect(formFieldOf('content[0].type')).toBe('url');
    expect(formFieldOf('allow[1]')).toBe('allow');
    expect(formFieldOf('permissions[0]')).toBe('permissions');
    expect(formFieldOf('visibility.inbox_ids[0]')).toBe('visibility');
    expect(formFieldOf('locations[1]')).toBe('locations');
    expect(formFieldOf('proxy_allowlist[2]')).toBe('proxyAllowlist');
    expect(formFieldOf('settings[2].value')).toBe('setting.2.value');
    expect(formFieldOf('settings[0].label_ar')).toBe('setting.0.labelAr');
    expect(formFieldOf('settings[0].type')).toBe('form');
    expect(formFieldOf('content[1].url')).toBe('form');
    expect(formFieldOf(undefined)).toBe('form');
  });

  it('translate URL problems the form can see, else show the server words', () => {
    const values = form({ title: 'A', url: 'http://intranet.corp' });
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
  const app: DashboardApp = dashboardApp({
    content: [
      { type: 'frame', url: 'https://a.example' },
      { type: 'frame', url: 'https://b.example' },
    ],
    allow: ['camera'],
    permissions: ['labels:write'],
    allow_send_anyway: false,
    title_ar: 'الطلبات',
    locations: ['conversation.sidebar', 'contact.page'],
    visibility: { inbox_ids: [3], team_ids: [], roles: ['agent'] },
    proxy_allowlist: ['api.example.com'],
  });

  it('trims, keeps the frames beyond the first one and every issue-12 field', () => {
    const values = { ...formValuesOf(app), title: ' New ', url: ' https://c.example ' };
    expect(values.audience).toBe('some');
    expect(requestBodyOf(values, app)).toEqual({
      title: 'New',
      title_ar: 'الطلبات',
      description: null,
      icon_url: null,
      content: [
        { type: 'frame', url: 'https://c.example' },
        { type: 'frame', url: 'https://b.example' },
      ],
      locations: ['conversation.sidebar', 'contact.page'],
      visibility: { roles: ['agent'], inbox_ids: [3], team_ids: [] },
      settings: [],
      proxy_allowlist: ['api.example.com'],
      allow: ['camera'],
      permissions: ['labels:write'],
      allow_send_anyway: false,
    });
  });

  it('sends no rule for everyone, even with lists left over from "only some"', () => {
    const body = requestBodyOf(
      form({ title: 'A', url: 'https://x.example', audience: 'everyone', inboxIds: [4] }),
    );
    expect(body.visibility).toEqual({ inbox_ids: [], team_ids: [], roles: [] });
    expect(body.locations).toEqual(['conversation.tab']);
  });

  it('reads the allowlist one host a line, lower-case, each once', () => {
    expect(allowlistOf(' API.example.com \n\n*.shop.example:8443\napi.example.com')).toEqual([
      'api.example.com',
      '*.shop.example:8443',
    ]);
  });

  it('starts a new app with private notes readable and nothing else granted', () => {
    expect(EMPTY_FORM.permissions).toEqual(['notes:read']);
  });

  it('keeps the grants in the protocol’s order whatever the order of the clicks', () => {
    let grants = withPermission([], 'ui', true);
    grants = withPermission(grants, 'labels:write', true);
    grants = withPermission(grants, 'notes:read', true);
    expect(grants).toEqual(['notes:read', 'labels:write', 'ui']);
    expect(withPermission(grants, 'labels:write', false)).toEqual(['notes:read', 'ui']);
  });
});
