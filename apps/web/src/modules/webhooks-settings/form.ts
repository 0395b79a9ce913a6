import {
  WEBHOOK_EVENTS,
  WEBHOOK_URL_PROBLEM_MESSAGES,
  validateWebhookUrl,
  type Webhook,
  type WebhookEventName,
  type WebhookUrlProblem,
} from '@bevatel/protocol';
import type { WebhookBody } from './queries';

export interface WebhookFormValues {
  url: string;
  name: string;
  subscriptions: WebhookEventName[];
}

/** The events offered in the form: webwidget_triggered is not sent yet, so not offered. */
export const OFFERED_EVENTS = WEBHOOK_EVENTS.filter((event) => event !== 'webwidget_triggered');

export const EMPTY_WEBHOOK_FORM: WebhookFormValues = {
  url: '',
  name: '',
  subscriptions: [...OFFERED_EVENTS],
};

export function formValuesOf(webhook: Webhook): WebhookFormValues {
  return { url: webhook.url, name: webhook.name ?? '', subscriptions: webhook.subscriptions };
}

export type WebhookFormErrors = Partial<Record<'url' | 'subscriptions', string>>;

/**
 * The protocol's URL rule, as the server applies it. Plain http is the server's call (it knows
 * the hosts the operator allows), and so are private addresses behind a name.
 */
export function validateWebhookForm(values: WebhookFormValues): {
  url?: WebhookUrlProblem;
  subscriptions?: 'none';
} {
  const problem = validateWebhookUrl(values.url.trim(), []);
  return {
    ...(problem && problem !== 'insecure_http' ? { url: problem } : {}),
    ...(values.subscriptions.length === 0 ? { subscriptions: 'none' as const } : {}),
  };
}

export function requestBodyOf(values: WebhookFormValues): WebhookBody {
  return {
    url: values.url.trim(),
    name: values.name.trim() || null,
    // In the protocol's order, whatever order they were ticked in.
    subscriptions: WEBHOOK_EVENTS.filter((event) => values.subscriptions.includes(event)),
  };
}

/** The problem a 422 about the URL names: the server words it from the same table. */
export function serverUrlProblem(message: string): WebhookUrlProblem | null {
  const found = Object.entries(WEBHOOK_URL_PROBLEM_MESSAGES).find(([, text]) => text === message);
  return found ? (found[0] as WebhookUrlProblem) : null;
}
