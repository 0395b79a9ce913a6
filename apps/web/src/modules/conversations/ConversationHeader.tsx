import type { Conversation } from '@bevatel/protocol';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { Sheet } from '../../components/Sheet';
import { errorMessageKey } from '../../components/States';
import { UserText } from '../../components/UserText';
import { formatDateTime } from '../../lib/format';
import { showToast } from '../../lib/toasts';
import { PHONE_QUERY, useMediaQuery } from '../../lib/hooks';
import { useInboxes } from '../account-data/queries';
import { usePreferences } from '../preferences/preferences';
import { ConversationFields } from './ConversationFields';
import { feedbackFor } from './feedback';
import { useConversationActions, type ConversationAction } from './queries';
import { SnoozeChoices, SnoozePicker } from './SnoozePicker';
import { registerConversationShortcuts } from '../shortcuts/registry';
import { useProfile } from '../session/session';

/**
 * Who the conversation is with and what can be done to it. Wide screens: a title row with
 * Resolve and Snooze, the fields (agent, team, priority, labels) in a second row. A phone: one
 * row — back, the customer, Resolve, the contact and a "More" button whose sheet holds snooze
 * and the fields — so the thread keeps the screen.
 */
export function ConversationHeader({
  conversation,
  onOpenContact,
}: {
  conversation: Conversation;
  /** Shown when the contact panel is not beside the conversation (narrow screens). */
  onOpenContact?: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const phone = useMediaQuery(PHONE_QUERY);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const accountId = conversation.account_id;
  const actions = useConversationActions(accountId, conversation.id);
  const inboxes = useInboxes(accountId);
  const contact = conversation.meta.sender;
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  const inbox = inboxes.data?.find((i) => i.id === conversation.inbox_id);
  const resolved = conversation.status === 'resolved';
  const busy = actions.isPending;
  const act = (action: ConversationAction) => {
    const before = conversation;
    actions.mutate(action, {
      onSuccess: () => {
        const toast = feedbackFor(action, before, t, (previous) => actions.mutate(previous));
        if (toast) showToast(toast);
      },
    });
  };
  const snooze = (until: number) => act({ type: 'status', status: 'snoozed', snoozedUntil: until });
  // Keyboard shortcuts (e, a) do what the buttons do, with this conversation's mutations.
  const latestAct = useRef(act);
  useLayoutEffect(() => {
    latestAct.current = act;
  });
  const meId = useProfile().id;
  useEffect(
    () =>
      registerConversationShortcuts({
        resolve: () => latestAct.current({ type: 'status', status: 'resolved' }),
        assignToMe: () => latestAct.current({ type: 'assignee', assigneeId: meId }),
      }),
    [meId],
  );

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
        <Avatar name={name} src={contact.thumbnail} size={phone ? 32 : 36} />
        <div className="conversation-title">
          <UserText as="h2" id="conversation-title" text={name} kind="name" truncate />
          <p className="muted small truncate">
            <span className={`status-pill status-${conversation.status}`}>
              {t(`status.${conversation.status}`)}
            </span>
            {inbox ? (
              <>
                {' · '}
                <UserText text={inbox.name} kind="name" />
              </>
            ) : null}
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
          {resolved || phone ? null : <SnoozePicker disabled={busy} onSnooze={snooze} />}
          {onOpenContact ? (
            <button
              type="button"
              className="icon-button"
              aria-label={t('conversation.showContact')}
              title={t('conversation.showContact')}
              onClick={onOpenContact}
            >
              <Icon name="user" />
            </button>
          ) : null}
          {phone ? (
            <button
              type="button"
              className="icon-button"
              aria-label={t('conversation.more')}
              title={t('conversation.more')}
              aria-haspopup="dialog"
              onClick={() => setDetailsOpen(true)}
            >
              <Icon name="more" />
            </button>
          ) : null}
        </div>
      </div>
      {phone ? (
        <Sheet
          open={detailsOpen}
          title={t('conversation.details')}
          onClose={() => setDetailsOpen(false)}
        >
          {resolved ? null : (
            <section className="sheet-section" aria-labelledby="conversation-snooze-heading">
              <h3 id="conversation-snooze-heading" className="section-title">
                {t('conversation.snooze')}
              </h3>
              <SnoozeChoices
                disabled={busy}
                onSnooze={(until) => {
                  setDetailsOpen(false);
                  snooze(until);
                }}
              />
            </section>
          )}
          <div className="sheet-fields">
            <ConversationFields conversation={conversation} busy={busy} act={act} />
          </div>
        </Sheet>
      ) : (
        <div className="conversation-meta-bar">
          <ConversationFields conversation={conversation} busy={busy} act={act} />
        </div>
      )}
      {actions.error ? (
        <p className="form-error" role="alert">
          <Icon name="alert" size={14} /> {t('conversation.actionFailed')}{' '}
          {t(errorMessageKey(actions.error))}
        </p>
      ) : null}
    </div>
  );
}
