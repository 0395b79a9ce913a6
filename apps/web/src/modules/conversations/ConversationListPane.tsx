import { ASSIGNEE_TYPES, CONVERSATION_STATUSES, type AssigneeType } from '@bevatel/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Tabs } from '../../components/Tabs';
import { formatNumber } from '../../lib/format';
import { useDebounced } from '../../lib/hooks';
import { useInboxes, useLabels } from '../account-data/queries';
import { usePreferences } from '../preferences/preferences';
import { SearchResults } from '../search/SearchResults';
import { useAccount } from '../session/account';
import { ConversationList } from './ConversationList';
import type { ConversationFilters, StatusFilter } from './filters';
import { useConversationCounts } from './queries';

const STATUS_OPTIONS: StatusFilter[] = [...CONVERSATION_STATUSES, 'all'];

export function ConversationListPane({
  filters,
  onFiltersChange,
  selectedId,
}: {
  filters: ConversationFilters;
  onFiltersChange: (filters: ConversationFilters) => void;
  selectedId: number | null;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const account = useAccount();
  const id = useId();
  const counts = useConversationCounts(account.id, filters);
  const inboxes = useInboxes(account.id);
  const labels = useLabels(account.id);
  const [search, setSearch] = useState(filters.q);
  const debouncedSearch = useDebounced(search, 300);

  useEffect(() => {
    if (debouncedSearch !== filters.q) onFiltersChange({ ...filters, q: debouncedSearch });
  }, [debouncedSearch, filters, onFiltersChange]);

  const countOf = (type: AssigneeType) => {
    const meta = counts.data;
    if (!meta) return null;
    return type === 'me'
      ? meta.mine_count
      : type === 'unassigned'
        ? meta.unassigned_count
        : meta.all_count;
  };
  const panelId = `${id}-panel`;
  // A search has its own view across tabs and statuses: the tabs and filters step aside.
  const searching = filters.q.trim().length > 0;

  return (
    <section className="list-pane" aria-labelledby={`${id}-title`}>
      <div className="list-pane-header">
        <h1 id={`${id}-title`} className="list-title">
          {t('conversations.title')}
        </h1>
        <div className="search-box">
          <Icon name="search" />
          <label htmlFor={`${id}-search`} className="sr-only">
            {t('conversations.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            maxLength={200}
            placeholder={t('conversations.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {searching ? (
            <button
              type="button"
              className="icon-button search-clear"
              aria-label={t('search.clear')}
              title={t('search.clear')}
              onClick={() => setSearch('')}
            >
              <Icon name="close" size={14} />
            </button>
          ) : null}
        </div>
        {searching ? null : (
          <>
            <div className="list-filters">
              <div className="field-inline">
                <label htmlFor={`${id}-status`}>{t('conversations.filters.status')}</label>
                <select
                  id={`${id}-status`}
                  value={filters.status}
                  onChange={(e) =>
                    onFiltersChange({ ...filters, status: e.target.value as StatusFilter })
                  }
                >
                  {STATUS_OPTIONS.map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field-inline">
                <label htmlFor={`${id}-inbox`}>{t('conversations.filters.inbox')}</label>
                <select
                  id={`${id}-inbox`}
                  value={filters.inboxId ?? ''}
                  onChange={(e) =>
                    onFiltersChange({
                      ...filters,
                      inboxId: e.target.value ? Number(e.target.value) : null,
                    })
                  }
                >
                  <option value="">{t('conversations.filters.allInboxes')}</option>
                  {(inboxes.data ?? []).map((inbox) => (
                    <option key={inbox.id} value={inbox.id}>
                      {inbox.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field-inline">
                <label htmlFor={`${id}-label`}>{t('conversations.filters.label')}</label>
                <select
                  id={`${id}-label`}
                  value={filters.label ?? ''}
                  onChange={(e) => onFiltersChange({ ...filters, label: e.target.value || null })}
                >
                  <option value="">{t('conversations.filters.allLabels')}</option>
                  {(labels.data ?? []).map((label) => (
                    <option key={label.id} value={label.title}>
                      {label.title}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <Tabs
              label={t('conversations.assigneeTabs')}
              idPrefix={`${id}-tab`}
              panelId={panelId}
              selected={filters.assigneeType}
              onSelect={(assigneeType) => onFiltersChange({ ...filters, assigneeType })}
              tabs={ASSIGNEE_TYPES.map((type) => {
                const count = countOf(type);
                return {
                  key: type,
                  label: (
                    <>
                      {t(`conversations.tabs.${type}`)}
                      {count !== null ? (
                        <span className="tab-count">{formatNumber(locale, count)}</span>
                      ) : null}
                    </>
                  ),
                };
              })}
            />
          </>
        )}
      </div>
      {searching ? (
        <div className="list-panel">
          <SearchResults accountId={account.id} q={filters.q.trim()} />
        </div>
      ) : (
        <div
          id={panelId}
          role="tabpanel"
          aria-labelledby={`${id}-tab-${filters.assigneeType}`}
          className="list-panel"
        >
          <ConversationList accountId={account.id} filters={filters} selectedId={selectedId} />
        </div>
      )}
    </section>
  );
}
