import type { AttributeDisplayType, AttributeModel } from '@bevatel/protocol';
import { ACCOUNT } from '../../test/access';
import {
  SQL_LOOKING,
  standardBadInputs,
  type BadInputCase,
  type BadInputContext,
} from '../../test/bad-input';
import { fixtureConversation } from '../../test/conversations';
import { insertContact, unique } from '../../test/factories';
import { insertDefinition } from './testing';

const LIST = `${ACCOUNT}/custom_attribute_definitions`;
const ONE = `${LIST}/:id`;

const someDefinition = async ({ app, world }: BadInputContext) => ({
  id: await insertDefinition(app.db, world.accountId),
});

const VALID = {
  attribute_display_name: 'Plan',
  attribute_key: 'bad_input_plan',
  attribute_description: 'Which plan they pay for',
  attribute_display_type: 'list',
  attribute_model: 'contact_attribute',
  attribute_values: ['gold', 'silver'],
};

const badCreate = (note: string, body: Record<string, unknown>, field: string): BadInputCase => ({
  method: 'POST',
  route: LIST,
  note,
  input: () => ({ body: { ...VALID, attribute_key: unique('k'), ...body } }),
  expect: 422,
  field,
});

/** A definition of `type` with a fresh key, and the key. */
async function defined(
  ctx: BadInputContext,
  model: AttributeModel,
  type: AttributeDisplayType,
): Promise<string> {
  const key = unique(`typed_${type}`);
  await insertDefinition(ctx.app.db, ctx.world.accountId, {
    key,
    type,
    model,
    values: type === 'list' ? ['gold', 'silver'] : [],
    name: `Typed ${type}`,
  });
  return key;
}

/** Values that do not fit their definition's type, on every route that writes them. */
const WRONG_VALUES: [AttributeDisplayType, unknown][] = [
  ['number', 'forty-two'],
  ['number', true],
  ['checkbox', 'yes'],
  ['checkbox', 1],
  ['date', '17/11/2026'],
  ['date', '2026-13-45'],
  ['link', 'javascript:alert(1)'],
  ['link', 'not a link'],
  ['list', 'bronze'],
  ['list', ['gold']],
  ['text', 42],
  ['text', { nested: true }],
];

function typedRefusals(): BadInputCase[] {
  return WRONG_VALUES.flatMap(([type, value]): BadInputCase[] => {
    const note = `${type} attribute given ${JSON.stringify(value)}`;
    return [
      {
        method: 'PATCH',
        route: `${ACCOUNT}/contacts/:id`,
        note,
        expect: 422,
        input: async (ctx) => {
          const key = await defined(ctx, 'contact_attribute', type);
          const id = await insertContact(ctx.app.db, ctx.world.accountId, { name: 'Typed' });
          return { params: { id }, body: { custom_attributes: { [key]: value } } };
        },
        verify: (res) => {
          if (!String(res.json().field).startsWith('custom_attributes.')) {
            throw new Error(`field ${res.json().field}`);
          }
        },
      },
      {
        method: 'POST',
        route: `${ACCOUNT}/conversations/:id/custom_attributes`,
        note,
        expect: 422,
        input: async (ctx) => {
          const key = await defined(ctx, 'conversation_attribute', type);
          const id = await fixtureConversation(ctx.app, ctx.world);
          return { params: { id }, body: { custom_attributes: { [key]: value } } };
        },
      },
      {
        method: 'PATCH',
        route: `${ACCOUNT}/conversations/:id`,
        note,
        expect: 422,
        input: async (ctx) => {
          const key = await defined(ctx, 'conversation_attribute', type);
          const id = await fixtureConversation(ctx.app, ctx.world);
          return { params: { id }, body: { custom_attributes: { [key]: value } } };
        },
      },
    ];
  });
}

export const customAttributeBadInputCases: BadInputCase[] = [
  ...standardBadInputs({
    method: 'POST',
    route: LIST,
    body: VALID,
    required: ['attribute_display_name', 'attribute_key'],
  }),
  ...standardBadInputs({ method: 'GET', route: ONE, params: someDefinition }),
  ...(['PATCH', 'PUT'] as const).flatMap((method) =>
    standardBadInputs({
      method,
      route: ONE,
      params: someDefinition,
      body: {
        attribute_display_name: 'Renamed',
        attribute_description: null,
        attribute_display_type: 'text',
        attribute_values: [],
      },
    }),
  ),
  ...standardBadInputs({ method: 'DELETE', route: ONE, params: someDefinition }),
  {
    method: 'GET',
    route: LIST,
    note: 'unknown attribute_model',
    input: () => ({ query: 'attribute_model=company_attribute' }),
    expect: 422,
    field: 'attribute_model',
  },
  badCreate('key with a space', { attribute_key: 'two words' }, 'attribute_key'),
  badCreate('SQL-looking key', { attribute_key: SQL_LOOKING }, 'attribute_key'),
  badCreate('key too long', { attribute_key: 'k'.repeat(256) }, 'attribute_key'),
  badCreate('standard contact field as key', { attribute_key: 'email' }, 'attribute_key'),
  badCreate(
    'standard conversation field as key',
    { attribute_key: 'status', attribute_model: 'conversation_attribute' },
    'attribute_key',
  ),
  badCreate(
    'unknown display type',
    { attribute_display_type: 'currency' },
    'attribute_display_type',
  ),
  badCreate('unknown model', { attribute_model: 'company_attribute' }, 'attribute_model'),
  badCreate('blank display name', { attribute_display_name: '  ' }, 'attribute_display_name'),
  badCreate('list without values', { attribute_values: [] }, 'attribute_values'),
  badCreate('list with a blank value', { attribute_values: ['gold', ' '] }, 'attribute_values'),
  badCreate('list with a repeated value', { attribute_values: ['a', 'a'] }, 'attribute_values'),
  badCreate('list values not strings', { attribute_values: [1, 2] }, 'attribute_values[0]'),
  badCreate('regex pattern', { regex_pattern: '^[0-9]+$' }, 'regex_pattern'),
  {
    method: 'POST',
    route: LIST,
    note: 'key already defined for this model',
    input: async (ctx) => {
      const key = unique('dup');
      await insertDefinition(ctx.app.db, ctx.world.accountId, { key });
      return { body: { ...VALID, attribute_key: key } };
    },
    expect: 422,
    field: 'attribute_key',
  },
  {
    method: 'PATCH',
    route: ONE,
    note: 'changing the key',
    input: async (ctx) => ({ params: await someDefinition(ctx), body: { attribute_key: 'other' } }),
    expect: 422,
    field: 'attribute_key',
  },
  {
    method: 'PATCH',
    route: ONE,
    note: 'changing the model',
    input: async (ctx) => ({
      params: await someDefinition(ctx),
      body: { attribute_model: 'conversation_attribute' },
    }),
    expect: 422,
    field: 'attribute_model',
  },
  {
    method: 'PATCH',
    route: ONE,
    note: 'turning into a list without values',
    input: async (ctx) => ({
      params: await someDefinition(ctx),
      body: { attribute_display_type: 'list' },
    }),
    expect: 422,
    field: 'attribute_values',
  },
  ...typedRefusals(),
];
