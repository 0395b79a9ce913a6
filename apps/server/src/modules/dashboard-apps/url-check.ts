/**
 * `POST dashboard_apps/url_check`: what the settings page warns about when an administrator
 * saves an app — its URL cannot be reached, or it answers but refuses to be framed by the
 * dashboard's origin (X-Frame-Options, CSP frame-ancestors). The request goes through the
 * guarded outbound client (https only, public addresses unless OUTBOUND_PRIVATE_HOSTS); what
 * it does not reach is said to be not checked, never guessed.
 */
import {
  APP_URL_PROBLEM_MESSAGES,
  urlTemplateIssueMessage,
  validateAppUrlTemplate,
  type AppUrlRules,
} from '@bevatel/protocol';
import type { FastifyInstance } from 'fastify';
import {
  OutboundError,
  outboundRequest,
  type OutboundFailure,
  type OutboundResponse,
} from '../../core/outbound/client';
import { invalid } from '../../lib/errors';
import { framingVerdict } from './framing';

export type UrlCheckProblem = 'unreachable' | 'refuses_framing' | 'not_checked' | null;

export interface UrlCheckResult {
  url: string;
  /** What to warn about; null: it answered and may be framed. */
  problem: UrlCheckProblem;
  /** Why it was not checked, or how reaching it failed (the outbound client's reason). */
  reason: OutboundFailure | null;
  /** The HTTP status it answered with, when it answered. */
  status: number | null;
  /** The header that refuses framing, and its value. */
  refused_by: { header: string; value: string } | null;
  /** The origin that would frame it. */
  dashboard_origin: string;
  /** In English, for API clients; the dashboard words its own. */
  message: string;
}

/** A check answers sooner than a proxied request may: the admin waits for it. */
const CHECK_TIMEOUT_MS = 5_000;
/** Failures that mean the check did not reach the app rather than the app being down. */
const NOT_CHECKED: ReadonlySet<OutboundFailure> = new Set([
  'not_https',
  'private_address',
  'redirect_refused',
  'too_many_redirects',
  'response_too_large',
]);

/** The body `{url}`: an app URL (template placeholders allowed) under the save rules. */
export function readUrlCheck(body: unknown, rules: AppUrlRules): URL {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('url', 'The body must be {url}');
  }
  const { url, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw invalid(extra, `${extra} is not a known field`);
  if (url === undefined || url === null) throw invalid('url', 'url is required');
  if (typeof url !== 'string') throw invalid('url', 'url must be a string');
  const trimmed = url.trim();
  const issue = validateAppUrlTemplate(trimmed, rules);
  if (issue) {
    throw invalid('url', `url: ${urlTemplateIssueMessage(issue, APP_URL_PROBLEM_MESSAGES)}`);
  }
  // Placeholders are checked as a sample value, as the save rules do.
  return new URL(trimmed.replace(/\{\{[^}]*\}\}/g, '0'));
}

async function fetchHeaders(app: FastifyInstance, url: URL): Promise<OutboundResponse> {
  const policy = {
    ...app.outbound.policy,
    timeoutMs: Math.min(app.outbound.policy.timeoutMs, CHECK_TIMEOUT_MS),
  };
  const headers = { accept: 'text/html', 'user-agent': 'Bevatel-dashboard-app-check' };
  const head = await outboundRequest({ url, method: 'HEAD', headers }, policy);
  if (head.status !== 405 && head.status !== 501) return head;
  return outboundRequest({ url, method: 'GET', headers }, policy);
}

export async function checkAppUrl(
  app: FastifyInstance,
  url: URL,
  dashboardOrigin: string,
): Promise<UrlCheckResult> {
  const base = { url: url.href, dashboard_origin: dashboardOrigin, refused_by: null };
  let answer: OutboundResponse;
  try {
    answer = await fetchHeaders(app, url);
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    const notChecked = NOT_CHECKED.has(error.reason);
    return {
      ...base,
      problem: notChecked ? 'not_checked' : 'unreachable',
      reason: error.reason,
      status: null,
      message: notChecked
        ? `Not checked: ${error.message}`
        : `${url.host} cannot be reached: ${error.message}`,
    };
  }
  const verdict = framingVerdict(answer.headers, answer.url, dashboardOrigin);
  if (verdict.framing === 'refused') {
    return {
      ...base,
      problem: 'refuses_framing',
      reason: null,
      status: answer.status,
      refused_by: { header: verdict.header, value: verdict.value },
      message: `${url.host} refuses to be shown in a frame of ${dashboardOrigin} (${verdict.header}: ${verdict.value})`,
    };
  }
  return {
    ...base,
    problem: null,
    reason: null,
    status: answer.status,
    message: `${url.host} answered ${answer.status} and may be framed by ${dashboardOrigin}`,
  };
}
