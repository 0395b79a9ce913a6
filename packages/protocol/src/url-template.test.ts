import { describe, expect, it } from 'vitest';
import {
  fillUrlTemplate,
  urlTemplatePlaceholders,
  validateAppUrlTemplate,
  type UrlTemplateSource,
} from './url-template';

const RULES = { dashboardOrigin: 'https://dash.example.com' };

const source: UrlTemplateSource = {
  conversation: { id: 42, inbox_id: 3, status: 'open', custom_attributes: { order: 'A-1' } },
  contact: {
    id: 7,
    email: 'sara+vip@example.com',
    name: 'سارة علي',
    custom_attributes: { crm_id: 'a b&c/d', tier: 2, vip: true, tags: ['x'] },
  },
  agent: { id: 5, name: 'Omar', email: 'omar@example.com' },
  account: { id: 1, name: 'Acme' },
  locale: 'ar',
};

describe('URL templates', () => {
  it('accept placeholders in path, query and fragment', () => {
    for (const url of [
      'https://crm.example.com/customers/{{contact.custom_attributes.crm_id}}',
      'https://crm.example.com/?email={{contact.email}}&c={{conversation.id}}#{{agent.id}}',
      'https://crm.example.com/{{ contact.id }}',
      'https://crm.example.com/{single}/braces',
    ]) {
      expect(validateAppUrlTemplate(url, RULES), url).toBeNull();
    }
  });

  it('refuse placeholders in the scheme, host or port, unknown names and broken braces', () => {
    expect(validateAppUrlTemplate('https://{{contact.id}}.example.com', RULES)).toEqual({
      problem: 'placeholder_in_origin',
    });
    expect(
      validateAppUrlTemplate('https://a.example.com:{{conversation.id}}/', RULES)?.problem,
    ).toBe('placeholder_in_origin');
    expect(
      validateAppUrlTemplate('https://user{{contact.id}}@a.example.com/', RULES)?.problem,
    ).toBe('placeholder_in_origin');
    expect(validateAppUrlTemplate('https://a.example.com/{{contact.password}}', RULES)).toEqual({
      problem: 'unknown_placeholder',
      placeholder: 'contact.password',
    });
    expect(
      validateAppUrlTemplate('https://a.example.com/{{contact.custom_attributes.a.b}}', RULES)
        ?.problem,
    ).toBe('unknown_placeholder');
    expect(validateAppUrlTemplate('https://a.example.com/{{contact.id', RULES)?.problem).toBe(
      'malformed_placeholder',
    );
    // The plain URL rules still apply.
    expect(validateAppUrlTemplate('http://a.example.com/{{contact.id}}', RULES)?.problem).toBe(
      'insecure_http',
    );
    expect(validateAppUrlTemplate('https://dash.example.com/{{contact.id}}', RULES)?.problem).toBe(
      'dashboard_origin',
    );
  });

  it('fill values percent-encoded as one component, missing ones empty', () => {
    const filled = fillUrlTemplate(
      'https://crm.example.com/c/{{contact.custom_attributes.crm_id}}?email={{contact.email}}&name={{contact.name}}&x={{contact.custom_attributes.missing}}&n={{contact.custom_attributes.tier}}#{{conversation.custom_attributes.order}}',
      source,
    );
    expect(filled).toBe(
      'https://crm.example.com/c/a%20b%26c%2Fd?email=sara%2Bvip%40example.com&name=%D8%B3%D8%A7%D8%B1%D8%A9%20%D8%B9%D9%84%D9%8A&x=&n=2#A-1',
    );
    const url = new URL(filled);
    expect(decodeURIComponent(url.pathname.split('/')[2]!)).toBe('a b&c/d');
    expect(url.searchParams.get('email')).toBe('sara+vip@example.com');
    // No conversation (contact page): an empty string, and the origin never changes.
    const page = fillUrlTemplate('https://crm.example.com/{{conversation.id}}?c={{contact.id}}', {
      ...source,
      conversation: null,
    });
    expect(page).toBe('https://crm.example.com/?c=7');
    expect(urlTemplatePlaceholders('https://a/{{ a.b }}/{{c}}')).toEqual(['a.b', 'c']);
    expect(fillUrlTemplate('https://a.example.com/plain', source)).toBe(
      'https://a.example.com/plain',
    );
  });
});
