import type { Team } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../lib/query-keys';
import { ResourceSettings, type ResourceConfig } from './ResourceSettings';
import { UserText } from '../../components/UserText';

export function TeamsSettingsPage() {
  const { t } = useTranslation();
  const config: ResourceConfig<Team, 'teams'> = {
    path: 'teams',
    list: (api, accountId) => api.get(api.account(accountId, 'teams')),
    queryKey: queryKeys.teams,
    title: t('settings.teams.title'),
    description: t('settings.teams.description'),
    addLabel: t('settings.teams.add'),
    emptyLabel: t('settings.teams.empty'),
    nameOf: (team) => team.name,
    columns: [
      {
        header: t('settings.fields.name'),
        cell: (team) => <UserText text={team.name} kind="name" />,
      },
      {
        header: t('settings.fields.description'),
        cell: (team) => <UserText text={team.description ?? ''} />,
      },
      {
        header: t('settings.fields.autoAssign'),
        cell: (team) => (team.allow_auto_assign ? t('common.yes') : t('common.no')),
      },
    ],
    fields: [
      { name: 'name', label: t('settings.fields.name'), type: 'text', required: true },
      { name: 'description', label: t('settings.fields.description'), type: 'textarea' },
      { name: 'allow_auto_assign', label: t('settings.fields.autoAssign'), type: 'checkbox' },
    ],
    toForm: (team) => ({
      name: team?.name ?? '',
      description: team?.description ?? '',
      allow_auto_assign: team?.allow_auto_assign ?? true,
    }),
    toBody: (values) => ({
      name: String(values.name).trim(),
      description: String(values.description).trim() || null,
      allow_auto_assign: values.allow_auto_assign === true,
    }),
  };
  return <ResourceSettings config={config} />;
}
