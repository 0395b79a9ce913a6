import type { Conversation } from '@bevatel/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../lib/api-context';
import { createConversationCommands } from '../conversations/commands';
import { useProfile } from '../session/session';
import { CustomAttributesPanel } from './CustomAttributesPanel';

/** The conversation's custom attributes in the side panel, saved as the dashboard's PATCH. */
export function ConversationAttributes({ conversation }: { conversation: Conversation }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const meId = useProfile().id;
  const commands = useMemo(
    () => createConversationCommands(api, queryClient, meId),
    [api, queryClient, meId],
  );
  const target = { accountId: conversation.account_id, displayId: conversation.id };
  return (
    <CustomAttributesPanel
      accountId={conversation.account_id}
      model="conversation_attribute"
      values={conversation.custom_attributes ?? {}}
      onSave={(patch) => commands.setAttributes(target, patch)}
    />
  );
}
