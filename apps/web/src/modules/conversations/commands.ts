/**
 * The conversation writes the Dashboard Apps host makes for an app, through the same REST
 * routes as the dashboard's own buttons (the server runs the same commands) and written into
 * the same caches, so the result shows at once where the agent looks. The client given marks
 * each request with the app (see dashboard-apps/level2); realtime events confirm them later.
 */
import type {
  Conversation,
  ConversationPriority,
  ConversationStatus,
  JsonObject,
  Message,
} from '@bevatel/protocol';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import { applyContact, applyConversation, applyMessage, patchConversation } from './cache';

export interface CommandTarget {
  accountId: number;
  displayId: number;
}

export interface ConversationCommands {
  addLabels(target: CommandTarget, labels: string[]): Promise<string[]>;
  removeLabels(target: CommandTarget, labels: string[]): Promise<string[]>;
  setAttributes(target: CommandTarget, attributes: JsonObject): Promise<JsonObject>;
  setContactAttributes(target: CommandTarget, attributes: JsonObject): Promise<JsonObject>;
  setStatus(
    target: CommandTarget,
    status: ConversationStatus,
    snoozedUntil?: number,
  ): Promise<{ status: ConversationStatus; snoozed_until: number | null }>;
  setPriority(
    target: CommandTarget,
    priority: ConversationPriority | null,
  ): Promise<ConversationPriority | null>;
  assign(
    target: CommandTarget,
    to: { assignee_id: number | null } | { team_id: number | null },
  ): Promise<void>;
  createNote(target: CommandTarget, content: string): Promise<Message>;
}

export function createConversationCommands(
  api: ApiClient,
  queryClient: QueryClient,
  meId: number,
): ConversationCommands {
  const at = (target: CommandTarget) => `conversations/${target.displayId}` as const;
  const refresh = async (target: CommandTarget): Promise<Conversation> => {
    const fresh = await api.get(api.account(target.accountId, at(target)));
    applyConversation(queryClient, target.accountId, meId, fresh);
    return fresh;
  };
  const changeLabels = async (
    target: CommandTarget,
    body: { add: string[] } | { remove: string[] },
  ) => {
    const { payload } = await api.post(api.account(target.accountId, `${at(target)}/labels`), body);
    patchConversation(queryClient, target.accountId, target.displayId, (c) => ({
      ...c,
      labels: payload,
    }));
    return payload;
  };

  return {
    addLabels: (target, labels) => changeLabels(target, { add: labels }),
    removeLabels: (target, labels) => changeLabels(target, { remove: labels }),
    async setAttributes(target, attributes) {
      const conversation = await api.patch(api.account(target.accountId, at(target)), {
        custom_attributes: attributes,
      });
      applyConversation(queryClient, target.accountId, meId, conversation);
      return conversation.custom_attributes;
    },
    async setContactAttributes(target, attributes) {
      const conversation =
        queryClient.getQueryData<Conversation>(
          queryKeys.conversation(target.accountId, target.displayId),
        ) ?? (await refresh(target));
      const contactId = conversation.meta.sender.id;
      const { payload } = await api.patch(api.account(target.accountId, `contacts/${contactId}`), {
        custom_attributes: attributes,
      });
      applyContact(queryClient, target.accountId, payload);
      return payload.custom_attributes;
    },
    async setStatus(target, status, snoozedUntil) {
      const { payload } = await api.post(
        api.account(target.accountId, `${at(target)}/toggle_status`),
        {
          status,
          ...(snoozedUntil !== undefined ? { snoozed_until: snoozedUntil } : {}),
        },
      );
      await refresh(target);
      return { status: payload.current_status, snoozed_until: payload.snoozed_until };
    },
    async setPriority(target, priority) {
      const conversation = await api.post(
        api.account(target.accountId, `${at(target)}/toggle_priority`),
        {
          priority,
        },
      );
      applyConversation(queryClient, target.accountId, meId, conversation);
      return conversation.priority;
    },
    async assign(target, to) {
      await api.post(api.account(target.accountId, `${at(target)}/assignments`), to);
      await refresh(target);
    },
    async createNote(target, content) {
      const message = await api.post(api.account(target.accountId, `${at(target)}/messages`), {
        content,
        private: true,
      });
      applyMessage(queryClient, target.accountId, meId, message);
      return message;
    },
  };
}
