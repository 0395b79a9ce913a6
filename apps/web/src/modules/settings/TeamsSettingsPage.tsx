import type { Team } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../lib/query-keys';
import { ResourceSettings, type ResourceConfig } from './ResourceSettings';

export function TeamsSettingsPage() {
  const { t } = useTranslation();
  const config: ResourceConfig<Team> = {
    path: 'teams',
    queryKey: queryKeys.teams,
    title: t('settings.teams.title'),
    description: t('settings.teams.description'),
    addLabel: t('settings.teams.add'),
    emptyLabel: t('settings.teams.empty'),
    nameOf: (team) => team.name,
    columns: [
      { header: t('settings.fields.name'), cell: (team) => <span dir="auto">{team.name}</span> },
      {
        header: t('settings.fields.description'),
        cell: (team) => <span dir="auto">{team.description ?? ''}</span>,
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
