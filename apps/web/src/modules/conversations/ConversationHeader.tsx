import {
  CONVERSATION_PRIORITIES,
  type Conversation,
  type ConversationPriority,
} from '@bevatel/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { Menu } from '../../components/Menu';
import { errorMessageKey } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useAgents, useInboxes, useLabels, useTeams } from '../account-data/queries';
import { usePreferences } from '../preferences/preferences';
import { useConversationActions } from './queries';
import { snoozeUntil } from './snooze';

export function ConversationHeader({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const id = useId();
  const accountId = conversation.account_id;
  const actions = useConversationActions(accountId, conversation.id);
  const agents = useAgents(accountId);
  const teams = useTeams(accountId);
  const labels = useLabels(accountId);
  const inboxes = useInboxes(accountId);
  const contact = conversation.meta.sender;
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  const inbox = inboxes.data?.find((i) => i.id === conversation.inbox_id);
  const resolved = conversation.status === 'resolved';
  const busy = actions.isPending;
  const act = actions.mutate;

  return (
    <div className="conversation-header">
      <div className="conversation-header-top">
        <Link
          to={`/app/accounts/${accountId}/conversations`}
          className="icon-button back-link"
          aria-label={t('conversations.backToList')}
        >
          <Icon name="back" />
        </Link>
        <Avatar name={name} src={contact.thumbnail} size={36} />
        <div className="conversation-title">
          <h2 id="conversation-title" dir="auto">
            {name}
          </h2>
          <p className="muted small">
            {inbox ? <span>{inbox.name} · </span> : null}
            <span className={`status-pill status-${conversation.status}`}>
              {t(`status.${conversation.status}`)}
            </span>
            {conversation.status === 'snoozed' && conversation.snoozed_until ? (
              <span>
                {' '}
                ·{' '}
                {t('conversation.snoozedUntil', {
                  time: formatDateTime(locale, conversation.snoozed_until),
                })}
              </span>
            ) : null}
          </p>
        </div>
        <div className="conversation-actions">
          {resolved ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => act({ type: 'status', status: 'open' })}
            >
              <Icon name="retry" size={16} /> {t('conversation.reopen')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => act({ type: 'status', status: 'resolved' })}
            >
              <Icon name="check" size={16} /> {t('conversation.resolve')}
            </button>
          )}
          {resolved ? null : (
            <Menu
              label={t('conversation.snooze')}
              buttonClassName="button"
              buttonContent={
                <>
                  <Icon name="clock" size={16} /> {t('conversation.snooze')}
                </>
              }
              sections={[
                {
                  key: 'snooze',
                  items: [
                    {
                      key: 'tomorrow',
                      label: t('conversation.snoozeTomorrow'),
                      onSelect: () =>
                        act({
                          type: 'status',
                          status: 'snoozed',
                          snoozedUntil: snoozeUntil('tomorrow', new Date(), locale),
                        }),
                    },
                    {
                      key: 'next_week',
                      label: t('conversation.snoozeNextWeek'),
                      onSelect: () =>
                        act({
                          type: 'status',
                          status: 'snoozed',
                          snoozedUntil: snoozeUntil('next_week', new Date(), locale),
                        }),
                    },
                  ],
                },
              ]}
            />
          )}
        </div>
      </div>
      <div className="conversation-meta-bar">
        <div className="field-inline">
          <label htmlFor={`${id}-assignee`}>{t('conversation.assignee')}</label>
          <select
            id={`${id}-assignee`}
            value={conversation.meta.assignee?.id ?? ''}
            disabled={busy}
            onChange={(e) =>
              act({ type: 'assignee', assigneeId: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">{t('conversations.unassigned')}</option>
            {conversation.meta.assignee &&
            !agents.data?.some((a) => a.id === conversation.meta.assignee?.id) ? (
              <option value={conversation.meta.assignee.id}>
                {conversation.meta.assignee.name}
              </option>
            ) : null}
            {(agents.data ?? []).map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.available_name || agent.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={`${id}-team`}>{t('conversation.team')}</label>
          <select
            id={`${id}-team`}
            value={conversation.meta.team?.id ?? ''}
            disabled={busy}
            onChange={(e) =>
              act({ type: 'team', teamId: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">{t('conversation.noTeam')}</option>
            {conversation.meta.team &&
            !teams.data?.some((x) => x.id === conversation.meta.team?.id) ? (
              <option value={conversation.meta.team.id}>{conversation.meta.team.name}</option>
            ) : null}
            {(teams.data ?? []).map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={`${id}-priority`}>{t('conversation.priority')}</label>
          <select
            id={`${id}-priority`}
            value={conversation.priority ?? ''}
            disabled={busy}
            onChange={(e) =>
              act({
                type: 'priority',
                priority: (e.target.value || null) as ConversationPriority | null,
              })
            }
          >
            <option value="">{t('priority.none')}</option>
            {CONVERSATION_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="labels-editor">
          <span className="sr-only" id={`${id}-labels`}>
            {t('conversation.labels')}
          </span>
          <ul className="chips" aria-labelledby={`${id}-labels`}>
            {conversation.labels.map((label) => (
              <li key={label} className="chip">
                <span>{label}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('conversation.removeLabel', { label })}
                  disabled={busy}
                  onClick={() =>
                    act({ type: 'labels', labels: conversation.labels.filter((l) => l !== label) })
                  }
                >
                  <Icon name="close" size={12} />
                </button>
              </li>
            ))}
          </ul>
          <Menu
            label={t('conversation.addLabel')}
            buttonClassName="button button-small"
            align="start"
            buttonContent={
              <>
                <Icon name="tag" size={14} /> {t('conversation.addLabel')}
              </>
            }
            sections={[
              {
                key: 'labels',
                items:
                  (labels.data ?? []).length === 0
                    ? [
                        {
                          key: 'none',
                          label: t('conversation.noLabels'),
                          disabled: true,
                          onSelect: () => undefined,
                        },
                      ]
                    : (labels.data ?? []).map((label) => {
                        const on = conversation.labels.includes(label.title);
                        return {
                          key: label.title,
                          checkbox: true,
                          checked: on,
                          label: (
                            <>
                              <span
                                className="label-dot"
                                style={{ backgroundColor: label.color }}
                                aria-hidden="true"
                              />
                              {label.title}
                            </>
                          ),
                          onSelect: () =>
                            act({
                              type: 'labels',
                              labels: on
                                ? conversation.labels.filter((l) => l !== label.title)
                                : [...conversation.labels, label.title],
                            }),
                        };
                      }),
              },
            ]}
          />
        </div>
      </div>
      {actions.error ? (
        <p className="form-error" role="alert">
          <Icon name="alert" size={14} /> {t('conversation.actionFailed')}{' '}
          {t(errorMessageKey(actions.error))}
        </p>
      ) : null}
    </div>
  );
}
