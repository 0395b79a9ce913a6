import { describe, expect, it } from 'vitest';
import { addressBreaks, wrappableRuns } from './wrap';

describe('addressBreaks', () => {
  it('breaks an e-mail address before @ and dots, never inside a word', () => {
    expect(addressBreaks('sara.alqahtani@example.com')).toEqual([
      'sara',
      '.alqahtani',
      '@example',
      '.com',
    ]);
  });

  it('breaks a URL after // and before slashes, around = and &', () => {
    expect(addressBreaks('https://shop.example.com/orders?id=42&tab=items')).toEqual([
      'https:',
      '//',
      'shop',
      '.example',
      '.com',
      '/orders',
      '?id',
      '=',
      '42',
      '&',
      'tab',
      '=',
      'items',
    ]);
  });

  it('leaves ordinary and short words whole', () => {
    expect(addressBreaks('refund-requested-today')).toEqual(['refund-requested-today']);
    expect(addressBreaks('a@b.co')).toEqual(['a@b.co']);
  });

  it('keeps the spaces of a sentence', () => {
    const runs = wrappableRuns('Write to sara.alqahtani@example.com today');
    expect(runs).toEqual(['Write to sara', '.alqahtani', '@example', '.com today']);
    expect(wrappableRuns('No address here.')).toEqual(['No address here.']);
  });
});
