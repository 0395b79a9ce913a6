import { WEBHOOK_URL_PROBLEM_MESSAGES, validateWebhookUrl } from '@bevatel/protocol';
import { hostReachability } from '../../core/outbound/addresses';
import { invalid } from '../../lib/errors';

/**
 * A webhook URL as it may be saved: its form (the protocol's rule, which the settings page
 * shares), then its host — a private IP literal, localhost, or a name resolving to a private,
 * loopback or link-local address is refused unless the operator lists it in
 * OUTBOUND_PRIVATE_HOSTS. A name that does not resolve now is accepted: every delivery
 * resolves and checks it again.
 */
export async function checkWebhookUrl(raw: string, privateHosts: readonly string[]) {
  const url = raw.trim();
  const problem = validateWebhookUrl(url, privateHosts);
  if (problem) throw invalid('url', WEBHOOK_URL_PROBLEM_MESSAGES[problem]);
  const { hostname } = new URL(url);
  if ((await hostReachability(privateHosts, hostname)) === 'private') {
    throw invalid('url', WEBHOOK_URL_PROBLEM_MESSAGES.private_address);
  }
  return url;
}
