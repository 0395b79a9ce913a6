/**
 * URL templates (issue 12): an app URL may carry `{{placeholders}}` in its path, query and
 * fragment, filled from the current context. Never in the scheme, host or port, so the origin
 * an app is posted to, framed from and signed for is fixed when the administrator saves it.
 * The server validates templates with these functions; the dashboard fills them with them.
 */
import { validateAppUrl, type AppUrlProblem, type AppUrlRules } from './app-url';

/** Placeholders with a fixed name, and what each stands for (the guide lists them). */
export const URL_TEMPLATE_PLACEHOLDERS = [
  'conversation.id',
  'conversation.uuid',
  'conversation.inbox_id',
  'conversation.status',
  'conversation.priority',
  'contact.id',
  'contact.name',
  'contact.email',
  'contact.phone_number',
  'contact.identifier',
  'agent.id',
  'agent.name',
  'agent.email',
  'account.id',
  'account.name',
  'locale',
] as const;

/** Families of placeholders followed by one key: `contact.custom_attributes.crm_id`. */
export const URL_TEMPLATE_PREFIXES = [
  'conversation.custom_attributes.',
  'contact.custom_attributes.',
  'contact.additional_attributes.',
] as const;

const NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function isUrlTemplatePlaceholder(name: string): boolean {
  if (!NAME.test(name)) return false;
  if ((URL_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) return true;
  return URL_TEMPLATE_PREFIXES.some(
    (prefix) => name.startsWith(prefix) && !name.slice(prefix.length).includes('.'),
  );
}

/** The placeholder names a template uses, in order of appearance (trimmed). */
export function urlTemplatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => (match[1] ?? '').trim());
}

export const hasUrlTemplatePlaceholders = (url: string): boolean => url.includes('{{');

export type UrlTemplateProblem =
  AppUrlProblem | 'placeholder_in_origin' | 'malformed_placeholder' | 'unknown_placeholder';

export interface UrlTemplateIssue {
  problem: UrlTemplateProblem;
  /** The placeholder to blame, as written between the braces. */
  placeholder?: string;
}

/** Where the origin (scheme, host, port) of a URL ends; -1 when it has none. */
function originEnd(url: string): number {
  const start = url.indexOf('://');
  if (start < 0) return -1;
  const rest = url.slice(start + 3);
  const end = rest.search(/[/?#]/);
  return start + 3 + (end < 0 ? rest.length : end);
}

/**
 * Checks a URL that may be a template; null when it may be saved. The rules of plain URLs
 * apply to it as filled with a sample value, and its origin must hold no placeholder.
 */
export function validateAppUrlTemplate(url: string, rules: AppUrlRules): UrlTemplateIssue | null {
  const end = originEnd(url);
  if (end >= 0 && /[{}]/.test(url.slice(0, end))) return { problem: 'placeholder_in_origin' };
  const rest = url.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) return { problem: 'malformed_placeholder' };
  for (const name of urlTemplatePlaceholders(url)) {
    if (!isUrlTemplatePlaceholder(name))
      return { problem: 'unknown_placeholder', placeholder: name };
  }
  const plain = validateAppUrl(url.replace(PLACEHOLDER, '0'), rules);
  return plain ? { problem: plain } : null;
}

/** The English explanation of an issue (the API's `message`). */
export function urlTemplateIssueMessage(
  issue: UrlTemplateIssue,
  plainMessages: Record<AppUrlProblem, string>,
): string {
  switch (issue.problem) {
    case 'placeholder_in_origin':
      return 'Placeholders may only be used in the path, query or fragment, never in the scheme, host or port';
    case 'malformed_placeholder':
      return 'A placeholder must be written {{name}}, with two braces on each side';
    case 'unknown_placeholder':
      return `Unknown placeholder {{${issue.placeholder ?? ''}}}: use one of ${[
        ...URL_TEMPLATE_PLACEHOLDERS,
        ...URL_TEMPLATE_PREFIXES.map((prefix) => `${prefix}<key>`),
      ].join(', ')}`;
    default:
      return plainMessages[issue.problem];
  }
}

/** What a template is filled from: the context of the app's location. */
export interface UrlTemplateSource {
  conversation: {
    id: number;
    uuid?: string;
    inbox_id: number;
    status?: string;
    priority?: string | null;
    custom_attributes?: Record<string, unknown>;
  } | null;
  contact: {
    id: number;
    name?: string | null;
    email?: string | null;
    phone_number?: string | null;
    identifier?: string | null;
    custom_attributes?: Record<string, unknown>;
    additional_attributes?: Record<string, unknown>;
  } | null;
  agent: { id: number; name: string; email: string };
  account: { id: number; name: string };
  locale: string;
}

function lookup(source: UrlTemplateSource, name: string): unknown {
  let value: unknown = source;
  for (const segment of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** A value as text: numbers and booleans as written, nothing for null, JSON for the rest. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The URL with every placeholder replaced by its value, percent-encoded as one component of the
 * part it stands in (a value can never add a path segment, a query parameter or a fragment);
 * a missing value is an empty string. Unknown placeholders (never saved) are left as written.
 */
export function fillUrlTemplate(template: string, source: UrlTemplateSource): string {
  if (!hasUrlTemplatePlaceholders(template)) return template;
  return template.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.trim();
    if (!isUrlTemplatePlaceholder(name)) return whole;
    return encodeURIComponent(asText(lookup(source, name)));
  });
}
