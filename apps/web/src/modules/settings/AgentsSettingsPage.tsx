import type { Agent } from '@bevatel/protocol';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar';
import { queryKeys } from '../../lib/query-keys';
import { useProfile } from '../session/session';
import { ResourceSettings, type ResourceConfig } from './ResourceSettings';

export function AgentsSettingsPage() {
  const { t } = useTranslation();
  const me = useProfile();
  const config: ResourceConfig<Agent> = {
    path: 'agents',
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
            <span dir="auto">{agent.name}</span>
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
      { name: 'name', label: t('settings.fields.name'), type: 'text', required: true },
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
        : { name: String(values.name).trim(), role: values.role },
    canDelete: (agent) => agent.id !== me.id,
    afterCreate: (answer) => {
      const created = answer as Partial<Agent> & { generated_password?: string };
      return created.generated_password ? (
        <p>
          {t('settings.agents.generatedPassword', { name: created.name ?? '' })}{' '}
          <code dir="ltr">{created.generated_password}</code>
        </p>
      ) : (
        <p>{t('settings.agents.added', { name: created.name ?? '' })}</p>
      );
    },
  };
  return <ResourceSettings config={config} />;
}
