/**
 * The level-2 methods, once: name, the permission it needs (null: always allowed), the schema
 * of its params (validated by the host before anything runs) and, as types, what it answers.
 */
import type { AnyAppContextData } from '../app-context';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES } from '../enums';
import type { ConversationPriority, ConversationStatus } from '../enums';
import type { JsonObject, Message } from '../entities';
import { APP_REQUEST_LIMITS, APP_REQUEST_METHODS, type AppRequestResult } from '../app-request';
import type { AppPermission } from './permissions';
import {
  anyOf,
  array,
  integer,
  jsonObject,
  literals,
  nullable,
  object,
  optional,
  record,
  string,
  type Infer,
  type Schema,
} from './schema';

/** Longest text an app may put into the composer or a note (a message's own limit). */
export const MAX_APP_TEXT_LENGTH = 150_000;
/** Longest toast. */
export const MAX_NOTIFY_LENGTH = 280;
/** Bounds of `ui.resize` (CSS pixels). */
export const APP_FRAME_HEIGHT = { min: 80, max: 2000 } as const;
/** Bounds of `ui.modal.open`'s width and height (CSS pixels; the viewport may shrink them). */
export const APP_MODAL_SIZE = {
  width: { min: 240, max: 1200, default: 640 },
  height: { min: 160, max: 900, default: 480 },
} as const;
/** At most this many `ui.notify` toasts per app and minute. */
export const MAX_NOTIFY_PER_MINUTE = 5;

const none = object({});
const labelList = array(string({ minLength: 1, maxLength: 255 }), {
  minItems: 1,
  maxItems: 100,
  uniqueItems: true,
});
const attributes = jsonObject({
  minProperties: 1,
  maxProperties: 50,
  maxKeyLength: 255,
  description: 'custom attributes to merge (16 KB of JSON at most once merged)',
});
const id = integer({ minimum: 1, maximum: 2_147_483_647 });

export const METHOD_PARAMS = {
  'context.get': none,
  'token.get': none,
  'composer.insert': object({
    text: string({ minLength: 1, maxLength: MAX_APP_TEXT_LENGTH }),
    mode: optional(literals(['insert', 'replace', 'append'] as const)),
    target: optional(literals(['reply', 'note'] as const)),
  }),
  'note.create': object({ content: string({ minLength: 1, maxLength: MAX_APP_TEXT_LENGTH }) }),
  'labels.add': object({ labels: labelList }),
  'labels.remove': object({ labels: labelList }),
  'conversation.attributes.set': object({ attributes }),
  'contact.attributes.set': object({ attributes }),
  'conversation.status.set': object({
    status: literals(CONVERSATION_STATUSES),
    /** Unix seconds; only with `snoozed`. */
    snoozed_until: optional(integer({ minimum: 0, maximum: 4_102_444_800 })),
  }),
  'conversation.priority.set': object({ priority: nullable(literals(CONVERSATION_PRIORITIES)) }),
  'conversation.assign': anyOf(
    object({ assignee_id: nullable(id) }),
    object({ team_id: nullable(id) }),
    { description: 'either {assignee_id} or {team_id}; null unassigns' },
  ),
  'ui.notify': object({
    message: string({ minLength: 1, maxLength: MAX_NOTIFY_LENGTH }),
    kind: optional(literals(['info', 'success', 'warning', 'error'] as const)),
  }),
  'ui.resize': object({
    height: integer({ minimum: APP_FRAME_HEIGHT.min, maximum: APP_FRAME_HEIGHT.max }),
  }),
  'ui.openUrl': object({
    url: string({
      maxLength: 2048,
      pattern: '^https://[^\\s]+$',
      description: 'must be an https:// URL',
    }),
  }),
  'ui.modal.open': object({
    url: string({ minLength: 1, maxLength: 2048 }),
    title: string({ minLength: 1, maxLength: 120 }),
    width: optional(
      integer({ minimum: APP_MODAL_SIZE.width.min, maximum: APP_MODAL_SIZE.width.max }),
    ),
    height: optional(
      integer({ minimum: APP_MODAL_SIZE.height.min, maximum: APP_MODAL_SIZE.height.max }),
    ),
  }),
  'ui.modal.close': none,
  request: object({
    url: string({
      maxLength: 2048,
      pattern: '^https://[^\\s]+$',
      description: 'must be an https:// URL on the allowlist the administrator set',
    }),
    method: optional(literals(APP_REQUEST_METHODS)),
    headers: optional(
      record(string({ maxLength: 8192 }), {
        maxProperties: APP_REQUEST_LIMITS.maxHeaders,
        propertyNames: { minLength: 1, maxLength: 128, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
      }),
    ),
    body: optional(string({ maxLength: APP_REQUEST_LIMITS.maxRequestBytes })),
  }),
} as const satisfies Record<string, Schema<unknown>>;

export type AppMethod = keyof typeof METHOD_PARAMS;

export const APP_METHODS = Object.keys(METHOD_PARAMS) as AppMethod[];

/** Which permission each method needs; null: always allowed. */
export const METHOD_PERMISSIONS: Record<AppMethod, AppPermission | null> = {
  'context.get': null,
  'token.get': null,
  'composer.insert': 'composer:write',
  'note.create': 'notes:write',
  'labels.add': 'labels:write',
  'labels.remove': 'labels:write',
  'conversation.attributes.set': 'attributes:write',
  'contact.attributes.set': 'attributes:write',
  'conversation.status.set': 'conversation:write',
  'conversation.priority.set': 'conversation:write',
  'conversation.assign': 'conversation:write',
  'ui.notify': 'ui',
  'ui.resize': 'ui',
  'ui.openUrl': 'ui',
  'ui.modal.open': 'ui',
  'ui.modal.close': 'ui',
  request: 'request',
};

export type MethodParams<M extends AppMethod> = Infer<(typeof METHOD_PARAMS)[M]>;

export type ComposerInsertMode = NonNullable<MethodParams<'composer.insert'>['mode']>;
export type ComposerTarget = NonNullable<MethodParams<'composer.insert'>['target']>;
export type NotifyKind = NonNullable<MethodParams<'ui.notify'>['kind']>;

/** What each method answers with in `result`. */
export interface MethodResults {
  'context.get': AnyAppContextData;
  'token.get': { token: string; expires_at: number };
  /** `composer`: the text is in the box on screen; `draft`: in the draft, shown on return. */
  'composer.insert': { target: ComposerTarget; placed: 'composer' | 'draft' };
  'note.create': { message: Message };
  'labels.add': { labels: string[] };
  'labels.remove': { labels: string[] };
  'conversation.attributes.set': { custom_attributes: JsonObject };
  'contact.attributes.set': { custom_attributes: JsonObject };
  'conversation.status.set': { status: ConversationStatus; snoozed_until: number | null };
  'conversation.priority.set': { priority: ConversationPriority | null };
  'conversation.assign': { assignee_id?: number | null; team_id?: number | null };
  'ui.notify': { shown: true };
  /** The height applied. */
  'ui.resize': { height: number };
  'ui.openUrl': { opened: boolean };
  'ui.modal.open': { opened: true };
  'ui.modal.close': { closed: boolean };
  /** The upstream answer, whatever its status: only the proxy's own refusals are errors. */
  request: AppRequestResult;
}

export type MethodResult<M extends AppMethod> = MethodResults[M];

export function isAppMethod(value: unknown): value is AppMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(METHOD_PARAMS, value);
}
