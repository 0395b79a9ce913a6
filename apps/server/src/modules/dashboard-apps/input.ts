/**
 * Reads a dashboard app's create/update body by hand rather than with a JSON schema: the body
 * may come bare or wrapped as `{dashboard_app: …}` (Chatwoot's clients send both), and every
 * refusal must name the exact field (`title`, `content[0].url`, `allow[1]`) in either form.
 */
import {
  APP_URL_PROBLEM_MESSAGES,
  DASHBOARD_APP_MAX_FRAMES,
  DASHBOARD_APP_PERMISSIONS,
  DASHBOARD_APP_TITLE_MAX_LENGTH,
  isDashboardAppPermission,
  validateAppUrl,
  type AppUrlRules,
  type DashboardAppFrame,
  type DashboardAppPermission,
} from '@bevatel/protocol';
import { HttpError, invalid } from '../../lib/errors';

export interface DashboardAppInput {
  title: string;
  content: DashboardAppFrame[];
  allow: DashboardAppPermission[];
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const APP_KEYS = ['title', 'content', 'allow'];
const FRAME_KEYS = ['type', 'url'];

/** Unknown keys are refused, naming the first: a misspelt field must not pass silently. */
function onlyKnownKeys(fields: Fields, known: readonly string[], prefix = ''): void {
  const unknown = Object.keys(fields).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw invalid(`${prefix}${unknown}`, `${prefix}${unknown} is not a field of a dashboard app`);
  }
}

function unwrap(body: unknown): Fields {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) {
    throw new HttpError('unprocessable_entity', 'The body must be a JSON object {title, content}');
  }
  if (!('dashboard_app' in body)) {
    onlyKnownKeys(body, APP_KEYS);
    return body;
  }
  onlyKnownKeys(body, ['dashboard_app']);
  if (!isObject(body.dashboard_app)) {
    throw invalid('dashboard_app', 'dashboard_app must be an object {title, content, allow}');
  }
  onlyKnownKeys(body.dashboard_app, APP_KEYS);
  return body.dashboard_app;
}

function readTitle(value: unknown): string {
  if (value === undefined || value === null) throw invalid('title', 'title is required');
  if (typeof value !== 'string') throw invalid('title', 'title must be a string');
  const title = value.trim();
  if (!title) throw invalid('title', 'title must not be blank');
  if (title.length > DASHBOARD_APP_TITLE_MAX_LENGTH) {
    throw invalid('title', `title must be at most ${DASHBOARD_APP_TITLE_MAX_LENGTH} characters`);
  }
  if (CONTROL_CHARACTERS.test(title)) {
    throw invalid('title', 'title must be a single line without control characters');
  }
  return title;
}

function readFrame(value: unknown, index: number, rules: AppUrlRules): DashboardAppFrame {
  const at = `content[${index}]`;
  if (!isObject(value)) throw invalid(at, `${at} must be an object {type: "frame", url}`);
  onlyKnownKeys(value, FRAME_KEYS, `${at}.`);
  if (value.type !== 'frame') throw invalid(`${at}.type`, `${at}.type must be "frame"`);
  if (value.url === undefined || value.url === null) {
    throw invalid(`${at}.url`, `${at}.url is required`);
  }
  if (typeof value.url !== 'string') throw invalid(`${at}.url`, `${at}.url must be a string`);
  const url = value.url.trim();
  const problem = validateAppUrl(url, rules);
  if (problem) throw invalid(`${at}.url`, `${at}.url: ${APP_URL_PROBLEM_MESSAGES[problem]}`);
  return { type: 'frame', url };
}

function readContent(value: unknown, rules: AppUrlRules): DashboardAppFrame[] {
  if (value === undefined || value === null) throw invalid('content', 'content is required');
  if (!Array.isArray(value)) {
    throw invalid('content', 'content must be a list of frames [{type: "frame", url}]');
  }
  if (value.length === 0) throw invalid('content', 'content must hold at least one frame');
  if (value.length > DASHBOARD_APP_MAX_FRAMES) {
    throw invalid('content', `content must hold at most ${DASHBOARD_APP_MAX_FRAMES} frames`);
  }
  return value.map((frame, index) => readFrame(frame, index, rules));
}

function readAllow(value: unknown): DashboardAppPermission[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('allow', 'allow must be a list of permission names');
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = `allow[${index}]`;
    if (!isDashboardAppPermission(item)) {
      throw invalid(
        at,
        `${at} must be one of: ${DASHBOARD_APP_PERMISSIONS.join(', ')} (got ${JSON.stringify(item)})`,
      );
    }
    if (seen.has(item)) throw invalid(at, `${at} repeats "${item}"`);
    seen.add(item);
    return item;
  });
}

/** A new app: title and content required, allow optional. */
export function readCreateInput(body: unknown, rules: AppUrlRules): DashboardAppInput {
  const fields = unwrap(body);
  return {
    title: readTitle(fields.title),
    content: readContent(fields.content, rules),
    allow: readAllow(fields.allow),
  };
}

/** A change (PATCH or PUT alike): only the fields given are checked and changed. */
export function readUpdateInput(body: unknown, rules: AppUrlRules): Partial<DashboardAppInput> {
  const fields = unwrap(body);
  const input: Partial<DashboardAppInput> = {};
  if ('title' in fields) input.title = readTitle(fields.title);
  if ('content' in fields) input.content = readContent(fields.content, rules);
  if ('allow' in fields) input.allow = readAllow(fields.allow);
  return input;
}
