import { createWidgetChannel } from '../modules/web-widget/commands';
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database, MessagesTable } from '../db/schema';
import { hashPassword } from '../lib/passwords';
import { randomToken } from '../lib/tokens';
import { accessTokenColumns } from '../lib/access-tokens';
import { encryptAppSecret } from '../modules/dashboard-apps/secret';
import { seedAgentTools } from './agent-tools';
import { DEMO_CONTACTS } from './contacts';
import { demoDashboardApps, type DemoDashboardApp } from './dashboard-apps';
import { demoWidget, type DemoWidget } from './demo-widget';
import { CONVERSATION_COUNT, USER_NAMES, planConversations, type UserKey } from './plan';

export interface SeedResult {
  created: boolean;
  accountId: number | null;
}

export interface SeedOptions {
  /** Where the credentials summary goes; console.log by default. */
  log?: (line: string) => void;
  dashboardApps?: DemoDashboardApp[];
  /** Keys and allowed sites of the demo website widget (the demo shop embeds it). */
  widget?: DemoWidget;
  now?: number;
}

export const DEMO_ACCOUNT_NAME = 'Bevatel Demo';
export const DEMO_AGENT_EMAILS: Record<Exclude<UserKey, 'admin'>, string> = {
  omar: 'omar@bevatel.test',
  sarah: 'sarah@bevatel.test',
};

const DEMO_LABELS: [string, string, string][] = [
  ['vip', '#f5a623', 'High-value customers'],
  ['billing', '#1f93ff', 'Invoices, payments, subscriptions'],
  ['refund', '#e0245e', 'Refund or return requested'],
  // What the Order history example's "Add label" button adds (through level 2).
  ['refund-requested', '#c2185b', 'A refund was asked for from an order'],
  ['shipping', '#44ce4b', 'Delivery and tracking'],
  ['login', '#7c4dff', 'Sign-in and account access'],
  ['bug', '#ff6b00', 'Something is broken'],
  ['feedback', '#00bcd4', 'Ideas and compliments'],
  ['urgent-followup', '#d0021b', 'Needs an answer today'],
  ['new-customer', '#8bc34a', 'First contact'],
  ['arabic', '#795548', 'Customer writes in Arabic'],
];

// Keeps each INSERT well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Fills an empty database with a demo account: an admin (config.adminEmail/adminPassword), two
 * agents with the same password, two inboxes, teams, labels, 30 contacts, 50 conversations with
 * Arabic and English threads, and the example dashboard apps. Does nothing when any account
 * exists, so restarting the server never duplicates it.
 */
export async function seedDemo(
  db: Kysely<Database>,
  config: Config,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const existing = await db.selectFrom('accounts').select('id').orderBy('id').executeTakeFirst();
  if (existing) return { created: false, accountId: null };
  const log = options.log ?? console.log;
  const now = options.now ?? Date.now();
  const apps = options.dashboardApps ?? demoDashboardApps();
  const widget = options.widget ?? demoWidget();
  const plans = planConversations(now);
  const passwordHashes = await Promise.all([0, 1, 2].map(() => hashPassword(config.adminPassword)));

  const accountId = await db.transaction().execute(async (trx) => {
    const account = await trx
      .insertInto('accounts')
      .values({
        name: DEMO_ACCOUNT_NAME,
        locale: 'en',
        last_display_id: CONVERSATION_COUNT,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people: [UserKey, string, string][] = [
      ['admin', USER_NAMES.admin, config.adminEmail],
      ['omar', USER_NAMES.omar, DEMO_AGENT_EMAILS.omar],
      ['sarah', USER_NAMES.sarah, DEMO_AGENT_EMAILS.sarah],
    ];
    const userRows = await trx
      .insertInto('users')
      .values(
        people.map(([, name, email], i) => ({
          name,
          display_name: null,
          email,
          password_hash: passwordHashes[i]!,
          ...accessTokenColumns(randomToken(), config.secretKeyBase),
          avatar_url: null,
          ui_settings: '{}',
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const userId = (key: UserKey): number => {
      const email = people.find(([k]) => k === key)![2];
      return userRows.find((row) => row.email === email)!.id;
    };
    await trx
      .insertInto('account_users')
      .values(
        people.map(([key]) => ({
          account_id: account.id,
          user_id: userId(key),
          role: key === 'admin' ? 'administrator' : 'agent',
          auto_offline: 1,
          availability: 'online',
          created_at: now,
        })),
      )
      .execute();

    const inboxRows = await trx
      .insertInto('inboxes')
      .values([
        {
          account_id: account.id,
          name: 'Support API',
          channel_type: 'Channel::Api',
          greeting_message: null,
          created_at: now,
        },
        {
          account_id: account.id,
          name: 'Website Chat',
          channel_type: 'Channel::WebWidget',
          greeting_message: 'Hi there 👋 — مرحباً! We usually reply in a few minutes.',
          created_at: now,
        },
      ])
      .returning(['id', 'name'])
      .execute();
    const inboxId = {
      api: inboxRows.find((r) => r.name === 'Support API')!.id,
      web: inboxRows.find((r) => r.name === 'Website Chat')!.id,
    };
    // The website inbox's channel: its widget keys and options (the demo shop embeds it).
    await createWidgetChannel(
      trx,
      { id: inboxId.web, account_id: account.id },
      {
        widget_color: '#2563eb',
        welcome_title: 'Hi there 👋',
        welcome_tagline: 'Ask us anything about your order.',
        greeting_enabled: 1,
        allowed_domains: JSON.stringify(widget.allowedDomains),
        translations: JSON.stringify({
          ar: {
            welcome_title: 'مرحباً 👋',
            welcome_tagline: 'اسألنا عن أي شيء يخص طلبك.',
            greeting_message: 'مرحباً! نرد عادةً خلال دقائق.',
          },
        }),
      },
      config.secretKeyBase,
      widget,
    );
    await trx
      .insertInto('inbox_members')
      .values([
        { inbox_id: inboxId.api, user_id: userId('omar') },
        { inbox_id: inboxId.web, user_id: userId('omar') },
        { inbox_id: inboxId.web, user_id: userId('sarah') },
      ])
      .execute();

    const teamRows = await trx
      .insertInto('teams')
      .values([
        {
          account_id: account.id,
          name: 'Billing',
          description: 'Payments, invoices and refunds',
          allow_auto_assign: 1,
          created_at: now,
        },
        {
          account_id: account.id,
          name: 'Technical',
          description: 'Sign-in trouble and bugs',
          allow_auto_assign: 1,
          created_at: now,
        },
      ])
      .returning(['id', 'name'])
      .execute();
    const teamId = (name: string) => teamRows.find((r) => r.name === name)!.id;
    await trx
      .insertInto('team_members')
      .values([
        { team_id: teamId('Billing'), user_id: userId('omar') },
        { team_id: teamId('Billing'), user_id: userId('admin') },
        { team_id: teamId('Technical'), user_id: userId('sarah') },
        { team_id: teamId('Technical'), user_id: userId('omar') },
      ])
      .execute();
    await trx
      .insertInto('labels')
      .values(
        DEMO_LABELS.map(([title, color, description]) => ({
          account_id: account.id,
          title,
          description,
          color,
          show_on_sidebar: 1,
          created_at: now,
        })),
      )
      .execute();
    await seedAgentTools(trx, account.id, userId('admin'), now);

    const lastIncoming = new Map<number, number>();
    for (const plan of plans) {
      for (const m of plan.messages) {
        if (m.sender?.type === 'Contact') {
          lastIncoming.set(
            plan.contactIndex,
            Math.max(lastIncoming.get(plan.contactIndex) ?? 0, m.at),
          );
        }
      }
    }
    const contactRows = await trx
      .insertInto('contacts')
      .values(
        DEMO_CONTACTS.map((c, index) => ({
          account_id: account.id,
          name: c.name,
          email: c.email,
          phone_number: c.phone,
          identifier: `cust-${1000 + index}`,
          thumbnail: null,
          additional_attributes: JSON.stringify({
            description: c.description ?? null,
            company_name: c.company,
            city: c.city,
            social_profiles: {
              github: c.github ?? null,
              twitter: c.twitter ?? null,
              facebook: c.facebook ?? null,
              linkedin: c.linkedin ?? null,
            },
          }),
          custom_attributes: JSON.stringify({
            plan: c.plan,
            tier: c.tier,
            city: c.city,
            language: c.language,
          }),
          last_activity_at: lastIncoming.get(index) ?? null,
          created_at: now - 60 * 24 * 60 * 60 * 1000 + index * 3_600_000,
          updated_at: now,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    const contactId = (index: number) =>
      contactRows.find((row) => row.email === DEMO_CONTACTS[index]!.email)!.id;

    const contactInboxKeys = [...new Set(plans.map((p) => `${p.contactIndex}:${p.inbox}`))];
    const contactInboxRows = await trx
      .insertInto('contact_inboxes')
      .values(
        contactInboxKeys.map((key) => {
          const [index, inbox] = key.split(':') as [string, 'api' | 'web'];
          return {
            contact_id: contactId(Number(index)),
            inbox_id: inboxId[inbox],
            source_id: randomUUID(),
            hmac_verified: inbox === 'web' && Number(index) % 2 === 0 ? 1 : 0,
            created_at: now,
          };
        }),
      )
      .returning(['id', 'contact_id', 'inbox_id'])
      .execute();
    const contactInboxId = (contact: number, inbox: number) =>
      contactInboxRows.find((r) => r.contact_id === contact && r.inbox_id === inbox)!.id;

    const conversationRows = await trx
      .insertInto('conversations')
      .values(
        plans.map((p) => {
          const contact = contactId(p.contactIndex);
          const inbox = inboxId[p.inbox];
          return {
            account_id: account.id,
            display_id: p.displayId,
            uuid: randomUUID(),
            inbox_id: inbox,
            contact_id: contact,
            contact_inbox_id: contactInboxId(contact, inbox),
            assignee_id: p.assignee ? userId(p.assignee) : null,
            team_id: p.team ? teamId(p.team) : null,
            status: p.status,
            priority: p.priority,
            snoozed_until: p.snoozedUntil,
            custom_attributes: JSON.stringify({ order_id: `#${100_200 + (p.displayId - 1) * 37}` }),
            additional_attributes: JSON.stringify(
              p.browser
                ? {
                    browser: p.browser,
                    referer: 'https://shop.bevatel.test/orders',
                    initiated_at: { timestamp: new Date(p.createdAt).toString() },
                  }
                : {},
            ),
            agent_last_seen_at: p.agentLastSeenAt,
            assignee_last_seen_at: p.assigneeLastSeenAt,
            contact_last_seen_at: p.messages.at(-1)!.at,
            last_activity_at: p.lastActivityAt,
            waiting_since: p.waitingSince,
            first_reply_created_at: p.firstReplyAt,
            muted: 0,
            created_at: p.createdAt,
            updated_at: p.messages.at(-1)!.at,
          };
        }),
      )
      .returning(['id', 'display_id', 'inbox_id', 'contact_id'])
      .execute();
    const byDisplayId = new Map(conversationRows.map((row) => [row.display_id, row]));

    const messages: Insertable<MessagesTable>[] = [];
    for (const plan of plans) {
      const conversation = byDisplayId.get(plan.displayId)!;
      for (const m of plan.messages) {
        messages.push({
          account_id: account.id,
          inbox_id: conversation.inbox_id,
          conversation_id: conversation.id,
          content: m.content,
          message_type: m.messageType,
          content_type: 'text',
          content_attributes: m.activity ? JSON.stringify({ activity: m.activity }) : '{}',
          private: m.private ? 1 : 0,
          status: 'sent',
          source_id: null,
          sender_type: m.sender ? m.sender.type : null,
          sender_id:
            m.sender?.type === 'Contact'
              ? conversation.contact_id
              : m.sender?.type === 'User'
                ? userId(m.sender.user)
                : null,
          created_at: m.at,
          updated_at: m.at,
        });
      }
    }
    for (const rows of chunks(messages)) await trx.insertInto('messages').values(rows).execute();
    const labelRows = plans.flatMap((p) =>
      p.labels.map((label) => ({ conversation_id: byDisplayId.get(p.displayId)!.id, label })),
    );
    for (const rows of chunks(labelRows)) {
      await trx.insertInto('conversation_labels').values(rows).execute();
    }
    for (const app of apps) {
      const row = await trx
        .insertInto('dashboard_apps')
        .values({
          account_id: account.id,
          user_id: userId('admin'),
          title: app.title,
          content: JSON.stringify([{ type: 'frame', url: app.url }]),
          allow: '[]',
          secret_ciphertext: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The ciphertext is bound to its app row, so it can only be made once the id exists.
      if (app.secret) {
        const owner = { accountId: account.id, appId: row.id };
        await trx
          .updateTable('dashboard_apps')
          .set({ secret_ciphertext: encryptAppSecret(app.secret, owner, config.secretKeyBase) })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return account.id;
  });

  const dashboard = `${config.publicUrl}/app/accounts/${accountId}/conversations`;
  log('');
  log(`  Demo account "${DEMO_ACCOUNT_NAME}" created: ${dashboard}`);
  log(`    administrator  ${config.adminEmail} / ${config.adminPassword}`);
  for (const key of ['omar', 'sarah'] as const) {
    log(
      `    agent          ${DEMO_AGENT_EMAILS[key]} / ${config.adminPassword}  (${USER_NAMES[key]})`,
    );
  }
  for (const app of apps) {
    log(`    dashboard app  ${app.title}: ${app.url}${app.secret ? '  (signed context)' : ''}`);
  }
  log('');
  return { created: true, accountId };
}
