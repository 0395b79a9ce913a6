import { APP_SETTING_TYPES, type AppSettingType } from '@bevatel/protocol';
import { useState } from 'react';
import { describedBy, FieldError, useSay } from './FormParts';
import type { AppFormErrors } from './form';
import { useDashboardAppsT } from './i18n';
import {
  keepsStoredSecret,
  nameFromLabel,
  optionsOf,
  type SettingDraft,
  type SettingPart,
} from './setting-drafts';

/** One setting: its value (secure ones masked once saved) and its definition. */
export function SettingCard({
  id,
  index,
  draft,
  errors,
  onChange,
  onRemove,
}: {
  id: string;
  index: number;
  draft: SettingDraft;
  errors: AppFormErrors;
  onChange: (next: SettingDraft) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useDashboardAppsT();
  const say = useSay();
  const error = (part: SettingPart) => say(errors[`setting.${index}.${part}`]);
  const definitionHasError = (
    ['name', 'label', 'labelAr', 'options', 'secure', 'default'] as const
  ).some((part) => errors[`setting.${index}.${part}`]);
  // A new setting opens on its definition; a saved one shows only its value.
  const [open, setOpen] = useState(draft.savedName === null);
  const label =
    (i18n.language.startsWith('ar') && draft.labelAr.trim()) ||
    draft.label.trim() ||
    t('settings.newSetting');
  const set = (patch: Partial<SettingDraft>) => onChange({ ...draft, ...patch });

  const setLabel = (text: string) =>
    set({ label: text, ...(draft.nameTouched ? {} : { name: nameFromLabel(text) }) });
  const setType = (type: AppSettingType) =>
    set({
      type,
      secure: type === 'text' && draft.secure,
      // A default of another type would no longer fit.
      default: type === draft.type ? draft.default : undefined,
    });

  return (
    <fieldset className="dapps-setting" data-field={`setting.${index}`}>
      <legend className="dapps-setting-legend">
        <span dir="auto">{label}</span>
        {draft.required ? <span className="dapps-tag">{t('settings.badgeRequired')}</span> : null}
        {draft.secure ? (
          <span className="dapps-tag dapps-tag-secure">{t('settings.badgeSecure')}</span>
        ) : null}
      </legend>
      <SettingValue
        id={`${id}-value`}
        label={label}
        draft={draft}
        error={error('value')}
        index={index}
        onChange={set}
      />

      <details
        className="dapps-setting-definition"
        open={open || definitionHasError}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary>{t('settings.definition')}</summary>
        <div className="dapps-setting-grid">
          <div className="dapps-field">
            <label htmlFor={`${id}-label`}>{t('settings.label')}</label>
            <input
              id={`${id}-label`}
              data-field={`setting.${index}.label`}
              type="text"
              dir="auto"
              autoComplete="off"
              value={draft.label}
              aria-invalid={error('label') ? true : undefined}
              aria-describedby={describedBy(`${id}-label`, false, error('label'))}
              onChange={(event) => setLabel(event.target.value)}
            />
            <FieldError id={`${id}-label-error`}>{error('label')}</FieldError>
          </div>
          <div className="dapps-field">
            <label htmlFor={`${id}-name`}>{t('settings.name')}</label>
            <input
              id={`${id}-name`}
              data-field={`setting.${index}.name`}
              type="text"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              value={draft.name}
              aria-invalid={error('name') ? true : undefined}
              aria-describedby={describedBy(`${id}-name`, true, error('name'))}
              onChange={(event) => set({ name: event.target.value, nameTouched: true })}
            />
            <p id={`${id}-name-hint`} className="dapps-field-hint">
              {draft.storedSecure && draft.savedName !== draft.name.trim()
                ? t('settings.renamedSecret')
                : t('settings.nameHint')}
            </p>
            <FieldError id={`${id}-name-error`}>{error('name')}</FieldError>
          </div>
          <div className="dapps-field">
            <label htmlFor={`${id}-label-ar`}>{t('settings.labelAr')}</label>
            <input
              id={`${id}-label-ar`}
              data-field={`setting.${index}.labelAr`}
              type="text"
              dir="rtl"
              lang="ar"
              autoComplete="off"
              value={draft.labelAr}
              aria-invalid={error('labelAr') ? true : undefined}
              aria-describedby={describedBy(`${id}-label-ar`, false, error('labelAr'))}
              onChange={(event) => set({ labelAr: event.target.value })}
            />
            <FieldError id={`${id}-label-ar-error`}>{error('labelAr')}</FieldError>
          </div>
          <div className="dapps-field">
            <label htmlFor={`${id}-type`}>{t('settings.type')}</label>
            <select
              id={`${id}-type`}
              value={draft.type}
              onChange={(event) => setType(event.target.value as AppSettingType)}
            >
              {APP_SETTING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`settings.types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          {draft.type === 'select' ? (
            <div className="dapps-field dapps-setting-wide">
              <label htmlFor={`${id}-options`}>{t('settings.options')}</label>
              <textarea
                id={`${id}-options`}
                data-field={`setting.${index}.options`}
                rows={3}
                dir="auto"
                value={draft.optionsText}
                aria-invalid={error('options') ? true : undefined}
                aria-describedby={describedBy(`${id}-options`, false, error('options'))}
                onChange={(event) => set({ optionsText: event.target.value })}
              />
              <FieldError id={`${id}-options-error`}>{error('options')}</FieldError>
            </div>
          ) : null}
          <div className="dapps-field dapps-setting-wide">
            <label htmlFor={`${id}-description`}>{t('settings.description')}</label>
            <input
              id={`${id}-description`}
              type="text"
              dir="auto"
              autoComplete="off"
              value={draft.description}
              onChange={(event) => set({ description: event.target.value })}
            />
          </div>
          <div className="dapps-setting-flags dapps-setting-wide">
            <label className="dapps-permission">
              <input
                type="checkbox"
                checked={draft.required}
                onChange={(event) => set({ required: event.target.checked })}
              />
              <span>{t('settings.required')}</span>
            </label>
            <label className="dapps-permission">
              <input
                type="checkbox"
                data-field={`setting.${index}.secure`}
                checked={draft.secure}
                disabled={draft.type !== 'text'}
                aria-describedby={`${id}-secure-hint`}
                onChange={(event) => set({ secure: event.target.checked, default: undefined })}
              />
              <span className="dapps-permission-text">
                <span>{t('settings.secure')}</span>
                <span id={`${id}-secure-hint`} className="dapps-field-hint">
                  {t('settings.secureHint')}
                </span>
              </span>
            </label>
            <FieldError id={`${id}-secure-error`}>{error('secure') || error('default')}</FieldError>
          </div>
        </div>
        <button
          type="button"
          className="button button-small dapps-danger-text"
          aria-label={t('settings.removeNamed', { label })}
          onClick={onRemove}
        >
          {t('settings.remove')}
        </button>
      </details>
    </fieldset>
  );
}

/** The value control of a setting, by type; a stored secure value is never shown. */
export function SettingValue({
  id,
  label,
  draft,
  error,
  index,
  onChange,
}: {
  id: string;
  label: string;
  draft: SettingDraft;
  error: string;
  index: number;
  onChange: (patch: Partial<SettingDraft>) => void;
}) {
  const { t } = useDashboardAppsT();
  const field = `setting.${index}.value`;
  const fallback =
    draft.default !== undefined && !draft.secure
      ? t('settings.whenEmpty', {
          value:
            typeof draft.default === 'boolean'
              ? t(draft.default ? 'settings.yes' : 'settings.no')
              : String(draft.default),
        })
      : '';
  const hint = [
    draft.description.trim(),
    fallback,
    draft.secure && !keepsStoredSecret(draft) ? t('settings.secretNew') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hintId = hint ? `${id}-hint` : null;
  const describe = [hintId, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'data-field': field,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describe,
    required: draft.required,
  } as const;
  const hintLine = hintId ? (
    <p id={hintId} className="dapps-field-hint" dir="auto">
      {hint}
    </p>
  ) : null;
  const errorLine = <FieldError id={`${id}-error`}>{error}</FieldError>;

  if (draft.type === 'boolean') {
    return (
      <div className="dapps-field">
        <label className="dapps-permission">
          <input
            {...common}
            type="checkbox"
            checked={draft.checked}
            onChange={(event) => onChange({ checked: event.target.checked })}
          />
          <span dir="auto">{label}</span>
        </label>
        {hintLine}
        {errorLine}
      </div>
    );
  }

  if (draft.secure && keepsStoredSecret(draft) && draft.secureAction !== 'replace') {
    const clearing = draft.secureAction === 'clear';
    return (
      <div className="dapps-field">
        <span className="dapps-field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="dapps-secret-saved">
          <span
            className="dapps-secret-mask"
            role="img"
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-state`}
          >
            <span aria-hidden="true">{clearing ? '—' : '••••••••'}</span>
          </span>
          <span id={`${id}-state`} className="dapps-field-hint">
            {clearing ? t('settings.willClear') : t('settings.secretSaved')}
          </span>
        </div>
        <div className="dapps-secret-actions">
          {clearing ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => onChange({ secureAction: 'keep' })}
            >
              {t('settings.keep')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button-small"
                data-field={field}
                aria-label={t('settings.replaceNamed', { label })}
                onClick={() => {
                  onChange({ secureAction: 'replace', text: '' });
                  requestAnimationFrame(() => document.getElementById(id)?.focus());
                }}
              >
                {t('settings.replace')}
              </button>
              {draft.required ? null : (
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={t('settings.clearNamed', { label })}
                  onClick={() => onChange({ secureAction: 'clear' })}
                >
                  {t('settings.clear')}
                </button>
              )}
            </>
          )}
        </div>
        {errorLine}
      </div>
    );
  }

  return (
    <div className="dapps-field">
      <label htmlFor={id}>{label}</label>
      {draft.type === 'select' ? (
        <select
          {...common}
          value={draft.text}
          onChange={(event) => onChange({ text: event.target.value })}
        >
          <option value="">{t('settings.noChoice')}</option>
          {optionsOf(draft).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <div className="dapps-secret-row">
          <input
            {...common}
            type={draft.secure ? 'password' : 'text'}
            inputMode={draft.type === 'number' ? 'decimal' : undefined}
            dir={draft.secure || draft.type === 'number' ? 'ltr' : 'auto'}
            autoComplete={draft.secure ? 'new-password' : 'off'}
            spellCheck={false}
            value={draft.text}
            onChange={(event) => onChange({ text: event.target.value })}
          />
          {draft.secure && keepsStoredSecret(draft) ? (
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => onChange({ secureAction: 'keep', text: '' })}
            >
              {t('settings.keep')}
            </button>
          ) : null}
        </div>
      )}
      {hintLine}
      {errorLine}
    </div>
  );
}
