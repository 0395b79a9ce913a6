import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { EmptyState, ErrorState, LoadingState, errorMessageKey } from '../../components/States';
import { ApiError, type ApiClient } from '../../lib/api';
import type { ResponseTo } from '../../lib/api-paths';
import { useApi } from '../../lib/api-context';
import { useAccount } from '../session/account';

export type FormValues = Record<string, string | boolean>;

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'email' | 'textarea' | 'select' | 'color' | 'checkbox';
  options?: { value: string; label: string }[];
  required?: boolean;
  /** Shown when creating only (e.g. an inbox's channel, an agent's email). */
  createOnly?: boolean;
  dir?: 'ltr' | 'auto';
  hint?: string;
}

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/** The account collections these pages manage (each has list, create, update and delete). */
export type ResourcePath =
  'agents' | 'inboxes' | 'teams' | 'labels' | 'canned_responses' | 'custom_attribute_definitions';

/** What creating one answers. */
export type Created<P extends ResourcePath> = ResponseTo<'POST', `/api/v1/accounts/${number}/${P}`>;

export interface ResourceConfig<T extends { id: number }, P extends ResourcePath = ResourcePath> {
  /** Collection path under the account, e.g. "labels". */
  path: P;
  /** The items (Chatwoot answers some collections bare, some as `{payload}`). */
  list: (api: ApiClient, accountId: number) => Promise<T[]>;
  queryKey: (accountId: number) => QueryKey;
  title: string;
  description: string;
  addLabel: string;
  emptyLabel: string;
  columns: Column<T>[];
  fields: FieldSpec[];
  toForm: (item: T | null) => FormValues;
  toBody: (values: FormValues, creating: boolean) => Record<string, unknown>;
  nameOf: (item: T) => string;
  /** Something to show once after creating (an agent's invitation link). */
  afterCreate?: (answer: Created<P>) => ReactNode;
  canDelete?: (item: T) => boolean;
  /** More buttons of a row; `notify` shows their outcome above the table (a reset link). */
  rowActions?: (item: T, notify: (notice: ReactNode) => void) => ReactNode;
}

type Editing<T> = { mode: 'create' } | { mode: 'edit'; item: T } | null;

/** List + create/edit form + delete with confirmation: the shape every settings page shares. */
export function ResourceSettings<T extends { id: number }, P extends ResourcePath>({
  config,
  children,
}: {
  config: ResourceConfig<T, P>;
  /** More of the page, below the table (e.g. pending invitations). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const queryClient = useQueryClient();
  const key = config.queryKey(account.id);
  const list = useQuery({
    queryKey: key,
    queryFn: () => config.list(api, account.id),
  });
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const remove = useMutation({
    mutationFn: (item: T) => api.delete(api.account(account.id, `${config.path}/${item.id}`)),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{config.title}</h1>
          <p className="muted">{config.description}</p>
        </div>
        {editing?.mode === 'create' ? null : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'create' });
            }}
          >
            <Icon name="plus" size={16} /> {config.addLabel}
          </button>
        )}
      </div>
      {notice ? (
        <div className="notice" role="status">
          {notice}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      {editing ? (
        <ResourceForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          config={config}
          item={editing.mode === 'edit' ? editing.item : null}
          onCancel={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            if (created !== undefined && config.afterCreate) setNotice(config.afterCreate(created));
            void queryClient.invalidateQueries({ queryKey: key });
          }}
        />
      ) : null}
      {remove.error ? (
        <p className="form-error" role="alert">
          {t(errorMessageKey(remove.error))}
        </p>
      ) : null}
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState title={config.emptyLabel} icon="settings" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{config.title}</caption>
            <thead>
              <tr>
                {config.columns.map((column) => (
                  <th key={column.header} scope="col">
                    {column.header}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <tr key={item.id}>
                  {config.columns.map((column) => (
                    <td key={column.header}>{column.cell(item)}</td>
                  ))}
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('common.editItem', { name: config.nameOf(item) })}
                      onClick={() => {
                        setNotice(null);
                        setEditing({ mode: 'edit', item });
                      }}
                    >
                      <Icon name="edit" size={14} /> {t('common.edit')}
                    </button>
                    {config.rowActions?.(item, setNotice)}
                    {config.canDelete && !config.canDelete(item) ? null : confirming === item.id ? (
                      <>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(item)}
                        >
                          {t('common.confirmDelete', { name: config.nameOf(item) })}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setConfirming(null)}
                        >
                          {t('common.cancel')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('common.deleteItem', { name: config.nameOf(item) })}
                        onClick={() => setConfirming(item.id)}
                      >
                        <Icon name="trash" size={14} /> {t('common.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </div>
  );
}

function ResourceForm<T extends { id: number }, P extends ResourcePath>({
  config,
  item,
  onCancel,
  onSaved,
}: {
  config: ResourceConfig<T, P>;
  item: T | null;
  onCancel: () => void;
  /** `created`: the answer to creating one (undefined after an edit). */
  onSaved: (created: Created<P> | undefined) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const id = useId();
  const creating = item === null;
  const [values, setValues] = useState<FormValues>(() => config.toForm(item));
  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>): Promise<Created<P> | undefined> => {
      if (creating) return api.post(api.account(account.id, config.path), body);
      await api.patch(api.account(account.id, `${config.path}/${item.id}`), body);
      return undefined;
    },
    onSuccess: (created) => onSaved(created),
  });
  const fields = config.fields.filter((field) => creating || !field.createOnly);
  const badField = save.error instanceof ApiError ? save.error.field : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(config.toBody(values, creating));
  };

  return (
    <form className="card resource-form" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {creating
          ? config.addLabel
          : t('common.editItem', { name: item ? config.nameOf(item) : '' })}
      </h2>
      {fields.map((field) => {
        const fieldId = `${id}-field-${field.name}`;
        const value = values[field.name];
        const set = (next: string | boolean) => setValues((v) => ({ ...v, [field.name]: next }));
        const invalid = badField === field.name || undefined;
        const hintId = field.hint ? `${fieldId}-hint` : undefined;
        if (field.type === 'checkbox') {
          return (
            <div key={field.name} className="field field-checkbox">
              <input
                id={fieldId}
                type="checkbox"
                checked={value === true}
                onChange={(e) => set(e.target.checked)}
              />
              <label htmlFor={fieldId}>{field.label}</label>
            </div>
          );
        }
        return (
          <div key={field.name} className="field">
            <label htmlFor={fieldId}>{field.label}</label>
            {field.type === 'textarea' ? (
              <textarea
                id={fieldId}
                dir={field.dir ?? 'auto'}
                value={String(value ?? '')}
                required={field.required}
                aria-invalid={invalid}
                aria-describedby={hintId}
                onChange={(e) => set(e.target.value)}
              />
            ) : field.type === 'select' ? (
              <select
                id={fieldId}
                value={String(value ?? '')}
                aria-invalid={invalid}
                aria-describedby={hintId}
                onChange={(e) => set(e.target.value)}
              >
                {(field.options ?? []).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={fieldId}
                type={field.type}
                dir={field.dir ?? 'auto'}
                value={String(value ?? '')}
                required={field.required}
                aria-invalid={invalid}
                aria-describedby={hintId}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {field.hint ? (
              <p id={hintId} className="muted small">
                {field.hint}
              </p>
            ) : null}
          </div>
        );
      })}
      {save.error ? (
        <p className="form-error" role="alert">
          <Icon name="alert" size={14} /> {t(errorMessageKey(save.error))}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
