/**
 * The demo's conversations, worked out in memory before anything is written: who wrote what
 * and when, statuses, assignees, labels, and the bookkeeping times that follow from them.
 * Deterministic (seeded random), so every fresh demo looks the same.
 */
import { activityEnglish, MESSAGE_TYPES, type ConversationActivity } from '@bevatel/protocol';
import { DEMO_CONTACTS } from './contacts';
import { DEMO_THREADS, type DemoThread } from './threads';

export type InboxKey = 'api' | 'web';
export type UserKey = 'admin' | 'omar' | 'sarah';

export const USER_NAMES: Record<UserKey, string> = {
  admin: 'Amira Nasser',
  omar: 'Omar Haddad',
  sarah: 'Sarah Miller',
};

/** Who may be assigned conversations of each inbox (administrators always may). */
const ASSIGNABLE: Record<InboxKey, (UserKey | null)[]> = {
  api: ['omar', 'admin', null, 'omar'],
  web: ['sarah', 'omar', null, 'sarah'],
};

export interface PlannedMessage {
  content: string;
  /** An activity line's structure (content_attributes.activity); its content is the English. */
  activity?: ConversationActivity;
  messageType: number;
  private: boolean;
  sender: { type: 'Contact' } | { type: 'User'; user: UserKey } | null;
  at: number;
}

export interface PlannedConversation {
  displayId: number;
  contactIndex: number;
  inbox: InboxKey;
  assignee: UserKey | null;
  team: 'Billing' | 'Technical' | null;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  priority: DemoThread['priority'];
  labels: string[];
  messages: PlannedMessage[];
  createdAt: number;
  lastActivityAt: number;
  waitingSince: number | null;
  firstReplyAt: number | null;
  agentLastSeenAt: number | null;
  assigneeLastSeenAt: number | null;
  snoozedUntil: number | null;
  browser: Record<string, string> | null;
}

export const CONVERSATION_COUNT = 50;
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** mulberry32: small, fast, good enough for demo data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BROWSERS = [
  {
    browser_name: 'Chrome',
    browser_version: '131.0',
    platform_name: 'Windows',
    platform_version: '11',
    device_name: 'Desktop',
  },
  {
    browser_name: 'Safari',
    browser_version: '17.4',
    platform_name: 'iOS',
    platform_version: '17.4',
    device_name: 'iPhone',
  },
  {
    browser_name: 'Firefox',
    browser_version: '133.0',
    platform_name: 'macOS',
    platform_version: '14.5',
    device_name: 'Desktop',
  },
  {
    browser_name: 'Samsung Internet',
    browser_version: '25.0',
    platform_name: 'Android',
    platform_version: '14',
    device_name: 'Galaxy S24',
  },
];

const STATUSES: PlannedConversation['status'][] = [
  'open',
  'resolved',
  'open',
  'pending',
  'resolved',
  'open',
  'snoozed',
  'open',
  'resolved',
  'open',
];

function teamFor(labels: string[]): PlannedConversation['team'] {
  if (labels.includes('billing') || labels.includes('refund')) return 'Billing';
  if (labels.includes('bug') || labels.includes('login')) return 'Technical';
  return null;
}

export function planConversations(now: number): PlannedConversation[] {
  const rand = random(20_260_101);
  const byLanguage = {
    ar: DEMO_THREADS.filter((t) => t.language === 'ar'),
    en: DEMO_THREADS.filter((t) => t.language === 'en'),
  };
  const plans: PlannedConversation[] = [];
  for (let i = 0; i < CONVERSATION_COUNT; i += 1) {
    const contactIndex = (i * 7) % DEMO_CONTACTS.length;
    const contact = DEMO_CONTACTS[contactIndex]!;
    const threads = byLanguage[contact.language];
    const thread = threads[i % threads.length]!;
    const inbox: InboxKey = i % 3 === 0 ? 'web' : 'api';
    const assignee = ASSIGNABLE[inbox][i % ASSIGNABLE[inbox].length] ?? null;
    const status = STATUSES[i % STATUSES.length]!;
    // Older conversations first: display ids grow with time, as in a real account.
    const createdAt = Math.round(
      now - 30 * DAY + (i / CONVERSATION_COUNT) * 29 * DAY + rand() * 6 * 60 * MINUTE,
    );
    const first = contact.name.split(' ')[0] ?? contact.name;
    const order = `#${100_200 + i * 37}`;
    let at = createdAt;
    const messages: PlannedMessage[] = [];
    const by = USER_NAMES.admin;
    const replier: UserKey = assignee ?? (inbox === 'web' ? 'sarah' : 'omar');
    const push = (message: Omit<PlannedMessage, 'at'>, gapMinutes: number) => {
      at = Math.min(at + Math.round(gapMinutes * MINUTE), now - MINUTE);
      messages.push({ ...message, at });
    };
    /** An activity line as the server writes one: the structure, and Chatwoot's English. */
    const pushActivity = (what: ConversationActivity, gapMinutes: number) =>
      push(
        {
          content: activityEnglish(what),
          activity: what,
          messageType: MESSAGE_TYPES.activity,
          private: false,
          sender: null,
        },
        gapMinutes,
      );
    thread.lines.forEach(([kind, text], index) => {
      const content = text.replaceAll('{first}', first).replaceAll('{order}', order);
      const gap = index === 0 ? 0 : 2 + rand() * 45;
      if (kind === 'in') {
        push(
          {
            content,
            messageType: MESSAGE_TYPES.incoming,
            private: false,
            sender: { type: 'Contact' },
          },
          gap,
        );
      } else {
        push(
          {
            content,
            messageType: MESSAGE_TYPES.outgoing,
            private: kind === 'note',
            sender: { type: 'User', user: replier },
          },
          gap,
        );
      }
      if (index === 0 && assignee) {
        const self = assignee === 'admin';
        pushActivity(
          { kind: 'assigned', assignee: USER_NAMES[assignee], self, by: { name: by } },
          1,
        );
      }
      if (index === 0 && thread.labels.length) {
        pushActivity(
          { kind: 'labels_added', labels: thread.labels, by: { name: USER_NAMES[replier] } },
          1,
        );
      }
      if (index === 0 && thread.priority) {
        pushActivity(
          { kind: 'priority', priority: thread.priority, by: { name: USER_NAMES[replier] } },
          1,
        );
      }
    });
    if (status !== 'open') {
      pushActivity({ kind: 'status', status, by: { name: USER_NAMES[replier] } }, 5 + rand() * 60);
    }

    let waitingSince: number | null = null;
    let firstReplyAt: number | null = null;
    let lastActivityAt = createdAt;
    let lastIncoming = 0;
    for (const message of messages) {
      if (message.messageType !== MESSAGE_TYPES.activity) lastActivityAt = message.at;
      if (message.messageType === MESSAGE_TYPES.incoming) {
        waitingSince ??= message.at;
        lastIncoming = message.at;
      } else if (message.messageType === MESSAGE_TYPES.outgoing && !message.private) {
        waitingSince = null;
        firstReplyAt ??= message.at;
      }
    }
    // Resolved ones were read to the end; some others wait on the agent with the customer's
    // last message unread — only where the customer wrote last (an agent's reply reads it).
    const said = messages.filter((m) => m.messageType !== MESSAGE_TYPES.activity && !m.private);
    const customerWroteLast = said.at(-1)?.messageType === MESSAGE_TYPES.incoming;
    const unread = status !== 'resolved' && i % 4 === 1 && customerWroteLast;
    const seen = unread ? lastIncoming - MINUTE : messages.at(-1)!.at;
    plans.push({
      displayId: i + 1,
      contactIndex,
      inbox,
      assignee,
      team: teamFor(thread.labels),
      status,
      priority: thread.priority,
      labels: thread.labels,
      messages,
      createdAt,
      lastActivityAt,
      waitingSince,
      firstReplyAt,
      agentLastSeenAt: seen,
      assigneeLastSeenAt: assignee ? seen : null,
      snoozedUntil: status === 'snoozed' ? now + (1 + (i % 3)) * DAY : null,
      browser: inbox === 'web' ? BROWSERS[i % BROWSERS.length]! : null,
    });
  }
  return plans;
}
