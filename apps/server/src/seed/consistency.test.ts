import { activityEnglish, MESSAGE_TYPES, readActivity } from '@bevatel/protocol';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTACTS } from './contacts';
import { planConversations, USER_NAMES } from './plan';

/** Demo data that holds together, checked on the plan the seed writes. */
describe('the demo conversations', () => {
  const plans = planConversations(Date.UTC(2026, 0, 15, 12));
  const said = (plan: (typeof plans)[number]) =>
    plan.messages.filter((m) => m.messageType !== MESSAGE_TYPES.activity && !m.private);

  it('have unread messages only where the customer wrote last', () => {
    const unread = plans.filter((plan) =>
      plan.messages.some(
        (m) =>
          m.messageType === MESSAGE_TYPES.incoming &&
          (plan.agentLastSeenAt === null || m.at > plan.agentLastSeenAt),
      ),
    );
    expect(unread.length).toBeGreaterThan(0);
    for (const plan of unread) {
      expect(said(plan).at(-1)?.messageType, `#${plan.displayId}`).toBe(MESSAGE_TYPES.incoming);
    }
  });

  it('never name another customer in a customer’s conversation', () => {
    const names = DEMO_CONTACTS.map((c) => c.name);
    const agentFirstNames = new Set(Object.values(USER_NAMES).map((name) => name.split(' ')[0]));
    for (const plan of plans) {
      const own = DEMO_CONTACTS[plan.contactIndex]!.name;
      for (const m of plan.messages) {
        for (const other of names.filter((n) => n !== own)) {
          expect(m.content.includes(other), `#${plan.displayId}: ${m.content}`).toBe(false);
          // Nor by first name ("Thanks, Priya" in Aisha's thread), unless it is also the
          // customer's own or an agent's first name.
          const first = other.split(' ')[0]!;
          if (own.split(' ')[0] === first || agentFirstNames.has(first)) continue;
          expect(
            new RegExp(`(^|[^\\p{L}])${first}($|[^\\p{L}])`, 'u').test(m.content),
            `#${plan.displayId} names ${first}: ${m.content}`,
          ).toBe(false);
        }
      }
    }
  });

  it('have agents speak of themselves in the first person', () => {
    for (const plan of plans) {
      for (const m of plan.messages) {
        if (m.sender?.type !== 'User') continue;
        const first = USER_NAMES[m.sender.user].split(' ')[0]!;
        // A customer may share the agent's first name ("Hi Omar" to Omar Farouk).
        if (DEMO_CONTACTS[plan.contactIndex]!.name.startsWith(`${first} `)) continue;
        expect(
          new RegExp(`\\b${first}\\b`).test(m.content),
          `#${plan.displayId}: ${m.content}`,
        ).toBe(false);
      }
    }
  });

  it('write activity lines with their structure, worded as the server words them', () => {
    const lines = plans.flatMap((plan) =>
      plan.messages.filter((m) => m.messageType === MESSAGE_TYPES.activity),
    );
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      const activity = readActivity({ activity: line.activity });
      expect(activity, line.content).not.toBeNull();
      expect(line.content).toBe(activityEnglish(activity!));
    }
  });
});
