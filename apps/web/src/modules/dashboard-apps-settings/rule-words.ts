/**
 * A visibility rule in words, as the apps table and the form's summary say it:
 * "Administrators only · Inbox Support". Names of several inboxes or teams are joined with
 * "or" (any one of them lets the app appear), in the dashboard's language.
 */
import type { DashboardAppVisibility } from '@bevatel/protocol';
import type { TFunction } from 'i18next';

export interface RuleNames {
  inbox: (id: number) => string | undefined;
  team: (id: number) => string | undefined;
}

function joinOr(names: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: 'disjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

export function ruleInWords(
  rule: DashboardAppVisibility,
  lookup: RuleNames,
  t: TFunction,
  language: string,
): string {
  const parts: string[] = [];
  // Both roles listed is no restriction by role.
  const [role] = rule.roles.length === 1 ? rule.roles : [];
  if (role) parts.push(t(`who.only.${role}`));
  const list = (ids: number[], nameOf: (id: number) => string | undefined) =>
    joinOr(
      ids.map((id) => nameOf(id) ?? t('who.unknown', { id })),
      language,
    );
  if (rule.inbox_ids.length > 0) {
    const names = list(rule.inbox_ids, lookup.inbox);
    parts.push(t(rule.inbox_ids.length === 1 ? 'who.inbox' : 'who.inboxesList', { names }));
  }
  if (rule.team_ids.length > 0) {
    const names = list(rule.team_ids, lookup.team);
    parts.push(t(rule.team_ids.length === 1 ? 'who.team' : 'who.teamsList', { names }));
  }
  return parts.length === 0 ? t('who.all') : parts.join(' · ');
}
