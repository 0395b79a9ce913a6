import { describe, expect, it } from 'vitest';
import { punycodeHostOf } from './idn';

describe('punycodeHostOf', () => {
  it('gives the xn-- form of an internationalised host', () => {
    expect(punycodeHostOf('https://bücher.example/orders')).toBe('xn--bcher-kva.example');
    // A Cyrillic "а" posing as a Latin "a".
    expect(punycodeHostOf('https://аpple.com/')).toBe('xn--pple-43d.com');
    expect(punycodeHostOf('https://xn--bcher-kva.example/')).toBe('xn--bcher-kva.example');
  });

  it('is null for ASCII hosts and for what does not parse', () => {
    expect(punycodeHostOf('https://crm.example.com/x?y=1')).toBeNull();
    expect(punycodeHostOf('https://CRM.Example.com/')).toBeNull();
    expect(punycodeHostOf('not a url')).toBeNull();
  });
});
