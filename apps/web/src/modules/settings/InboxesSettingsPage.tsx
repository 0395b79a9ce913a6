import type { Inbox } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../lib/query-keys';
import { ResourceSettings, type ResourceConfig } from './ResourceSettings';
import { Link } from 'react-router';
import { UserText } from '../../components/UserText';
import { useAccount } from '../session/account';

export function InboxesSettingsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const config: ResourceConfig<Inbox, 'inboxes'> = {
    path: 'inboxes',
    list: async (api, accountId) => (await api.get(api.account(accountId, 'inboxes'))).payload,
    queryKey: queryKeys.inboxes,
    title: t('settings.inboxes.title'),
    description: t('settings.inboxes.description'),
    addLabel: t('settings.inboxes.add'),
    emptyLabel: t('settings.inboxes.empty'),
    nameOf: (inbox) => inbox.name,
    columns: [
      {
        header: t('settings.fields.name'),
        cell: (inbox) => <UserText text={inbox.name} kind="name" />,
      },
      {
        header: t('settings.fields.channel'),
        cell: (inbox) => t(`channels.${inbox.channel_type.replace('Channel::', '')}`),
      },
      {
        header: t('settings.widget.settings'),
        cell: (inbox) =>
          inbox.channel_type === 'Channel::WebWidget' ? (
            <Link to={`/app/accounts/${account.id}/settings/inboxes/${inbox.id}/widget`}>
              {t('settings.widget.settings')}
              <span className="sr-only">: {inbox.name}</span>
            </Link>
          ) : null,
      },
    ],
    fields: [
      { name: 'name', label: t('settings.fields.name'), type: 'text', required: true },
      {
        name: 'channel',
        label: t('settings.fields.channel'),
        type: 'select',
        createOnly: true,
        options: [
          { value: 'api', label: t('channels.Api') },
          { value: 'web_widget', label: t('channels.WebWidget') },
        ],
      },
      { name: 'greeting_message', label: t('settings.fields.greeting'), type: 'textarea' },
    ],
    toForm: (inbox) => ({
      name: inbox?.name ?? '',
      channel: 'api',
      greeting_message: inbox?.greeting_message ?? '',
    }),
    toBody: (values, creating) => {
      const greeting = String(values.greeting_message).trim() || null;
      const body: Record<string, unknown> = {
        name: String(values.name).trim(),
        greeting_message: greeting,
      };
      if (creating) body.channel = { type: values.channel };
      return body;
    },
  };
  return <ResourceSettings config={config} />;
}
