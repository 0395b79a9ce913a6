import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../lib/errors';
import { adminOnly } from '../../lib/route-guards';
import { AccountIdParams, AccountParams } from '../../lib/schemas';
import { requireAdmin, requireMember } from '../../plugins/auth';
import { presentConversations } from '../conversations/presenter';
import { presentInbox } from '../inboxes/presenter';
import {
  createContact,
  deleteContact,
  removeCustomAttributes,
  updateContact,
  type ContactInput,
} from './commands';
import { presentContact, presentContactInbox } from './presenter';
import {
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

const DEFAULT_SORT: ContactSort = '-last_activity_at';

/** The validated body as the command takes it: attributes are plain JSON objects. */
const asInput = <T extends object>(body: T) => body as T & ContactInput;

/** `contacts`: every member reads and writes contacts; only administrators delete them. */
export async function contactRoutes(scope: FastifyInstance): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const viewerOf = (member: ReturnType<typeof requireMember>) => ({
    userId: member.user.id,
    role: member.role,
  });

  async function contactOr404(accountId: number, contactId: number) {
    const contact = await findContact(app.db, accountId, contactId);
    if (!contact) throw notFound('Contact');
    return contact;
  }

  async function page(accountId: number, query: { page: number; sort?: ContactSort; q?: string }) {
    const { rows, count } = await listContacts(app.db, app.dialect, accountId, {
      page: query.page,
      sort: query.sort ?? DEFAULT_SORT,
      search: query.q,
    });
    return {
      meta: { count, current_page: query.page },
      payload: rows.map((row) => presentContact(row)),
    };
  }

  app.get(
    '/contacts',
    { schema: { params: AccountParams, querystring: ListQuery } },
    async (request) => page(requireMember(request).account.id, request.query),
  );

  app.get(
    '/contacts/search',
    { schema: { params: AccountParams, querystring: SearchQuery } },
    async (request) => page(requireMember(request).account.id, request.query),
  );

  app.get('/contacts/:id', { schema: { params: AccountIdParams } }, async (request) => {
    const member = requireMember(request);
    return { payload: presentContact(await contactOr404(member.account.id, request.params.id)) };
  });

  app.post(
    '/contacts',
    { schema: { params: AccountParams, body: CreateContactBody } },
    async (request) => {
      const member = requireMember(request);
      const { contact, contactInbox } = await createContact(
        app,
        member.account.id,
        viewerOf(member),
        asInput(request.body),
      );
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
      { schema: { params: AccountIdParams, body: UpdateContactBody } },
      async (request) => {
        const member = requireMember(request);
        const contact = await updateContact(
          app,
          member.account.id,
          request.params.id,
          asInput(request.body),
        );
        return { payload: presentContact(contact) };
      },
    );
  }

  app.delete(
    '/contacts/:id',
    { onRequest: adminOnly, schema: { params: AccountIdParams } },
    async (request, reply) => {
      const member = requireAdmin(request);
      await deleteContact(app, member.account.id, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/contacts/:id/destroy_custom_attributes',
    { schema: { params: AccountIdParams, body: RemoveCustomAttributesBody } },
    async (request) => {
      const member = requireMember(request);
      const contact = await removeCustomAttributes(
        app,
        member.account.id,
        request.params.id,
        request.body.custom_attributes,
      );
      return { payload: presentContact(contact) };
    },
  );

  app.get(
    '/contacts/:id/contact_inboxes',
    { schema: { params: AccountIdParams } },
    async (request) => {
      const member = requireMember(request);
      const contact = await contactOr404(member.account.id, request.params.id);
      const rows = await listContactInboxes(app.db, contact.id, viewerOf(member));
      return { payload: rows.map((row) => presentContactInbox(row, presentInbox(row.inbox))) };
    },
  );

  // At most the 100 most recent conversations, in inboxes the caller may see.
  app.get(
    '/contacts/:id/conversations',
    { schema: { params: AccountIdParams } },
    async (request) => {
      const member = requireMember(request);
      const contact = await contactOr404(member.account.id, request.params.id);
      const rows = await listContactConversations(
        app.db,
        member.account.id,
        contact.id,
        viewerOf(member),
      );
      return { payload: await presentConversations(app.db, rows) };
    },
  );
}
