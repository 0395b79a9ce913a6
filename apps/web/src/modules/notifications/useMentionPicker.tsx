import { useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Avatar } from '../../components/Avatar';
import { useAgents } from '../account-data/queries';
import { useAccount } from '../session/account';
import { useProfileQuery } from '../session/session';
import { useNotificationsT } from './i18n';
import {
  insertMention,
  matchAgents,
  mentionQueryAt,
  withMentionMarkup,
  type Mentionable,
  type MentionQuery,
} from './mentions';
import './notifications.css';

/**
 * The `@` picker of a private note: a listbox under the composer's text, driven from the
 * textarea (arrows move, Enter or Tab pick, Escape closes), announced through
 * aria-activedescendant. Separate from other composer popups: it is open only while an
 * `@word` is at the caret of a note.
 */
export function useMentionPicker({
  textarea,
  enabled,
  setText,
}: {
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Notes only: a reply to the customer mentions no one. */
  enabled: boolean;
  /** Puts the new draft (and caret) in place. */
  setText: (text: string, caret: number) => void;
}) {
  const { t } = useNotificationsT();
  const account = useAccount();
  const { data: profile } = useProfileQuery();
  const { data: agents } = useAgents(account.id);
  const id = useId();
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const picked = useRef<Mentionable[]>([]);

  const candidates = useMemo(
    () =>
      query
        ? matchAgents(
            (agents ?? [])
              .filter((agent) => agent.id !== profile?.id)
              .map((agent) => ({ id: agent.id, name: agent.available_name || agent.name })),
            query.query,
          )
        : [],
    [agents, profile?.id, query],
  );
  const open = enabled && query !== null && query.start !== dismissedAt;

  /** Call after every change of text or caret. */
  const track = (text: string, caret: number) => {
    const next = enabled ? mentionQueryAt(text, caret) : null;
    setQuery(next);
    if (next?.start !== query?.start) setActive(0);
    if (next === null) setDismissedAt(null);
  };

  const choose = (agent: Mentionable) => {
    const element = textarea.current;
    if (!query || !element) return;
    const next = insertMention(element.value, query, element.selectionStart, agent);
    if (!picked.current.some((p) => p.id === agent.id)) picked.current.push(agent);
    setQuery(null);
    setText(next.text, next.caret);
    element.focus();
  };

  /** True when the key was the picker's (the composer must not act on it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(query.start);
      return true;
    }
    if (candidates.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + candidates.length) % candidates.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(candidates[Math.min(active, candidates.length - 1)]!);
      return true;
    }
    return false;
  };

  const optionId = (index: number) => `${id}-mention-${index}`;
  const listId = `${id}-mentions`;
  // Only while open, so another popup's attributes on the same textarea stay (the `/` menu).
  const textareaProps = {
    'aria-autocomplete': 'list' as const,
    ...(open ? { 'aria-controls': listId } : {}),
    ...(open && candidates.length > 0 ? { 'aria-activedescendant': optionId(active) } : {}),
  };

  const picker = open ? (
    <ul id={listId} role="listbox" aria-label={t('mention.listLabel')} className="mention-picker">
      {candidates.length === 0 ? (
        <li role="option" aria-selected={false} aria-disabled="true" className="mention-none">
          {t('mention.none')}
        </li>
      ) : (
        candidates.map((agent, index) => (
          <li
            key={agent.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="mention-option"
            // Keeps the focus in the textarea: the pick happens on click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(agent)}
          >
            <Avatar name={agent.name} src={null} size={22} />
            <span dir="auto">{agent.name}</span>
          </li>
        ))
      )}
    </ul>
  ) : null;

  return {
    picker,
    textareaProps,
    onKeyDown,
    track,
    /** The note as it goes out: picked mentions as markup. Clears what was picked. */
    finalize(content: string): string {
      const out = withMentionMarkup(content, picked.current);
      picked.current = [];
      return out;
    },
  };
}
