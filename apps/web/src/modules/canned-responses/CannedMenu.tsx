import { fillVariables } from '@bevatel/protocol';
import { useEffect, useRef } from 'react';
import { useAgentToolsT } from '../agent-tools/i18n';
import type { CannedPicker } from './useCannedPicker';
import '../agent-tools/agent-tools.css';

const PREVIEW_LENGTH = 140;

/** The list the `/` shortcut opens above the reply box (a listbox the text area controls). */
export function CannedMenu({ picker }: { picker: CannedPicker }) {
  const { t } = useAgentToolsT();
  const list = useRef<HTMLUListElement>(null);
  const { open, options, active } = picker;

  useEffect(() => {
    if (!open) return;
    const item = list.current?.children[active];
    if (item instanceof HTMLElement) item.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  if (!open) return null;
  return (
    <div className="canned-menu">
      {options.length > 0 ? (
        <ul id={picker.listId} ref={list} role="listbox" aria-label={t('canned.menuLabel')}>
          {options.map((option, index) => {
            const preview = fillVariables(option.content, picker.variables);
            return (
              <li
                key={option.id}
                id={picker.optionId(index)}
                role="option"
                aria-selected={index === active}
                className="canned-option"
                // Keep the focus (and caret) in the text area.
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => picker.setActive(index)}
                onClick={() => picker.choose(option)}
              >
                <span className="canned-code" dir="auto">
                  /{option.short_code}
                </span>
                <span className="canned-preview" dir="auto">
                  {preview.length > PREVIEW_LENGTH
                    ? `${preview.slice(0, PREVIEW_LENGTH)}…`
                    : preview}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p id={picker.listId} className="canned-empty muted small" dir="auto">
          {t('canned.noMatch', { query: picker.query })}
        </p>
      )}
      <p className="canned-hint muted small" aria-hidden="true">
        {t('canned.hint')}
      </p>
      <span className="sr-only" role="status">
        {t('canned.count', { count: options.length })}
      </span>
    </div>
  );
}
