import type { AppContextInput, UrlTemplateSource } from '@bevatel/protocol';

/** What a URL template is filled from beside a conversation: the same data as its context. */
export function templateSourceOf(input: AppContextInput): UrlTemplateSource {
  return {
    conversation: input.conversation,
    contact: input.contact,
    agent: input.currentAgent,
    account: input.account,
    locale: input.locale,
  };
}
