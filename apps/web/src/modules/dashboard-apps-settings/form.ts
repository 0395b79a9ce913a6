/**
 * The add/edit form's rules, pure: the same protocol validator the server runs, so the form
 * refuses before it submits what the server would refuse, and server 422s land on their field.
 */
import {
  DASHBOARD_APP_TITLE_MAX_LENGTH,
  validateAppUrl,
  type DashboardApp,
  type DashboardAppFrame,
} from '@bevatel/protocol';

export interface AppFormValues {
  title: string;
  url: string;
  allow: string[];
}

export type AppFormField = 'title' | 'url' | 'allow';

/** A message to show: a key of this module's catalog, or text the server sent. */
export type FieldMessage =
  { key: string; values?: Record<string, string | number> } | { text: string };

export type AppFormErrors = Partial<Record<AppFormField | 'form', FieldMessage>>;

/** What the server told the form about URLs (GET dashboard_apps/url_rules). */
export interface UrlRules {
  dashboardOrigins: string[];
  /** Null until known: plain-http hosts the operator allows cannot be judged yet. */
  allowedHttpHosts: string[] | null;
}

export const EMPTY_FORM: AppFormValues = { title: '', url: '', allow: [] };

export function formValuesOf(app: DashboardApp): AppFormValues {
  return { title: app.title, url: app.content[0]?.url ?? '', allow: [...app.allow] };
}

export function urlProblemKey(url: string, rules: UrlRules): FieldMessage | null {
  const problem = validateAppUrl(url.trim(), {
    dashboardOrigin: rules.dashboardOrigins,
    allowedHttpHosts: rules.allowedHttpHosts ?? [],
  });
  // Without the operator's list the form cannot tell; the server will, on submit.
  if (problem === null || (problem === 'insecure_http' && rules.allowedHttpHosts === null)) {
    return null;
  }
  return { key: `url.${problem}` };
}

export function validateAppForm(values: AppFormValues, rules: UrlRules): AppFormErrors {
  const errors: AppFormErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = { key: 'form.titleRequired' };
  else if (title.length > DASHBOARD_APP_TITLE_MAX_LENGTH) {
    errors.title = { key: 'form.titleTooLong', values: { max: DASHBOARD_APP_TITLE_MAX_LENGTH } };
  }
  const url = urlProblemKey(values.url, rules);
  if (url) errors.url = url;
  return errors;
}

/** The request body; other frames of an app edited here are kept after the first. */
export function requestBodyOf(
  values: AppFormValues,
  existing?: DashboardApp,
): { title: string; content: DashboardAppFrame[]; allow: string[] } {
  return {
    title: values.title.trim(),
    content: [{ type: 'frame', url: values.url.trim() }, ...(existing?.content.slice(1) ?? [])],
    allow: values.allow,
  };
}

/** Which form field a server `field` (title, content, content[0].url, allow[1]) belongs to. */
export function formFieldOf(serverField: string | undefined): AppFormField | 'form' {
  if (serverField === 'title') return 'title';
  if (serverField === 'content' || serverField?.startsWith('content[0]')) return 'url';
  if (serverField === 'allow' || serverField?.startsWith('allow[')) return 'allow';
  return 'form';
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
