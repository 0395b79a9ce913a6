import type { Agent } from '@bevatel/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { queryKeys } from '../../lib/query-keys';
import { useAccountInvitations, useRevokeInvitation } from '../invitations/api';
import { OneTimeLink } from '../invitations/OneTimeLink';
import { useIssueReset } from '../password-resets/api';
import { ApiError } from '../../lib/api';
import { isolated } from '../../lib/bidi';
import { useAccount } from '../session/account';
import { useProfile } from '../session/session';
import { ResourceSettings, type Created, type ResourceConfig } from './ResourceSettings';
import { UserText } from '../../components/UserText';

export function AgentsSettingsPage() {
  const { t } = useTranslation();
  const me = useProfile();
  const config: ResourceConfig<Agent, 'agents'> = {
    path: 'agents',
    list: (api, accountId) => api.get(api.account(accountId, 'agents')),
    queryKey: queryKeys.agents,
    title: t('settings.agents.title'),
    description: t('settings.agents.description'),
    addLabel: t('settings.agents.add'),
    emptyLabel: t('settings.agents.empty'),
    nameOf: (agent) => agent.name,
    columns: [
      {
        header: t('settings.fields.name'),
        cell: (agent) => (
          <span className="contact-cell">
            <Avatar name={agent.name} src={agent.thumbnail || null} size={24} />
            <UserText text={agent.name} kind="name" />
          </span>
        ),
      },
      { header: t('settings.fields.email'), cell: (agent) => <span dir="ltr">{agent.email}</span> },
      { header: t('settings.fields.role'), cell: (agent) => t(`roles.${agent.role}`) },
      {
        header: t('settings.fields.availability'),
        cell: (agent) => t(`availability.${agent.availability_status}`),
      },
    ],
    fields: [
      // A person's name is theirs: it is typed once for the invitation, then only they change it.
      {
        name: 'name',
        label: t('settings.fields.name'),
        type: 'text',
        required: true,
        createOnly: true,
      },
      {
        name: 'email',
        label: t('settings.fields.email'),
        type: 'email',
        required: true,
        createOnly: true,
        dir: 'ltr',
      },
      {
        name: 'role',
        label: t('settings.fields.role'),
        type: 'select',
        options: [
          { value: 'agent', label: t('roles.agent') },
          { value: 'administrator', label: t('roles.administrator') },
        ],
      },
    ],
    toForm: (agent) => ({
      name: agent?.name ?? '',
      email: agent?.email ?? '',
      role: agent?.role ?? 'agent',
    }),
    toBody: (values, creating) =>
      creating
        ? {
            name: String(values.name).trim(),
            email: String(values.email).trim(),
            role: values.role,
          }
        : { role: values.role },
    canDelete: (agent) => agent.id !== me.id,
    // One's own password is changed in the profile, with the current one.
    rowActions: (agent, notify) =>
      agent.id === me.id ? null : <ResetPasswordButton agent={agent} notify={notify} />,
    afterCreate: (answer) => <InvitationSent answer={answer} />,
  };
  return (
    <ResourceSettings config={config}>
      <PendingInvitations />
    </ResourceSettings>
  );
}

const until = (seconds: number) =>
  new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The one-time link, shown once to pass on (the server keeps only its digest). */
function InvitationSent({ answer }: { answer: Created<'agents'> }) {
  const { t } = useTranslation();
  const account = useAccount();
  const queryClient = useQueryClient();
  // The new invitation belongs in the pending list below.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.accountInvitations(account.id) });
  }, [queryClient, account.id]);
  const invitation = answer.invitation;
  return (
    <div>
      <p>
        {t('settings.agents.invited', {
          email: isolated(answer.email),
          date: until(invitation.expires_at ?? 0),
        })}
      </p>
      <OneTimeLink url={invitation.invite_url ?? ''} label={t('settings.agents.inviteLink')} />
      {invitation.emailed ? <p className="muted small">{t('settings.agents.emailed')}</p> : null}
    </div>
  );
}

/** An administrator's reset link for an agent, shown above the table to pass on. */
function ResetPasswordButton({
  agent,
  notify,
}: {
  agent: Agent;
  notify: (notice: ReactNode) => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const issue = useIssueReset(account.id);
  const onClick = () =>
    issue.mutate(agent.id, {
      onSuccess: (reset) =>
        notify(
          <div>
            <p>
              {t('settings.agents.resetIssued', {
                name: isolated(agent.name),
                date: until(reset.expires_at),
              })}
            </p>
            <OneTimeLink url={reset.reset_url} label={t('settings.agents.resetLink')} />
            {reset.emailed ? <p className="muted small">{t('settings.agents.emailed')}</p> : null}
          </div>,
        ),
      onError: (error) =>
        notify(
          <p role="alert">
            {error instanceof ApiError && error.status === 403
              ? t('settings.agents.resetRefused', { name: isolated(agent.name) })
              : t('errors.generic')}
          </p>,
        ),
    });
  return (
    <button
      type="button"
      className="button button-small"
      disabled={issue.isPending}
      aria-label={t('settings.agents.resetPasswordOf', { name: isolated(agent.name) })}
      onClick={onClick}
    >
      <Icon name="lock" size={14} /> {t('settings.agents.resetPassword')}
    </button>
  );
}

function PendingInvitations() {
  const { t } = useTranslation();
  const account = useAccount();
  const invitations = useAccountInvitations(account.id);
  const revoke = useRevokeInvitation(account.id);
  if (!invitations.data?.length) return null;
  return (
    <section className="settings-section" aria-labelledby="pending-invitations">
      <h2 id="pending-invitations">{t('settings.agents.pending')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.fields.email')}</th>
              <th scope="col">{t('settings.fields.role')}</th>
              <th scope="col">{t('settings.agents.expires')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((invitation) => (
              <tr key={invitation.id}>
                <td>
                  <span dir="ltr">{invitation.email}</span>
                </td>
                <td>{t(`roles.${invitation.role}`)}</td>
                <td>
                  {invitation.expired
                    ? t('settings.agents.expired')
                    : new Date(invitation.expires_at * 1000).toLocaleDateString()}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(invitation.id)}
                  >
                    {t('settings.agents.revoke', { email: invitation.email })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
