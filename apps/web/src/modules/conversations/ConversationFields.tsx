import {
  CONVERSATION_PRIORITIES,
  type Conversation,
  type ConversationPriority,
} from '@bevatel/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AvailabilityDot } from '../../components/AvailabilityDot';
import { Icon } from '../../components/Icon';
import { Menu } from '../../components/Menu';
import { UserText } from '../../components/UserText';
import { useAgents, useLabels, useTeams } from '../account-data/queries';
import type { ConversationAction } from './queries';

/**
 * Who works the conversation and how it is filed: agent, team, priority, labels. In the
 * header's second row on wide screens, in the details sheet on a phone.
 */
export function ConversationFields({
  conversation,
  busy,
  act,
}: {
  conversation: Conversation;
  busy: boolean;
  act: (action: ConversationAction) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const accountId = conversation.account_id;
  const agents = useAgents(accountId);
  const teams = useTeams(accountId);
  const labels = useLabels(accountId);
  // The assignee as the agents list has them (live through presence.update).
  const assignee = agents.data?.find((a) => a.id === conversation.meta.assignee?.id);
  return (
    <>
      <div className="field-inline">
        <span className="field-label-row">
          <label htmlFor={`${id}-assignee`}>{t('conversation.assignee')}</label>
          {assignee ? <AvailabilityDot status={assignee.availability_status} /> : null}
        </span>
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
            <option value={conversation.meta.assignee.id}>{conversation.meta.assignee.name}</option>
          ) : null}
          {/* A native option holds text only: the availability is spelled out. */}
          {(agents.data ?? []).map((agent) => (
            <option key={agent.id} value={agent.id}>
              {t('conversation.assigneeOption', {
                name: agent.available_name || agent.name,
                availability: t(`availability.${agent.availability_status}`),
              })}
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
              <UserText text={label} kind="name" />
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
      <VisitorBrowser conversation={conversation} />
    </>
  );
}

/** A website conversation's browser (from the visitor's User-Agent), page and verification. */
function VisitorBrowser({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { browser, referer } = conversation.additional_attributes;
  if (!browser.browser_name) return null;
  const known = (value: string | null | undefined) => (value && value !== 'Unknown' ? value : '');
  const words = [
    `${browser.browser_name} ${known(browser.browser_version)}`.trim(),
    `${known(browser.platform_name)} ${known(browser.platform_version)}`.trim(),
  ].filter(Boolean);
  const verified = conversation.meta.hmac_verified;
  return (
    <p className="visitor-browser" data-testid="visitor-browser">
      <span className="visitor-browser-label">{t('conversation.browser')}</span>
      <span dir="ltr">{words.join(' · ')}</span>
      {referer ? (
        <span dir="ltr" className="visitor-browser-page" title={referer}>
          {referer}
        </span>
      ) : null}
      <span className={verified ? 'chip chip-verified' : 'chip'}>
        {verified ? t('conversation.verified') : t('conversation.unverified')}
      </span>
    </p>
  );
}
