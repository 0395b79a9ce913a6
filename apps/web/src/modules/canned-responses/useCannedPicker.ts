import { fillVariables, type CannedResponse, type VariableSource } from '@bevatel/protocol';
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCannedResponses } from './queries';
import { matchCanned, replaceSlash, slashQueryAt, type SlashQuery } from './slash';

export interface CannedPicker {
  open: boolean;
  listId: string;
  optionId: (index: number) => string;
  options: CannedResponse[];
  active: number;
  query: string;
  loaded: boolean;
  variables: VariableSource;
  /** Tell the picker what the text and caret are now (on change and on select). */
  update(text: string, caret: number): void;
  /** Handles the listbox keys while it is open; true when the key was the picker's. */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  choose(option: CannedResponse): void;
  setActive(index: number): void;
  /** ARIA for the text area: it owns the list while it is open. */
  inputProps: {
    'aria-autocomplete': 'list';
    'aria-controls'?: string;
    'aria-activedescendant'?: string;
  };
}

/**
 * The composer's `/` shortcut: typing `/` then letters lists the canned responses that match;
 * ↑/↓ choose, Enter or Tab insert (variables filled from the conversation), Esc closes.
 */
export function useCannedPicker({
  accountId,
  variables,
  onApply,
}: {
  accountId: number;
  variables: VariableSource;
  /** Puts the new text in the composer with the caret at `caret`. */
  onApply: (text: string, caret: number) => void;
}): CannedPicker {
  const id = useId();
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [armed, setArmed] = useState(false);
  const [active, setActive] = useState(0);
  const dismissedAt = useRef<number | null>(null);
  const latest = useRef({ text: '', caret: 0 });
  const list = useCannedResponses(accountId, armed);
  const options = useMemo(
    () => (slash ? matchCanned(list.data ?? [], slash.query) : []),
    [list.data, slash],
  );
  const open = slash !== null && list.isSuccess;
  const listId = `${id}-canned`;
  const optionId = useCallback((index: number) => `${id}-canned-${index}`, [id]);

  const update = useCallback((text: string, caret: number) => {
    latest.current = { text, caret };
    const found = slashQueryAt(text, caret);
    if (!found || found.start === dismissedAt.current) {
      if (!found) dismissedAt.current = null;
      setSlash(null);
      return;
    }
    setArmed(true);
    setSlash((current) =>
      current?.start === found.start && current.query === found.query ? current : found,
    );
    setActive(0);
  }, []);

  const choose = useCallback(
    (option: CannedResponse) => {
      const { text, caret } = latest.current;
      const current = slashQueryAt(text, caret);
      if (!current) return;
      const next = replaceSlash(text, current, caret, fillVariables(option.content, variables));
      setSlash(null);
      latest.current = next;
      onApply(next.text, next.caret);
    },
    [onApply, variables],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    const count = options.length;
    if (event.key === 'Escape') {
      event.preventDefault();
      dismissedAt.current = slash.start;
      setSlash(null);
      return true;
    }
    if (count === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + count) % count);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      const option = options[Math.min(active, count - 1)];
      if (!option) return false;
      event.preventDefault();
      choose(option);
      return true;
    }
    return false;
  };

  return {
    open,
    listId,
    optionId,
    options,
    active: Math.min(active, Math.max(options.length - 1, 0)),
    query: slash?.query ?? '',
    loaded: list.isSuccess,
    variables,
    update,
    onKeyDown,
    choose,
    setActive,
    inputProps: {
      'aria-autocomplete': 'list',
      ...(open ? { 'aria-controls': listId } : {}),
      ...(open && options.length > 0 ? { 'aria-activedescendant': optionId(active) } : {}),
    },
  };
}
