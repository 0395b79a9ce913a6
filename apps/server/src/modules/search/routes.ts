/**
 * `GET search?q=` (Chatwoot's `/api/v1/accounts/:id/search`): one search over everything the
 * caller may see, whatever tab or status the list shows — conversations of every status and
 * assignee, contacts, and messages with the text — as `{payload: {conversations, contacts,
 * messages}}`. Visibility is the lists' own: agents see their inboxes' conversations and
 * messages, and contacts as the account's contacts-by-inbox rule allows. Counted against the
 * search rate limit like every other `q=`.
 */
import { ok, SearchResponseSchema } from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { gather } from '../../core/gather';
import { visibleInboxIds } from '../../core/visibility';
import { invalid } from '../../lib/errors';
import { AccountParams, Text } from '../../lib/schemas';
import { requireMember } from '../../plugins/auth';
import { SEARCH_LIMIT } from '../../plugins/rate-limits';
import { presentContact } from '../../presenters/contact';
import { presentConversations } from '../../presenters/conversation';
import { presentMessages } from '../../presenters/message';
import { contactScope, listContacts } from '../contacts';
import { listConversations, type ConversationFilters } from '../conversations';
import { searchMessages } from './queries';

// Query strings stay open to extra keys: Chatwoot clients send flags we do not use.
const SearchQuery = Type.Object({ q: Text({ maxLength: 200 }) });

export async function searchRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/search',
    {
      schema: {
        params: AccountParams,
        querystring: SearchQuery,
        response: ok(SearchResponseSchema),
      },
      config: SEARCH_LIMIT,
    },
    async (request) => {
      const caller = requireMember(request);
      const q = request.query.q.trim();
      if (!q) throw invalid('q', 'q must name what to search for');
      // Every tab and status: the list's filters do not narrow a search.
      const everyConversation: ConversationFilters = {
        status: 'all',
        assigneeType: 'all',
        labels: [],
        q,
      };
      const [conversations, contacts, messages] = await gather(
        app.db,
        () => listConversations(app.db, caller, everyConversation, 1),
        () =>
          listContacts(app.db, app.dialect, caller.account.id, {
            page: 1,
            sort: '-last_activity_at',
            search: q,
            inboxIds: contactScope(caller),
          }),
        () => searchMessages(app.db, caller.account.id, q, visibleInboxIds(caller)),
      );
      return {
        payload: {
          conversations: await presentConversations(app.db, conversations),
          contacts: contacts.rows.map((row) => presentContact(row)),
          messages: await presentMessages(app.db, messages),
        },
      };
    },
  );
}
