import type { DashboardApp } from '@bevatel/protocol';
import type { SendObjection } from '../../modules/conversations/hooks';
import type { AskOutcome } from '../bridge/level2-session';

/**
 * What an app's answer to `composer.beforeSend` means for the send. Silence (no answer within
 * 2 s, a broken answer) allows it and is logged, so a slow or broken app never stops an agent.
 */
export function beforeSendObjection(
  app: Pick<DashboardApp, 'title' | 'allow_send_anyway'>,
  outcome: AskOutcome,
  maxReasonLength: number,
  log: (message: string) => void = (message) => console.warn(message),
): SendObjection | null {
  if (!outcome.asked) return null;
  if (!outcome.answered) {
    log(`[dashboard apps] ${app.title} did not answer composer.beforeSend within 2 s: sent`);
    return null;
  }
  const answer = outcome.result;
  if (typeof answer !== 'object' || answer === null || !('allow' in answer)) return null;
  const { allow, reason } = answer as { allow: unknown; reason?: unknown };
  if (allow !== false) return null;
  const text = typeof reason === 'string' && reason.trim() ? reason.trim() : null;
  return {
    source: app.title,
    reason: text ? text.slice(0, maxReasonLength) : '',
    overridable: app.allow_send_anyway,
  };
}
