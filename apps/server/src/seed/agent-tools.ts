/**
 * The demo account's canned responses and custom attribute definitions: the keys the demo
 * contacts and conversations already carry (plan, tier, city, language, order_id) get their
 * display names and types, so the side panel and the apps show them as an admin would set up.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const DEMO_CANNED_RESPONSES: [shortCode: string, content: string][] = [
  ['greeting', 'Hi {{contact.first_name}}, this is {{agent.name}}. How can I help you today?'],
  [
    'refund',
    'Hi {{contact.first_name}}, your refund has been issued. It reaches your card within 5 business days.',
  ],
  ['tracking', 'You can follow your parcel here: https://shop.example.com/track. Anything else?'],
  ['salam', 'مرحباً {{contact.first_name}}، معك {{agent.name}}. كيف يمكنني مساعدتك اليوم؟'],
  ['thanks', 'Thank you for contacting us, {{contact.first_name}}! Have a great day.'],
];

type Definition = {
  model: 'contact_attribute' | 'conversation_attribute';
  key: string;
  name: string;
  type: 'text' | 'list';
  values?: string[];
  description?: string;
};

export const DEMO_ATTRIBUTE_DEFINITIONS: Definition[] = [
  {
    model: 'contact_attribute',
    key: 'plan',
    name: 'Plan',
    type: 'list',
    values: ['free', 'starter', 'business', 'enterprise'],
    description: 'The subscription the customer pays for',
  },
  // Text, not a list: scripts (and the browser tests) put their own tiers there.
  { model: 'contact_attribute', key: 'tier', name: 'Loyalty tier', type: 'text' },
  { model: 'contact_attribute', key: 'city', name: 'City', type: 'text' },
  {
    model: 'contact_attribute',
    key: 'language',
    name: 'Language',
    type: 'list',
    values: ['ar', 'en'],
  },
  { model: 'conversation_attribute', key: 'order_id', name: 'Order', type: 'text' },
];

export async function seedAgentTools(
  trx: Kysely<Database>,
  accountId: number,
  authorId: number,
  now: number,
): Promise<void> {
  await trx
    .insertInto('canned_responses')
    .values(
      DEMO_CANNED_RESPONSES.map(([short_code, content]) => ({
        account_id: accountId,
        short_code,
        short_code_key: short_code.toLowerCase(),
        content,
        created_by_id: authorId,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await trx
    .insertInto('custom_attribute_definitions')
    .values(
      DEMO_ATTRIBUTE_DEFINITIONS.map((d, index) => ({
        account_id: accountId,
        attribute_model: d.model,
        attribute_key: d.key,
        attribute_display_name: d.name,
        attribute_display_type: d.type,
        attribute_description: d.description ?? null,
        attribute_values: JSON.stringify(d.values ?? []),
        position: (index + 1) * 10,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
