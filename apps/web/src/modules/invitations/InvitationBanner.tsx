import { useTranslation } from 'react-i18next';
import { useAnswerInvitation, useMyInvitations } from './api';

/**
 * Invitations to other accounts, answered here by the person themselves: a membership exists
 * only once they accept.
 */
export function InvitationBanner() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();
  const answer = useAnswerInvitation();
  if (!invitations.data?.length) return null;
  return (
    <section className="invitation-banner" aria-label={t('invitations.bannerLabel')}>
      {invitations.data.map((invitation) => (
        <div key={invitation.id} className="invitation-banner-item" role="status">
          <p>
            {t('invitations.banner', {
              account: invitation.account_name ?? '',
              role: t(`roles.${invitation.role}`),
            })}
          </p>
          <div className="invitation-banner-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: invitation.id, answer: 'accept' })}
            >
              {t('invitations.accept')}
            </button>
            <button
              type="button"
              className="button"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: invitation.id, answer: 'decline' })}
            >
              {t('invitations.decline')}
            </button>
          </div>
        </div>
      ))}
      {answer.error ? (
        <p className="form-error" role="alert">
          {t('invitations.answerFailed')}
        </p>
      ) : null}
    </section>
  );
}
