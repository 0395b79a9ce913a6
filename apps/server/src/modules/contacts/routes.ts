import {
  ContactInboxListSchema,
  ContactListSchema,
  ContactResponseSchema,
  ConversationPayloadListSchema,
  CreatedContactSchema,
  NoContent,
  ok,
} from '@bevatel/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams } from '../../lib/schemas';
import { runCommand } from '../../core/commands';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { presentContact, presentContactInbox } from '../../presenters/contact';
import { SEARCH_LIMIT } from '../../plugins/rate-limits';
import { presentConversations } from '../../presenters/conversation';
import { presentInbox } from '../../presenters/inbox';
import {
  createContact,
  deleteContact,
  removeCustomAttributes,
  updateContact,
  type ContactInput,
} from './commands';
import {
  contactScope,
  findContact,
  listContactConversations,
  listContactInboxes,
  listContacts,
  type ContactSort,
} from './queries';
import {
  CreateContactBody,
  ListQuery,
  RemoveCustomAttributesBody,
  SearchQuery,
  UpdateContactBody,
} from './schemas';
import { CONTACT_APP_ACTION } from './app-actions';

const DEFAULT_SORT: ContactSort = '-last_activity_at';

/** The validated body as the command takes it: attributes are plain JSON objects. */
const asInput = <T extends object>(body: T) => body as T & ContactInput;

/** `contacts`: every member reads and writes contacts; only administrators delete them. */
export async function contactRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  type Member = ReturnType<typeof requireMember>;

  /** The contact if this member may see it (the account's contacts-by-inbox rule); else 404. */
  async function contactOr404(member: Member, contactId: number) {
    const scope = contactScope(member);
    const contact = await findContact(app.db, member.account.id, contactId, scope);
    if (!contact) throw notFound('Contact');
    return contact;
  }

  async function page(member: Member, query: { page: number; sort?: ContactSort; q?: string }) {
    const { rows, count } = await listContacts(app.db, app.dialect, member.account.id, {
      page: query.page,
      sort: query.sort ?? DEFAULT_SORT,
      search: query.q,
      inboxIds: contactScope(member),
    });
    return {
      meta: { count, current_page: query.page },
      payload: rows.map((row) => presentContact(row)),
    };
  }

  app.get(
    '/contacts',
    { schema: { params: AccountParams, querystring: ListQuery, response: ok(ContactListSchema) } },
    async (request) => page(requireMember(request), request.query),
  );

  app.get(
    '/contacts/search',
    {
      schema: { params: AccountParams, querystring: SearchQuery, response: ok(ContactListSchema) },
      config: SEARCH_LIMIT,
    },
    async (request) => page(requireMember(request), request.query),
  );

  const one = { params: AccountIdParams, response: ok(ContactResponseSchema) };
  app.get('/contacts/:id', { schema: one }, async (request) => {
    const member = requireMember(request);
    return { payload: presentContact(await contactOr404(member, request.params.id)) };
  });

  app.post(
    '/contacts',
    {
      schema: {
        params: AccountParams,
        body: CreateContactBody,
        response: ok(CreatedContactSchema),
      },
    },
    async (request) => {
      const caller = requireMember(request);
      const { result } = await runCommand(app, (tx) =>
        createContact(tx, caller, asInput(request.body)),
      );
      const { contact, contactInbox } = result;
      return {
        payload: {
          contact: presentContact(contact),
          contact_inbox: contactInbox
            ? presentContactInbox(contactInbox, presentInbox(contactInbox.inbox))
            : null,
        },
      };
    },
  );

  for (const method of ['put', 'patch'] as const) {
    app[method](
      '/contacts/:id',
      {
        schema: { ...one, body: UpdateContactBody },
        config: { appAction: CONTACT_APP_ACTION },
      },
      async (request) => {
        const caller = requireMember(request);
        await contactOr404(caller, request.params.id);
        const { result } = await runCommand(app, (tx) =>
          updateContact(tx, caller, request.params.id, asInput(request.body)),
        );
        return { payload: presentContact(result) };
      },
    );
  }

  app.delete(
    '/contacts/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams, response: NoContent } },
    async (request, reply) => {
      const caller = requireAdmin(request);
      await runCommand(app, (tx) => deleteContact(tx, caller, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/contacts/:id/destroy_custom_attributes',
    { schema: { ...one, body: RemoveCustomAttributesBody } },
    async (request) => {
      const caller = requireMember(request);
      await contactOr404(caller, request.params.id);
      const keys = request.body.custom_attributes;
      const { result } = await runCommand(app, (tx) =>
        removeCustomAttributes(tx, caller, request.params.id, keys),
      );
      return { payload: presentContact(result) };
    },
  );

  app.get(
    '/contacts/:id/contact_inboxes',
    { schema: { params: AccountIdParams, response: ok(ContactInboxListSchema) } },
    async (request) => {
      const member = requireMember(request);
      const contact = await contactOr404(member, request.params.id);
      const rows = await listContactInboxes(app.db, contact.id, member);
      return { payload: rows.map((row) => presentContactInbox(row, presentInbox(row.inbox))) };
    },
  );

  // At most the 100 most recent conversations, in inboxes the caller may see.
  app.get(
    '/contacts/:id/conversations',
    { schema: { params: AccountIdParams, response: ok(ConversationPayloadListSchema) } },
    async (request) => {
      const member = requireMember(request);
      const contact = await contactOr404(member, request.params.id);
      const rows = await listContactConversations(app.db, member.account.id, contact.id, member);
      return { payload: await presentConversations(app.db, rows) };
    },
  );
}
