/**
 * The add/edit form's rules, pure: the same protocol validators the server runs (URL templates,
 * proxy hosts, setting definitions), so the form refuses before it submits what the server
 * would refuse, and server 422s land on their field.
 */
import {
  APP_PERMISSIONS,
  DASHBOARD_APP_DESCRIPTION_MAX_LENGTH,
  DASHBOARD_APP_TITLE_MAX_LENGTH,
  DEFAULT_APP_LOCATIONS,
  DEFAULT_APP_PERMISSIONS,
  OPEN_VISIBILITY,
  PROXY_ALLOWLIST_MAX,
  checkProxyHost,
  validateAppUrlTemplate,
  type AppPermission,
  type AppSettingDefinition,
  type AppSettingValue,
  type DashboardApp,
  type DashboardAppFrame,
  type DashboardAppLocation,
  type DashboardAppVisibility,
  type UserRole,
} from '@bevatel/protocol';
import type { FieldMessage } from './form-messages';
import {
  settingBodyOf,
  settingDraftOf,
  settingProblems,
  type SettingDraft,
  type SettingPart,
} from './setting-drafts';

export type { FieldMessage } from './form-messages';

export interface AppFormValues {
  title: string;
  titleAr: string;
  description: string;
  iconUrl: string;
  url: string;
  locations: DashboardAppLocation[];
  /** `everyone`: no rule; `some`: the roles, inboxes and teams below must all match. */
  audience: 'everyone' | 'some';
  roles: UserRole[];
  inboxIds: number[];
  teamIds: number[];
  settings: SettingDraft[];
  /** Hosts the request proxy may call, one per line. */
  proxyAllowlist: string;
  allow: string[];
  /** What the app may do through the level-2 protocol; only what the admin checks. */
  permissions: AppPermission[];
  /** Agents may send anyway when the app objects to a reply (composer.beforeSend). */
  allowSendAnyway: boolean;
}

export type AppFormField =
  | 'title'
  | 'titleAr'
  | 'description'
  | 'iconUrl'
  | 'url'
  | 'locations'
  | 'visibility'
  | 'proxyAllowlist'
  | 'allow'
  | 'permissions'
  | `setting.${number}.${SettingPart}`;

export type AppFormErrors = Partial<Record<AppFormField | 'form', FieldMessage>>;

/** What the server told the form about URLs (GET dashboard_apps/url_rules). */
export interface UrlRules {
  dashboardOrigins: string[];
  /** Null until known: plain-http hosts the operator allows cannot be judged yet. */
  allowedHttpHosts: string[] | null;
}

export const EMPTY_FORM: AppFormValues = {
  title: '',
  titleAr: '',
  description: '',
  iconUrl: '',
  url: '',
  locations: [...DEFAULT_APP_LOCATIONS],
  audience: 'everyone',
  roles: [],
  inboxIds: [],
  teamIds: [],
  settings: [],
  proxyAllowlist: '',
  allow: [],
  permissions: [...DEFAULT_APP_PERMISSIONS],
  allowSendAnyway: true,
};

const isOpen = (rule: DashboardAppVisibility) =>
  rule.roles.length === 0 && rule.inbox_ids.length === 0 && rule.team_ids.length === 0;

export function formValuesOf(app: DashboardApp): AppFormValues {
  return {
    title: app.title,
    titleAr: app.title_ar ?? '',
    description: app.description ?? '',
    iconUrl: app.icon_url ?? '',
    url: app.content[0]?.url ?? '',
    locations: [...app.locations],
    audience: isOpen(app.visibility) ? 'everyone' : 'some',
    roles: [...app.visibility.roles],
    inboxIds: [...app.visibility.inbox_ids],
    teamIds: [...app.visibility.team_ids],
    settings: app.settings.map(settingDraftOf),
    proxyAllowlist: app.proxy_allowlist.join('\n'),
    allow: [...app.allow],
    permissions: [...app.permissions],
    allowSendAnyway: app.allow_send_anyway,
  };
}

/** The grants with one checked or unchecked, kept in the protocol's order. */
export function withPermission(
  current: readonly AppPermission[],
  permission: AppPermission,
  on: boolean,
): AppPermission[] {
  return APP_PERMISSIONS.filter((p) => (p === permission ? on : current.includes(p)));
}

/** A list with one item added or removed, in the order of `all`. */
export function toggled<T>(all: readonly T[], current: readonly T[], item: T, on: boolean): T[] {
  return all.filter((x) => (x === item ? on : current.includes(x)));
}

/** Why the URL (possibly a template) cannot be saved, in the catalog's words; null if it can. */
export function urlProblemKey(url: string, rules: UrlRules): FieldMessage | null {
  const issue = validateAppUrlTemplate(url.trim(), {
    dashboardOrigin: rules.dashboardOrigins,
    allowedHttpHosts: rules.allowedHttpHosts ?? [],
  });
  // Without the operator's list the form cannot tell; the server will, on submit.
  if (issue === null || (issue.problem === 'insecure_http' && rules.allowedHttpHosts === null)) {
    return null;
  }
  if (issue.problem === 'unknown_placeholder') {
    return { key: 'url.unknown_placeholder', values: { name: `{{${issue.placeholder ?? ''}}}` } };
  }
  if (issue.problem === 'malformed_placeholder') {
    return { key: 'url.malformed_placeholder', values: { example: '{{contact.email}}' } };
  }
  return { key: `url.${issue.problem}` };
}

/** The icon is an image the dashboard loads: a full https:// URL without credentials. */
function iconProblem(url: string): FieldMessage | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || !/^https:\/\/[^/]/i.test(url)) {
      return { key: 'form.iconHttps' };
    }
    if (parsed.username || parsed.password) return { key: 'url.credentials' };
    return null;
  } catch {
    return { key: 'form.iconHttps' };
  }
}

/** The allowlist as sent: trimmed, lower-case (host names are), each host once. */
export function allowlistOf(text: string): string[] {
  const hosts = text
    .split(/[\n,]/)
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(hosts)];
}

function allowlistProblem(text: string): FieldMessage | null {
  const hosts = allowlistOf(text);
  if (hosts.length > PROXY_ALLOWLIST_MAX) {
    return { key: 'proxy.tooMany', values: { max: PROXY_ALLOWLIST_MAX } };
  }
  const bad = hosts.find((host) => checkProxyHost(host) !== null);
  return bad === undefined ? null : { key: 'proxy.invalid', values: { host: bad } };
}

export function validateAppForm(values: AppFormValues, rules: UrlRules): AppFormErrors {
  const errors: AppFormErrors = {};
  const title = values.title.trim();
  const max = DASHBOARD_APP_TITLE_MAX_LENGTH;
  if (!title) errors.title = { key: 'form.titleRequired' };
  else if (title.length > max) errors.title = { key: 'form.titleTooLong', values: { max } };
  if (values.titleAr.trim().length > max) {
    errors.titleAr = { key: 'form.titleTooLong', values: { max } };
  }
  if (values.description.trim().length > DASHBOARD_APP_DESCRIPTION_MAX_LENGTH) {
    errors.description = {
      key: 'form.descriptionTooLong',
      values: { max: DASHBOARD_APP_DESCRIPTION_MAX_LENGTH },
    };
  }
  const icon = iconProblem(values.iconUrl.trim());
  if (icon) errors.iconUrl = icon;
  const url = urlProblemKey(values.url, rules);
  if (url) errors.url = url;
  if (values.locations.length === 0) errors.locations = { key: 'where.required' };
  if (
    values.audience === 'some' &&
    values.roles.length + values.inboxIds.length + values.teamIds.length === 0
  ) {
    errors.visibility = { key: 'who.required' };
  }
  const proxy = allowlistProblem(values.proxyAllowlist);
  if (proxy) errors.proxyAllowlist = proxy;
  return { ...errors, ...settingProblems(values.settings) };
}

/** The fields in the order the form shows them: the first with an error gets the focus. */
export const FIELD_ORDER: readonly AppFormField[] = [
  'title',
  'titleAr',
  'description',
  'iconUrl',
  'url',
  'locations',
  'visibility',
];

export function firstErrorField(errors: AppFormErrors): AppFormField | null {
  const fields = Object.keys(errors).filter((key): key is AppFormField => key !== 'form');
  const rank = (field: AppFormField) => {
    const index = FIELD_ORDER.indexOf(field);
    return index >= 0 ? index : FIELD_ORDER.length;
  };
  return fields.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

export interface AppRequestBody {
  title: string;
  title_ar: string | null;
  description: string | null;
  icon_url: string | null;
  content: DashboardAppFrame[];
  locations: DashboardAppLocation[];
  visibility: DashboardAppVisibility;
  settings: (AppSettingDefinition & { value?: AppSettingValue | null })[];
  proxy_allowlist: string[];
  allow: string[];
  permissions: AppPermission[];
  allow_send_anyway: boolean;
}

/** The request body; other frames of an app edited here are kept after the first. */
export function requestBodyOf(values: AppFormValues, existing?: DashboardApp): AppRequestBody {
  const some = values.audience === 'some';
  return {
    title: values.title.trim(),
    title_ar: values.titleAr.trim() || null,
    description: values.description.trim() || null,
    icon_url: values.iconUrl.trim() || null,
    content: [{ type: 'frame', url: values.url.trim() }, ...(existing?.content.slice(1) ?? [])],
    locations: values.locations,
    visibility: some
      ? { roles: values.roles, inbox_ids: values.inboxIds, team_ids: values.teamIds }
      : OPEN_VISIBILITY,
    settings: values.settings.map(settingBodyOf),
    proxy_allowlist: allowlistOf(values.proxyAllowlist),
    allow: values.allow,
    permissions: values.permissions,
    allow_send_anyway: values.allowSendAnyway,
  };
}

const SETTING_PART: Record<string, SettingPart> = {
  name: 'name',
  label: 'label',
  label_ar: 'labelAr',
  options: 'options',
  secure: 'secure',
  value: 'value',
  default: 'default',
};

const SERVER_FIELD: [RegExp, AppFormField][] = [
  [/^title$/, 'title'],
  [/^title_ar$/, 'titleAr'],
  [/^description$/, 'description'],
  [/^icon_url$/, 'iconUrl'],
  [/^content($|\[0\])/, 'url'],
  [/^locations($|\[)/, 'locations'],
  [/^visibility($|[.[])/, 'visibility'],
  [/^proxy_allowlist($|\[)/, 'proxyAllowlist'],
  [/^allow($|\[)/, 'allow'],
  [/^permissions($|\[)/, 'permissions'],
];

/** Which form field a server `field` (title, content[0].url, settings[2].value…) belongs to. */
export function formFieldOf(serverField: string | undefined): AppFormField | 'form' {
  if (serverField === undefined) return 'form';
  const setting = /^settings\[(\d+)\]\.(\w+)/.exec(serverField);
  if (setting) {
    const part = SETTING_PART[setting[2] ?? ''];
    return part ? `setting.${Number(setting[1])}.${part}` : 'form';
  }
  return SERVER_FIELD.find(([pattern]) => pattern.test(serverField))?.[1] ?? 'form';
}

/**
 * A 422 from the server placed on its field. For the URL, a problem the local validator also
 * sees is shown from the translated catalog; otherwise the server's own words are shown.
 */
export function serverErrorToFormErrors(
  error: { field?: string; message: string },
  values: AppFormValues,
  rules: UrlRules,
): AppFormErrors {
  const field = formFieldOf(error.field);
  if (field === 'url') {
    const local = urlProblemKey(values.url, {
      ...rules,
      allowedHttpHosts: rules.allowedHttpHosts ?? [],
    });
    return { url: local ?? { text: error.message } };
  }
  return { [field]: { text: error.message } };
}
