import { latin } from './FormParts';
import { useDashboardAppsT } from './i18n';
import type { AppFormErrors } from './form';
import { newSettingDraft, type SettingDraft } from './setting-drafts';
import { SettingCard } from './SettingCard';

/**
 * The app's per-install settings: each with its value on top (what an administrator changes
 * most) and its definition folded below; new ones open on their definition.
 */
export function SettingsEditor({
  id,
  drafts,
  errors,
  onChange,
}: {
  id: string;
  drafts: SettingDraft[];
  errors: AppFormErrors;
  onChange: (next: SettingDraft[]) => void;
}) {
  const { t, i18n } = useDashboardAppsT();
  const update = (index: number, next: SettingDraft) =>
    onChange(drafts.map((draft, i) => (i === index ? next : draft)));
  const add = () => {
    const draft = newSettingDraft();
    onChange([...drafts, draft]);
    // The new card's label field, once rendered.
    requestAnimationFrame(() => document.getElementById(`${id}-${draft.key}-label`)?.focus());
  };
  return (
    <div className="dapps-settings" aria-describedby={`${id}-hint`}>
      <p id={`${id}-hint`} className="dapps-field-hint">
        {t('settings.hint', { example: latin(i18n.language, '{{settings.api_key}}') })}
      </p>
      {drafts.length === 0 ? <p className="muted dapps-empty-line">{t('settings.none')}</p> : null}
      <ol className="dapps-setting-list">
        {drafts.map((draft, index) => (
          <li key={draft.key}>
            <SettingCard
              id={`${id}-${draft.key}`}
              index={index}
              draft={draft}
              errors={errors}
              onChange={(next) => update(index, next)}
              onRemove={() => {
                onChange(drafts.filter((_, i) => i !== index));
                document.getElementById(`${id}-add`)?.focus();
              }}
            />
          </li>
        ))}
      </ol>
      <button id={`${id}-add`} type="button" className="button button-small" onClick={add}>
        {t('settings.add')}
      </button>
    </div>
  );
}
