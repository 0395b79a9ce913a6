import type {
  AttributeModel,
  CustomAttributeDefinition,
  JsonObject,
  JsonValue,
} from '@bevatel/protocol';
import { useId, useState, type FormEvent } from 'react';
import { Icon } from '../../components/Icon';
import { WrappingText } from '../../components/WrappingText';
import { ApiError } from '../../lib/api';
import { useAgentToolsT } from '../agent-tools/i18n';
import { usePreferences } from '../preferences/preferences';
import { useDefinitionsOf } from './queries';
import { formatValue, fromControlValue, toControlValue } from './value-format';
import '../agent-tools/agent-tools.css';

type Save = (patch: JsonObject) => Promise<unknown>;

const problemOf = (error: unknown): string | null =>
  error instanceof ApiError ? error.message : error ? String(error) : null;

/**
 * The defined custom attributes of a contact or a conversation, each shown by its display name
 * and edited with the control of its type (date picker, select, checkbox…); keys without a
 * definition are listed after them as they are.
 */
export function CustomAttributesPanel({
  accountId,
  model,
  values,
  onSave,
  showOthers = true,
}: {
  accountId: number;
  model: AttributeModel;
  values: JsonObject;
  onSave: Save;
  /** List the keys without a definition too. */
  showOthers?: boolean;
}) {
  const { t } = useAgentToolsT();
  const headingId = useId();
  const { definitions, isSuccess } = useDefinitionsOf(accountId, model);
  const defined = new Set(definitions.map((definition) => definition.attribute_key));
  const others = Object.entries(values).filter(([key]) => !defined.has(key));
  const heading =
    model === 'contact_attribute'
      ? t('attributes.contactHeading')
      : t('attributes.conversationHeading');
  return (
    <section className="custom-attributes" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {heading}
      </h3>
      {definitions.length > 0 ? (
        <dl className="attribute-list">
          {definitions.map((definition) => (
            <AttributeRow
              key={definition.id}
              definition={definition}
              value={values[definition.attribute_key]}
              onSave={onSave}
            />
          ))}
        </dl>
      ) : isSuccess ? (
        <p className="muted small">{t('attributes.none')}</p>
      ) : null}
      {showOthers && others.length > 0 ? (
        <>
          <h4 className="section-title small">{t('attributes.otherAttributes')}</h4>
          <dl className="attribute-list">
            {others.map(([key, value]) => (
              <div key={key} className="attribute-item">
                <dt dir="auto">{key}</dt>
                <dd dir="auto">
                  <WrappingText text={typeof value === 'string' ? value : JSON.stringify(value)} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

function AttributeRow({
  definition,
  value,
  onSave,
}: {
  definition: CustomAttributeDefinition;
  value: JsonValue | undefined;
  onSave: Save;
}) {
  const { t } = useAgentToolsT();
  const { locale } = usePreferences();
  const id = useId();
  const name = definition.attribute_display_name;
  const type = definition.attribute_display_type;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = `${id}-error`;
  // A checkbox shows the agent's click at once; the stored value takes over once saved.
  const [pendingCheck, setPendingCheck] = useState<boolean | null>(null);

  const save = async (next: JsonValue) => {
    setBusy(true);
    setError(null);
    try {
      await onSave({ [definition.attribute_key]: next });
      setEditing(false);
    } catch (caught) {
      setError(problemOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const label = (
    <dt id={`${id}-name`} dir="auto" title={definition.attribute_description ?? undefined}>
      {name}
    </dt>
  );

  if (type === 'checkbox') {
    return (
      <div className="attribute-item">
        {label}
        <dd>
          <input
            type="checkbox"
            aria-labelledby={`${id}-name`}
            aria-describedby={error ? errorId : undefined}
            checked={pendingCheck ?? value === true}
            disabled={busy}
            onChange={(event) => {
              const checked = event.target.checked;
              setPendingCheck(checked);
              void save(checked).finally(() => setPendingCheck(null));
            }}
          />
          {error ? (
            <p id={errorId} className="attribute-error" role="alert" dir="auto">
              {error}
            </p>
          ) : null}
        </dd>
      </div>
    );
  }

  if (editing) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      void save(fromControlValue(type, draft));
    };
    const common = {
      id: `${id}-control`,
      'aria-labelledby': `${id}-name`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? errorId : undefined,
      disabled: busy,
      autoFocus: true,
    } as const;
    return (
      <div className="attribute-item attribute-editing">
        {label}
        <dd>
          <form className="attribute-edit" onSubmit={submit}>
            {type === 'list' ? (
              <select {...common} value={draft} onChange={(event) => setDraft(event.target.value)}>
                <option value="">{t('attributes.choose')}</option>
                {definition.attribute_values.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={
                  type === 'number'
                    ? 'number'
                    : type === 'link'
                      ? 'url'
                      : type === 'date'
                        ? 'date'
                        : 'text'
                }
                step={type === 'number' ? 'any' : undefined}
                dir={type === 'link' || type === 'number' || type === 'date' ? 'ltr' : 'auto'}
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') setEditing(false);
                }}
              />
            )}
            <button type="submit" className="button button-small button-primary" disabled={busy}>
              {t('attributes.save')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              {t('attributes.cancel')}
            </button>
          </form>
          {error ? (
            <p id={errorId} className="attribute-error" role="alert" dir="auto">
              {error}
            </p>
          ) : null}
        </dd>
      </div>
    );
  }

  const text = formatValue(type, value, locale);
  return (
    <div className="attribute-item">
      {label}
      <dd className="attribute-value">
        <span dir={type === 'link' ? 'ltr' : 'auto'}>
          {text === null ? (
            <span className="muted">{t('attributes.notSet')}</span>
          ) : type === 'link' ? (
            <a href={text} target="_blank" rel="noopener noreferrer">
              <WrappingText text={text} />
            </a>
          ) : (
            <WrappingText text={text} />
          )}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('attributes.edit', { name })}
          title={t('attributes.edit', { name })}
          onClick={() => {
            setDraft(toControlValue(type, value));
            setError(null);
            setEditing(true);
          }}
        >
          <Icon name="edit" size={14} />
        </button>
      </dd>
    </div>
  );
}
