/**
 * A complete appContext as the dashboard posts it: the SDK's sample context (every field of the
 * product document), with the contact, language, theme and token a test chooses.
 */
import type { AppContextData, Contact } from '@bevatel/dashboard-app-sdk';
import { createSampleContext } from '@bevatel/dashboard-app-sdk/simulator';

export interface SampleOptions {
  contact?: Partial<Contact>;
  locale?: 'en' | 'ar';
  theme?: 'light' | 'dark';
  token?: string;
}

export function sampleContext(options: SampleOptions = {}): AppContextData {
  const base = createSampleContext({
    conversation: 'billing-en',
    locale: options.locale ?? 'en',
    theme: options.theme ?? 'light',
  });
  const contact: Contact = { ...base.contact, ...options.contact };
  const data: AppContextData = {
    ...base,
    conversation: {
      ...base.conversation,
      meta: { ...base.conversation.meta, sender: contact },
    },
    contact,
  };
  if (options.token) data.token = options.token;
  return data;
}
