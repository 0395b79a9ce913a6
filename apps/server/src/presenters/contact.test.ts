import { describe, expect, it } from 'vitest';
import type { ContactRow } from '../db/schema';
import { presentContact } from './contact';

const row: ContactRow = {
  id: 7,
  account_id: 1,
  name: 'Hana',
  email: null,
  phone_number: null,
  identifier: null,
  thumbnail: null,
  additional_attributes: '{}',
  custom_attributes: '{}',
  last_activity_at: null,
  created_at: 1_700_000_000_000,
  updated_at: 1_700_000_000_000,
};

describe('presentContact', () => {
  it('reports a never-active contact as last active at creation (the document says integer)', () => {
    expect(presentContact(row).last_activity_at).toBe(1_700_000_000);
  });

  it('reports the last activity in Unix seconds', () => {
    expect(presentContact({ ...row, last_activity_at: 1_700_000_123_456 }).last_activity_at).toBe(
      1_700_000_123,
    );
  });
});
