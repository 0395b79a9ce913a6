import { URL_TEMPLATE_PLACEHOLDERS, URL_TEMPLATE_PREFIXES } from '@bevatel/protocol';
import { useDashboardAppsT } from './i18n';

type Group = 'conversation' | 'contact' | 'agent' | 'account' | 'other';
const GROUPS: Group[] = ['conversation', 'contact', 'agent', 'account', 'other'];

interface Entry {
  /** What is inserted between the braces. */
  name: string;
  /** A family (`contact.custom_attributes.`): the key is typed after it. */
  family: boolean;
}

const groupOf = (name: string): Group => {
  const head = name.split('.')[0] ?? '';
  return (GROUPS as string[]).includes(head) ? (head as Group) : 'other';
};

// The protocol's lists, so the help shows exactly what the server accepts.
const ENTRIES: Entry[] = [
  ...URL_TEMPLATE_PLACEHOLDERS.map((name) => ({ name, family: false })),
  ...URL_TEMPLATE_PREFIXES.map((name) => ({ name, family: true })),
];

/** The catalog key of a placeholder's meaning: `contact.custom_attributes.` → words.contact.custom_attributes. */
const meaningKey = (entry: Entry) => `template.words.${entry.name.replace(/\.$/, '')}`;

/**
 * The placeholders an app URL may hold, grouped, each a button that inserts it at the cursor
 * of the URL field (families leave the cursor where the attribute's key goes).
 */
export function UrlTemplateHelp({
  onInsert,
}: {
  onInsert: (text: string, caretFromEnd: number) => void;
}) {
  const { t } = useDashboardAppsT();
  return (
    <details className="dapps-template-help">
      <summary>{t('template.summary')}</summary>
      <p className="dapps-field-hint">{t('template.intro')}</p>
      {GROUPS.map((group) => {
        const entries = ENTRIES.filter((entry) => groupOf(entry.name) === group);
        if (entries.length === 0) return null;
        return (
          <div
            key={group}
            className="dapps-template-group"
            role="group"
            aria-label={t(`template.groups.${group}`)}
          >
            <p className="dapps-template-group-title" aria-hidden="true">
              {t(`template.groups.${group}`)}
            </p>
            <ul className="dapps-template-list">
              {entries.map((entry) => {
                const shown = entry.family ? `{{${entry.name}…}}` : `{{${entry.name}}}`;
                const meaning = t(meaningKey(entry));
                return (
                  <li key={entry.name}>
                    <button
                      type="button"
                      className="dapps-template-insert"
                      aria-label={t('template.insert', { placeholder: shown, meaning })}
                      onClick={() => onInsert(`{{${entry.name}}}`, entry.family ? 2 : 0)}
                    >
                      <code dir="ltr">{shown}</code>
                      <span className="dapps-template-meaning">
                        {meaning}
                        {entry.family ? (
                          <span className="muted"> ({t('template.keyHint')})</span>
                        ) : null}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </details>
  );
}
