import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin';

describe('isOriginAllowed', () => {
  const publicUrl = 'https://desk.example.com';
  it('accepts our public origin and the host the request was sent to', () => {
    expect(isOriginAllowed('https://desk.example.com', publicUrl, [])).toBe(true);
    expect(isOriginAllowed('http://10.0.0.5:3000', publicUrl, ['10.0.0.5:3000'])).toBe(true);
    expect(isOriginAllowed('http://DESK.local', publicUrl, ['desk.local'])).toBe(true);
  });
  it('refuses other sites, other ports, opaque and odd origins', () => {
    expect(isOriginAllowed('https://evil.example', publicUrl, ['desk.example.com'])).toBe(false);
    expect(isOriginAllowed('http://desk.example.com', publicUrl, [])).toBe(false);
    expect(isOriginAllowed('https://desk.example.com:8443', publicUrl, [])).toBe(false);
    expect(isOriginAllowed('null', publicUrl, ['null'])).toBe(false);
    expect(isOriginAllowed('chrome-extension://abc', publicUrl, ['abc'])).toBe(false);
  });
  it('lets clients without an Origin through (not a browser)', () => {
    expect(isOriginAllowed(undefined, publicUrl, [])).toBe(true);
  });
});
