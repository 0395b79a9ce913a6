import { describe, expect, it } from 'vitest';
import { checkProxyHost, proxyHostAllowed } from './app-request';
import { checkAppSettingDefinition, plainAppSettings } from './app-settings';

describe('proxy allowlist', () => {
  it('takes host names, subdomain wildcards and ports; nothing else', () => {
    for (const ok of ['api.example.com', '*.example.com', 'localhost:8443', 'a-b.c.example']) {
      expect(checkProxyHost(ok), ok).toBeNull();
    }
    for (const bad of [
      'https://api.example.com',
      'api.example.com/x',
      'API.example.com',
      '*',
      'a..b',
      'x:99999',
      '',
    ]) {
      expect(checkProxyHost(bad), bad).not.toBeNull();
    }
  });

  it('matches the exact host and port; a wildcard only subdomains', () => {
    const list = ['api.example.com', '*.cdn.example.com', 'localhost:8443'];
    expect(proxyHostAllowed(list, 'api.example.com', 443)).toBe(true);
    expect(proxyHostAllowed(list, 'API.example.com', 443)).toBe(true);
    expect(proxyHostAllowed(list, 'api.example.com', 8443)).toBe(false);
    expect(proxyHostAllowed(list, 'evil-api.example.com', 443)).toBe(false);
    expect(proxyHostAllowed(list, 'img.cdn.example.com', 443)).toBe(true);
    expect(proxyHostAllowed(list, 'cdn.example.com', 443)).toBe(false);
    expect(proxyHostAllowed(list, 'evilcdn.example.com', 443)).toBe(false);
    expect(proxyHostAllowed(list, 'localhost', 8443)).toBe(true);
  });
});

describe('setting definitions', () => {
  it('refuse secure settings that are not text, and defaults that do not fit', () => {
    const base = { name: 'a', label: 'A', required: false, secure: false } as const;
    expect(checkAppSettingDefinition({ ...base, type: 'boolean', secure: true })?.key).toBe(
      'secure',
    );
    expect(
      checkAppSettingDefinition({ ...base, type: 'select', options: ['x'], default: 'y' })?.key,
    ).toBe('default');
    expect(
      checkAppSettingDefinition({ ...base, type: 'text', secure: true, default: 'k' })?.key,
    ).toBe('default');
    expect(checkAppSettingDefinition({ ...base, type: 'number', default: 3 })).toBeNull();
  });

  it('give apps the plain values, or their defaults, never the secure ones', () => {
    expect(
      plainAppSettings([
        { name: 'key', label: 'K', type: 'text', required: true, secure: true, has_value: true },
        {
          name: 'region',
          label: 'R',
          type: 'text',
          required: false,
          secure: false,
          default: 'eu',
          value: null,
          has_value: false,
        },
        {
          name: 'size',
          label: 'S',
          type: 'number',
          required: false,
          secure: false,
          value: 25,
          has_value: true,
        },
      ]),
    ).toEqual({ region: 'eu', size: 25 });
  });
});
