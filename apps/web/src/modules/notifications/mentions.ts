/**
 * Mentions in the composer: the agent types `@` and a few letters, picks an agent, and the
 * draft shows `@Name`; when the note is sent each picked `@Name` still in the text becomes
 * Chatwoot's markup `[@Name](mention://user/ID/Name)`, which the server reads.
 */
import { mentionMarkup } from '@bevatel/protocol';

export interface MentionQuery {
  /** Where the `@` is. */
  start: number;
  query: string;
}

const MAX_QUERY = 40;

/** The `@word` being typed at the caret, if any: `@` at the start or after a space. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /\s/.test(query)) return null;
  return { start: at, query };
}

export interface Mentionable {
  id: number;
  name: string;
}

/** Agents whose name has a word starting with the query (case- and accent-insensitive). */
export function matchAgents<T extends Mentionable>(agents: readonly T[], query: string, max = 8) {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const q = fold(query);
  return agents
    .filter(
      (agent) =>
        q === '' ||
        fold(agent.name)
          .split(/\s+/)
          .some((w) => w.startsWith(q)),
    )
    .slice(0, max);
}

/** The draft with the typed `@query` replaced by `@Name `; answers the caret after it. */
export function insertMention(
  text: string,
  at: MentionQuery,
  caret: number,
  agent: Mentionable,
): { text: string; caret: number } {
  const inserted = `@${agent.name} `;
  return {
    text: text.slice(0, at.start) + inserted + text.slice(caret),
    caret: at.start + inserted.length,
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The note as sent: each picked agent's `@Name` (a whole name, not a prefix) as markup. */
export function withMentionMarkup(content: string, picked: readonly Mentionable[]): string {
  let out = content;
  // Longest names first, so "@Omar Haddad" wins over a picked "@Omar".
  for (const agent of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`(^|\\s)@${escapeRegExp(agent.name)}(?=$|[\\s.,;:!?،؛؟)])`, 'gu');
    out = out.replace(pattern, (_whole, space: string) => `${space}${mentionMarkup(agent)}`);
  }
  return out;
}
