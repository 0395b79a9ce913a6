import { describe, expect, it } from 'vitest';
import { framingVerdict } from './framing';

const APP = new URL('https://orders.example.com/app');
const DASHBOARD = 'https://desk.bevatel.example';
const verdict = (headers: Record<string, string | string[]>, dashboard = DASHBOARD) =>
  framingVerdict(headers, APP, dashboard).framing;

describe('framingVerdict', () => {
  it('allows a page that says nothing', () => {
    expect(verdict({})).toBe('allowed');
  });

  it('reads X-Frame-Options as browsers do', () => {
    expect(verdict({ 'x-frame-options': 'DENY' })).toBe('refused');
    expect(verdict({ 'x-frame-options': 'sameorigin' })).toBe('refused');
    expect(framingVerdict({ 'x-frame-options': 'SAMEORIGIN' }, APP, APP.origin).framing).toBe(
      'allowed',
    );
    // ALLOW-FROM is obsolete: Chromium ignores it.
    expect(verdict({ 'x-frame-options': 'ALLOW-FROM https://desk.bevatel.example' })).toBe(
      'allowed',
    );
  });

  it('lets frame-ancestors decide over X-Frame-Options', () => {
    const csp = (value: string) => ({
      'content-security-policy': value,
      'x-frame-options': 'DENY',
    });
    expect(verdict(csp("frame-ancestors 'none'"))).toBe('refused');
    expect(verdict(csp("frame-ancestors 'self'"))).toBe('refused');
    expect(verdict(csp('frame-ancestors https://desk.bevatel.example'))).toBe('allowed');
    expect(verdict(csp('frame-ancestors https://*.bevatel.example'))).toBe('allowed');
    expect(verdict(csp('frame-ancestors *.bevatel.example'))).toBe('allowed');
    expect(verdict(csp('frame-ancestors https:'))).toBe('allowed');
    expect(verdict(csp('frame-ancestors *'))).toBe('allowed');
    expect(verdict(csp('frame-ancestors https://desk.bevatel.example:8443'))).toBe('refused');
    expect(verdict(csp('frame-ancestors https://other.example'))).toBe('refused');
    expect(verdict(csp('frame-ancestors http://desk.bevatel.example'))).toBe('allowed');
    expect(verdict(csp('frame-ancestors http://localhost:3000'), 'http://localhost:3000')).toBe(
      'allowed',
    );
    expect(verdict(csp('frame-ancestors https://localhost:3000'), 'http://localhost:3000')).toBe(
      'refused',
    );
  });

  it('refuses when any of several policies refuses; ignores other directives', () => {
    expect(
      verdict({ 'content-security-policy': ['frame-ancestors *', "frame-ancestors 'none'"] }),
    ).toBe('refused');
    expect(verdict({ 'content-security-policy': "default-src 'none'; script-src 'self'" })).toBe(
      'allowed',
    );
    expect(verdict({ 'content-security-policy-report-only': "frame-ancestors 'none'" })).toBe(
      'allowed',
    );
  });
});
