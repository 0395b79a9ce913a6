import { describe, expect, it } from 'vitest';
import { activityEnglish, readActivity, type ConversationActivity } from './activity';

const omar = { name: 'Omar Haddad' };
const app = { name: 'Omar Haddad', app: 'Order history' };

/** Chatwoot's English, as stored in `content` before activities had structure. */
const CASES: [ConversationActivity, string][] = [
  [{ kind: 'status', status: 'resolved', by: omar }, 'Conversation was resolved by Omar Haddad'],
  [{ kind: 'status', status: 'open', by: omar }, 'Conversation was reopened by Omar Haddad'],
  [
    { kind: 'status', status: 'resolved', by: app },
    'Conversation was resolved by Order history for Omar Haddad',
  ],
  [
    { kind: 'assigned', assignee: 'Sarah Miller', self: false, by: omar },
    'Assigned to Sarah Miller by Omar Haddad',
  ],
  [
    { kind: 'assigned', assignee: 'Omar Haddad', self: true, by: omar },
    'Omar Haddad self-assigned this conversation',
  ],
  [{ kind: 'unassigned', by: omar }, 'Conversation unassigned by Omar Haddad'],
  [{ kind: 'team_assigned', team: 'Billing', by: omar }, 'Assigned to Billing team by Omar Haddad'],
  [{ kind: 'team_unassigned', team: null, by: omar }, 'Unassigned from the team by Omar Haddad'],
  [{ kind: 'labels_added', labels: ['vip', 'refund'], by: omar }, 'Omar Haddad added vip, refund'],
  [
    { kind: 'labels_added', labels: ['refund-requested'], by: app },
    'Order history added the label refund-requested for Omar Haddad',
  ],
  [
    { kind: 'labels_removed', labels: ['a', 'b'], by: app },
    'Order history removed the labels a, b for Omar Haddad',
  ],
  [{ kind: 'priority', priority: 'high', by: omar }, 'Priority set to high by Omar Haddad'],
  [{ kind: 'priority', priority: null, by: omar }, 'Priority removed by Omar Haddad'],
  [{ kind: 'muted', by: omar }, 'Omar Haddad has muted the conversation'],
];

describe('activities', () => {
  it.each(CASES)('words %j in Chatwoot’s English', (activity, english) => {
    expect(activityEnglish(activity)).toBe(english);
  });

  it('reads back every stored structure', () => {
    for (const [activity] of CASES) {
      expect(readActivity(JSON.parse(JSON.stringify({ activity })))).toEqual(activity);
    }
  });

  it('reads nothing from what is not an activity it knows', () => {
    expect(readActivity({})).toBeNull();
    expect(readActivity(null)).toBeNull();
    expect(readActivity({ activity: { kind: 'status', status: 'gone', by: omar } })).toBeNull();
    expect(readActivity({ activity: { kind: 'exploded', by: omar } })).toBeNull();
    expect(readActivity({ activity: { kind: 'muted', by: { name: 3 } } })).toBeNull();
    expect(readActivity({ activity: { kind: 'labels_added', labels: [1], by: omar } })).toBeNull();
  });
});
