import type { Label } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../lib/query-keys';
import { ResourceSettings, type ResourceConfig } from './ResourceSettings';
import { UserText } from '../../components/UserText';

export function LabelsSettingsPage() {
  const { t } = useTranslation();
  const config: ResourceConfig<Label, 'labels'> = {
    path: 'labels',
    list: async (api, accountId) => (await api.get(api.account(accountId, 'labels'))).payload,
    queryKey: queryKeys.labels,
    title: t('settings.labels.title'),
    description: t('settings.labels.description'),
    addLabel: t('settings.labels.add'),
    emptyLabel: t('settings.labels.empty'),
    nameOf: (label) => label.title,
    columns: [
      {
        header: t('settings.fields.title'),
        cell: (label) => (
          <span className="contact-cell">
            <span
              className="label-dot"
              style={{ backgroundColor: label.color }}
              aria-hidden="true"
            />
            <UserText text={label.title} kind="name" />
          </span>
        ),
      },
      {
        header: t('settings.fields.description'),
        cell: (label) => <UserText text={label.description ?? ''} />,
      },
      {
        header: t('settings.fields.showOnSidebar'),
        cell: (label) => (label.show_on_sidebar ? t('common.yes') : t('common.no')),
      },
    ],
    fields: [
      {
        name: 'title',
        label: t('settings.fields.title'),
        type: 'text',
        required: true,
        dir: 'ltr',
        hint: t('settings.labels.titleHint'),
      },
      { name: 'description', label: t('settings.fields.description'), type: 'textarea' },
      { name: 'color', label: t('settings.fields.color'), type: 'color' },
      { name: 'show_on_sidebar', label: t('settings.fields.showOnSidebar'), type: 'checkbox' },
    ],
    toForm: (label) => ({
      title: label?.title ?? '',
      description: label?.description ?? '',
      color: label?.color ?? '#1f93ff',
      show_on_sidebar: label?.show_on_sidebar ?? true,
    }),
    toBody: (values) => ({
      title: String(values.title).trim().toLowerCase(),
      description: String(values.description).trim() || null,
      color: values.color,
      show_on_sidebar: values.show_on_sidebar === true,
    }),
  };
  return <ResourceSettings config={config} />;
}
