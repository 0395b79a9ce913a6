import type { Inbox } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../lib/query-keys';
import { ResourceSettings, type ResourceConfig } from './ResourceSettings';

export function InboxesSettingsPage() {
  const { t } = useTranslation();
  const config: ResourceConfig<Inbox> = {
    path: 'inboxes',
    queryKey: queryKeys.inboxes,
    title: t('settings.inboxes.title'),
    description: t('settings.inboxes.description'),
    addLabel: t('settings.inboxes.add'),
    emptyLabel: t('settings.inboxes.empty'),
    nameOf: (inbox) => inbox.name,
    columns: [
      { header: t('settings.fields.name'), cell: (inbox) => <span dir="auto">{inbox.name}</span> },
      {
        header: t('settings.fields.channel'),
        cell: (inbox) => t(`channels.${inbox.channel_type.replace('Channel::', '')}`),
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
