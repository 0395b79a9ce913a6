import type { Agent, Conversation, ConversationListResponse, Profile } from '@bevatel/protocol';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../lib/query-keys';
import { contact, conversation, message } from '../../test/factories';
import { DEFAULT_FILTERS, type ConversationFilters } from '../conversations/filters';
import { addPending, fromLatestPage, type MessagesState } from '../conversations/messages-state';
import { applyEnvelope } from './apply';

const ME = 4;
const me = { id: ME, name: 'Me' } as Agent;
const unassigned: ConversationFilters = { ...DEFAULT_FILTERS, assigneeType: 'unassigned' };
const mine: ConversationFilters = { ...DEFAULT_FILTERS, assigneeType: 'me' };

function listOf(...conversations: Conversation[]): InfiniteData<ConversationListResponse, number> {
  return {
    pageParams: [1],
    pages: [
      {
        data: {
          meta: { mine_count: 0, unassigned_count: 0, all_count: conversations.length },
          payload: conversations,
        },
      },
    ],
  };
}

const envelope = <E extends Parameters<typeof applyEnvelope>[3]>(
  event: Omit<E, 'account_id' | 'id' | 'ts'>,
) => ({ ...event, account_id: 1, id: 1, ts: 0 }) as E;

describe('realtime events applied to the caches', () => {
  let client: QueryClient;
  const ids = (filters: ConversationFilters) =>
    client
      .getQueryData<InfiniteData<ConversationListResponse, number>>(
        queryKeys.conversationList(1, filters),
      )!
      .pages.flatMap((p) => p.data.payload.map((c) => c.id));

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient();
  });
  afterEach(() => {
    client.clear();
    vi.useRealTimers();
  });

  it('moves a conversation between lists when it is assigned', () => {
    const c = conversation({ id: 7, last_activity_at: 100 });
    client.setQueryData(queryKeys.conversationList(1, unassigned), listOf(c));
    client.setQueryData(
      queryKeys.conversationList(1, mine),
      listOf(conversation({ id: 3, last_activity_at: 50 })),
    );
    const assigned = { ...c, meta: { ...c.meta, assignee: me } };
    applyEnvelope(client, 1, ME, envelope({ event: 'assignee.changed', data: assigned }));
    expect(ids(unassigned)).toEqual([]);
    expect(ids(mine)).toEqual([7, 3]);
    expect(client.getQueryData<Conversation>(queryKeys.conversation(1, 7))?.meta.assignee?.id).toBe(
      ME,
    );
  });

  it('adds a new message to the open thread once, replacing the sender’s pending copy', () => {
    const thread = addPending(fromLatestPage([message({ id: 1, conversation_id: 7 })]), {
      ...message({ id: -1, conversation_id: 7, message_type: 1 }),
      echo_id: 'e1',
    });
    client.setQueryData(queryKeys.messages(1, 7), thread);
    client.setQueryData(queryKeys.conversation(1, 7), conversation({ id: 7 }));
    const created = {
      ...message({ id: 2, conversation_id: 7, message_type: 1, created_at: 1_700_000_100 }),
      echo_id: 'e1',
    };
    applyEnvelope(client, 1, ME, envelope({ event: 'message.created', data: created }));
    applyEnvelope(client, 1, ME, envelope({ event: 'message.created', data: created }));
    const state = client.getQueryData<MessagesState>(queryKeys.messages(1, 7))!;
    expect(state.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(
      client.getQueryData<Conversation>(queryKeys.conversation(1, 7))?.last_non_activity_message
        ?.id,
    ).toBe(2);
  });

  it('brings the last message into the thread from a conversation update', () => {
    client.setQueryData(
      queryKeys.messages(1, 7),
      fromLatestPage([message({ id: 1, conversation_id: 7 })]),
    );
    const last = message({ id: 5, conversation_id: 7, created_at: 1_700_000_500 });
    applyEnvelope(
      client,
      1,
      ME,
      envelope({
        event: 'conversation.updated',
        data: conversation({ id: 7, last_non_activity_message: last }),
      }),
    );
    expect(
      client.getQueryData<MessagesState>(queryKeys.messages(1, 7))!.messages.map((m) => m.id),
    ).toEqual([1, 5]);
  });

  it('updates the contact everywhere it is shown', () => {
    const c = conversation({ id: 7 });
    client.setQueryData(queryKeys.conversationList(1, unassigned), listOf(c));
    client.setQueryData(queryKeys.conversation(1, 7), c);
    const renamed = contact({ id: c.meta.sender.id, name: 'New Name' });
    applyEnvelope(client, 1, ME, envelope({ event: 'contact.updated', data: renamed }));
    expect(client.getQueryData(queryKeys.contact(1, renamed.id))).toEqual(renamed);
    expect(client.getQueryData<Conversation>(queryKeys.conversation(1, 7))?.meta.sender.name).toBe(
      'New Name',
    );
    const list = client.getQueryData<InfiniteData<ConversationListResponse, number>>(
      queryKeys.conversationList(1, unassigned),
    )!;
    expect(list.pages[0]!.data.payload[0]!.meta.sender.name).toBe('New Name');
  });

  it('marks the contact lists stale when a contact is created', async () => {
    client.setQueryData([...queryKeys.contactsRoot(1), 'list'], ['before']);
    client.setQueryData(queryKeys.conversation(1, 7), conversation({ id: 7 }));
    applyEnvelope(client, 1, ME, envelope({ event: 'contact.created', data: contact({ id: 99 }) }));
    expect(client.getQueryState([...queryKeys.contactsRoot(1), 'list'])?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.conversation(1, 7))?.isInvalidated).toBe(false);
  });

  it('follows presence.update in the agents list and in my profile', () => {
    const omar = { id: 9, name: 'Omar', availability_status: 'online' } as Agent;
    client.setQueryData(queryKeys.agents(1), [omar, { ...me, availability_status: 'online' }]);
    const profile = {
      id: ME,
      accounts: [
        { id: 1, name: 'One', role: 'agent', availability_status: 'online' },
        { id: 2, name: 'Two', role: 'agent', availability_status: 'online' },
      ],
    } as Profile;
    client.setQueryData(queryKeys.profile, profile);
    applyEnvelope(
      client,
      1,
      ME,
      envelope({
        event: 'presence.update',
        data: { account_id: 1, users: { '9': 'offline', [String(ME)]: 'busy' } },
      }),
    );
    const agents = client.getQueryData<Agent[]>(queryKeys.agents(1))!;
    expect(agents.map((a) => a.availability_status)).toEqual(['offline', 'busy']);
    const accounts = client.getQueryData<Profile>(queryKeys.profile)!.accounts;
    // Only the account the event is about.
    expect(accounts.map((a) => a.availability_status)).toEqual(['busy', 'online']);
  });
});
