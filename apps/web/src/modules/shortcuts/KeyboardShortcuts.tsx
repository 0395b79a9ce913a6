import { Fragment, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Sheet } from '../../components/Sheet';
import { useAgentToolsT } from '../agent-tools/i18n';
import {
  assignToMe,
  focusComposer,
  neighbourConversation,
  openTab,
  resolveConversation,
  toggleComposerMode,
} from './actions';
import { SHORTCUT_KEYS, shortcutFor, type ShortcutAction } from './keymap';
import '../agent-tools/agent-tools.css';

const LABELS: Record<ShortcutAction['type'], string> = {
  next: 'shortcuts.next',
  previous: 'shortcuts.previous',
  focusComposer: 'shortcuts.focusComposer',
  toggleMode: 'shortcuts.toggleMode',
  resolve: 'shortcuts.resolve',
  assignToMe: 'shortcuts.assignToMe',
  tab: 'shortcuts.openTab',
  help: 'shortcuts.help',
};

/**
 * The dashboard's keyboard shortcuts (one listener for the signed-in shell) and the `?` sheet
 * that lists them. None fires while the agent types in a field (keymap.ts).
 */
export function KeyboardShortcuts() {
  const { t } = useAgentToolsT();
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Inside a dialog (this sheet, a menu sheet) keys belong to it.
      if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      let handled = true;
      switch (action.type) {
        case 'next':
        case 'previous': {
          const href = neighbourConversation(action.type === 'next' ? 1 : -1);
          if (href) navigate(href);
          else handled = false;
          break;
        }
        case 'focusComposer':
          handled = focusComposer();
          break;
        case 'toggleMode':
          handled = toggleComposerMode();
          break;
        case 'resolve':
          handled = resolveConversation();
          break;
        case 'assignToMe':
          handled = assignToMe();
          break;
        case 'tab':
          handled = openTab(action.index);
          break;
        case 'help':
          setHelpOpen(true);
          break;
      }
      // Handled keys are not typed where the focus lands (the reply box after `r`).
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  return (
    <Sheet open={helpOpen} title={t('shortcuts.title')} onClose={() => setHelpOpen(false)}>
      <p className="muted small">{t('shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {SHORTCUT_KEYS.map(({ action, keys }) => (
          <Fragment key={action}>
            <dt>{t(LABELS[action])}</dt>
            <dd>
              {action === 'tab' ? (
                <>
                  <kbd>{keys[0]}</kbd> – <kbd>{keys[1]}</kbd>
                </>
              ) : (
                keys.map((key) => <kbd key={key}>{key.toUpperCase()}</kbd>)
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
    </Sheet>
  );
}
