/**
 * The demo website widget's keys. `npm start` fixes them (DEMO_WIDGET_TOKEN, DEMO_WIDGET_SECRET)
 * so the demo shop it starts can embed the widget and sign its customer's identity, and names
 * the shop's origin in DEMO_WIDGET_DOMAINS; unset, the seed makes fresh keys and allows any site.
 */
import { parseAllowedDomains } from '../modules/web-widget/settings';

export interface DemoWidget {
  websiteToken?: string;
  hmacToken?: string;
  allowedDomains: string[];
}

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export function demoWidget(env: NodeJS.ProcessEnv = process.env): DemoWidget {
  const token = env.DEMO_WIDGET_TOKEN?.trim();
  const secret = env.DEMO_WIDGET_SECRET?.trim();
  if (token && !KEY.test(token))
    throw new Error('DEMO_WIDGET_TOKEN must be 16-64 of A-Z a-z 0-9 _ -');
  if (secret && secret.length < 16)
    throw new Error('DEMO_WIDGET_SECRET must be at least 16 characters');
  return {
    websiteToken: token || undefined,
    hmacToken: secret || undefined,
    allowedDomains: parseAllowedDomains(env.DEMO_WIDGET_DOMAINS ?? ''),
  };
}
