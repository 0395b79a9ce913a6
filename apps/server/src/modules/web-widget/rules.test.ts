import { describe, expect, it } from 'vitest';
import { browserAttributes } from './browser';
import { isOpenAt, type WorkingHours } from './business-hours';
import { frameAncestors, isDomainAllowed, normaliseDomain } from './domains';
import { identifierHash, isValidIdentifierHash } from '../../lib/widget-tokens';

const day = (
  day_of_week: number,
  open: [number, number] | null,
  close: [number, number] = [17, 0],
): WorkingHours => ({
  day_of_week,
  closed_all_day: open === null,
  open_all_day: false,
  open_hour: open?.[0] ?? null,
  open_minutes: open?.[1] ?? null,
  close_hour: close[0],
  close_minutes: close[1],
});

describe('business hours', () => {
  // Monday 2026-12-07 in Riyadh (UTC+3).
  const hours = [day(1, [9, 0], [17, 30]), day(5, null)];
  it('is open within the day’s hours in the inbox’s time zone, away outside them', () => {
    expect(isOpenAt(hours, 'Asia/Riyadh', new Date('2026-12-07T06:00:00Z'))).toBe(true); // 09:00
    expect(isOpenAt(hours, 'Asia/Riyadh', new Date('2026-12-07T05:59:00Z'))).toBe(false); // 08:59
    expect(isOpenAt(hours, 'Asia/Riyadh', new Date('2026-12-07T14:29:00Z'))).toBe(true); // 17:29
    expect(isOpenAt(hours, 'Asia/Riyadh', new Date('2026-12-07T14:30:00Z'))).toBe(false); // 17:30
    // The same instant is Monday 06:00 in UTC: before opening there.
    expect(isOpenAt(hours, 'UTC', new Date('2026-12-07T06:00:00Z'))).toBe(false);
  });
  it('is closed on a closed day and on a day without an entry', () => {
    expect(isOpenAt(hours, 'UTC', new Date('2026-12-11T12:00:00Z'))).toBe(false); // Friday
    expect(isOpenAt(hours, 'UTC', new Date('2026-12-08T12:00:00Z'))).toBe(false); // Tuesday
  });
});

describe('allowed domains', () => {
  it('normalises what an administrator types to host patterns', () => {
    expect(normaliseDomain(' https://Shop.Example/path ')).toBe('shop.example');
    expect(normaliseDomain('*.shop.example')).toBe('*.shop.example');
    expect(normaliseDomain('localhost:4300')).toBe('localhost:4300');
    expect(normaliseDomain('not a domain')).toBeNull();
    expect(normaliseDomain('javascript:alert(1)')).toBeNull();
  });
  it('matches exact hosts, subdomains of a wildcard (not the bare domain), and ports', () => {
    const allowed = ['shop.example', '*.brand.example', 'localhost:4300'];
    expect(isDomainAllowed('https://shop.example', allowed)).toBe(true);
    expect(isDomainAllowed('https://eu.brand.example', allowed)).toBe(true);
    expect(isDomainAllowed('https://brand.example', allowed)).toBe(false);
    expect(isDomainAllowed('https://evilshop.example', allowed)).toBe(false);
    expect(isDomainAllowed('https://shop.example.evil.test', allowed)).toBe(false);
    expect(isDomainAllowed('http://localhost:4300', allowed)).toBe(true);
    expect(isDomainAllowed('http://localhost:4301', allowed)).toBe(false);
    expect(isDomainAllowed('null', allowed)).toBe(false);
    expect(isDomainAllowed(undefined, allowed)).toBe(false);
    expect(isDomainAllowed('https://anything.test', [])).toBe(true);
    expect(frameAncestors([])).toBe('*');
    expect(frameAncestors(['shop.example'])).toBe('http://shop.example https://shop.example');
  });
});

describe('identifier_hash', () => {
  it('is the hex HMAC-SHA256 of the identifier under the secret, compared in constant time', () => {
    // Known answer: HMAC-SHA256("secret", "cust-1001").
    const hash = identifierHash('cust-1001', 'secret');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(isValidIdentifierHash('cust-1001', hash, 'secret')).toBe(true);
    expect(isValidIdentifierHash('cust-1001', hash.toUpperCase(), 'secret')).toBe(true);
    expect(isValidIdentifierHash('cust-1002', hash, 'secret')).toBe(false);
    expect(isValidIdentifierHash('cust-1001', hash, 'other')).toBe(false);
    expect(isValidIdentifierHash('cust-1001', hash.slice(0, 63), 'secret')).toBe(false);
  });
});

describe('browser attributes', () => {
  it('reads the documented fields from real user agents', () => {
    expect(
      browserAttributes(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({
      device_name: 'Apple iPhone',
      browser_name: 'Safari',
      browser_version: '17.5',
      platform_name: 'iOS',
      platform_version: '17.5',
    });
    expect(browserAttributes(undefined)).toMatchObject({ browser_name: 'Unknown' });
  });
});
