import type { Conversation, VariableSource } from '@bevatel/protocol';
import { useMemo } from 'react';
import { useInboxes } from '../account-data/queries';
import { useContactQuery } from '../contacts/queries';
import { useAccount } from '../session/account';
import { useProfile } from '../session/session';

/** What a canned response's variables are filled with in this conversation. */
export function useReplyVariables(conversation: Conversation): VariableSource {
  const profile = useProfile();
  const account = useAccount();
  const inboxes = useInboxes(conversation.account_id);
  // The contact as last fetched or changed live; the conversation's copy until then.
  const fresh = useContactQuery(conversation.account_id, conversation.meta.sender.id).data;
  const contact = fresh ?? conversation.meta.sender;
  const inbox = inboxes.data?.find((item) => item.id === conversation.inbox_id);
  return useMemo(
    () => ({
      contact: {
        id: contact.id,
        name: contact.name,
        email: contact.email,
        phone_number: contact.phone_number,
      },
      agent: { name: profile.display_name || profile.name, email: profile.email },
      conversation: { id: conversation.id },
      ...(inbox ? { inbox: { id: inbox.id, name: inbox.name } } : {}),
      account: { id: account.id, name: account.name },
    }),
    [contact, profile, conversation.id, inbox, account.id, account.name],
  );
}
