import { describe, expect, it } from 'vitest';
import { analyzeFrameHeaders } from './frame-check';

const DASH = 'http://localhost:4700';
const levels = (headers: Record<string, string>) =>
  analyzeFrameHeaders(new Headers(headers), DASH).map((finding) => finding.level);

describe('analyzeFrameHeaders', () => {
  it('warns about X-Frame-Options', () => {
    expect(levels({ 'x-frame-options': 'DENY' })).toEqual(['warn']);
    expect(levels({ 'x-frame-options': 'SAMEORIGIN' })).toEqual(['warn']);
  });

  it('checks CSP frame-ancestors against the dashboard origin', () => {
    expect(levels({})).toEqual([]);
    expect(levels({ 'content-security-policy': "default-src 'self'" })).toEqual([]);
    expect(levels({ 'content-security-policy': "frame-ancestors 'none'" })).toEqual(['warn']);
    expect(levels({ 'content-security-policy': "frame-ancestors 'self'" })).toEqual(['warn']);
    expect(
      levels({ 'content-security-policy': 'frame-ancestors https://app.bevatel.com' }),
    ).toEqual(['warn']);
    expect(
      levels({
        'content-security-policy': "script-src 'self'; frame-ancestors http://localhost:4700",
      }),
    ).toEqual(['info']);
    expect(levels({ 'content-security-policy': 'frame-ancestors http://localhost:*' })).toEqual([
      'info',
    ]);
    expect(levels({ 'content-security-policy': 'frame-ancestors http:' })).toEqual(['info']);
    expect(levels({ 'content-security-policy': 'frame-ancestors *' })).toEqual(['info']);
    expect(levels({ 'content-security-policy': 'frame-ancestors localhost:4701' })).toEqual([
      'warn',
    ]);
  });
});
