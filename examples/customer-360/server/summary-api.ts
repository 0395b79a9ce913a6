/**
 * GET /api/summary: the CRM summary of the contact the dashboard's signed context token names.
 * Whose summary is decided by the token alone (verified with the app's signing secret), never by
 * anything the page sends, so a page framed elsewhere with a made-up context learns nothing.
 */
import { ContextTokenError, verifyContextToken } from '@bevatel/dashboard-app-sdk/server';
import { customerSummary, type CustomerSummary } from './crm';

export interface SummaryApiOptions {
  /** The signing secret the dashboard showed when the app was registered. */
  secret: string | undefined;
  /** The app's own origin(s): a token minted for another app is refused. */
  audience: readonly string[];
  now?: () => number;
}

export type SummaryAnswer =
  | { status: 200; body: { summary: CustomerSummary } }
  | { status: 400 | 401 | 503; body: { error: string; message: string } };

const BEARER = /^Bearer\s+(\S+)$/i;

export function answerSummary(
  authorization: string | undefined,
  options: SummaryApiOptions,
): SummaryAnswer {
  if (!options.secret) {
    const message = 'CUSTOMER_360_SECRET is not set on the app server';
    return { status: 503, body: { error: 'not_configured', message } };
  }
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!token) {
    const message = 'Send the dashboard context token as a Bearer token';
    return { status: 401, body: { error: 'missing_token', message } };
  }
  const now = options.now?.() ?? Math.floor(Date.now() / 1000);
  try {
    const claims = verifyContextToken(token, options.secret, {
      audience: options.audience,
      clockToleranceSec: 10,
      now,
    });
    if (claims.contact_id === null) {
      const message = 'Open this app beside a conversation or on a contact page';
      return { status: 400, body: { error: 'no_contact', message } };
    }
    const summary = customerSummary(`${claims.account_id}:${claims.contact_id}`, now);
    return { status: 200, body: { summary } };
  } catch (error) {
    if (error instanceof ContextTokenError) {
      return { status: 401, body: { error: error.code, message: error.message } };
    }
    throw error;
  }
}
