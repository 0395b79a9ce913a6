import {
  ATTRIBUTE_DISPLAY_TYPES,
  ATTRIBUTE_MODELS,
  type CustomAttributeDefinition,
} from '@bevatel/protocol';
import { UserText } from '../../components/UserText';
import { queryKeys } from '../../lib/query-keys';
import { useAgentToolsT } from '../agent-tools/i18n';
import { ResourceSettings, type ResourceConfig } from '../settings/ResourceSettings';
import '../agent-tools/agent-tools.css';

/** Settings › Custom attributes (Chatwoot's settings/custom-attributes/list). */
export function CustomAttributesSettingsPage() {
  const { t } = useAgentToolsT();
  const config: ResourceConfig<CustomAttributeDefinition, 'custom_attribute_definitions'> = {
    path: 'custom_attribute_definitions',
    list: (api, accountId) => api.get(api.account(accountId, 'custom_attribute_definitions')),
    queryKey: queryKeys.attributeDefinitions,
    title: t('attributes.title'),
    description: t('attributes.description'),
    addLabel: t('attributes.add'),
    emptyLabel: t('attributes.empty'),
    nameOf: (item) => item.attribute_display_name,
    columns: [
      {
        header: t('attributes.displayName'),
        cell: (item) => <UserText text={item.attribute_display_name} kind="name" />,
      },
      {
        header: t('attributes.key'),
        cell: (item) => <code dir="ltr">{item.attribute_key}</code>,
      },
      {
        header: t('attributes.type'),
        cell: (item) => (
          <>
            {t(`attributes.types.${item.attribute_display_type}`)}
            {item.attribute_display_type === 'list' ? (
              <span className="muted small" dir="auto">
                {' '}
                ({item.attribute_values.join(', ')})
              </span>
            ) : null}
          </>
        ),
      },
      {
        header: t('attributes.model'),
        cell: (item) => t(`attributes.models.${item.attribute_model}`),
      },
    ],
    fields: [
      {
        name: 'attribute_display_name',
        label: t('attributes.displayName'),
        type: 'text',
        required: true,
      },
      {
        name: 'attribute_key',
        label: t('attributes.key'),
        type: 'text',
        required: true,
        dir: 'ltr',
        createOnly: true,
        hint: t('attributes.keyHint'),
      },
      {
        name: 'attribute_model',
        label: t('attributes.model'),
        type: 'select',
        createOnly: true,
        options: ATTRIBUTE_MODELS.map((value) => ({
          value,
          label: t(`attributes.models.${value}`),
        })),
      },
      {
        name: 'attribute_display_type',
        label: t('attributes.type'),
        type: 'select',
        options: ATTRIBUTE_DISPLAY_TYPES.map((value) => ({
          value,
          label: t(`attributes.types.${value}`),
        })),
      },
      {
        name: 'attribute_values',
        label: t('attributes.values'),
        type: 'textarea',
        hint: t('attributes.valuesHint'),
      },
      {
        name: 'attribute_description',
        label: t('attributes.descriptionField'),
        type: 'textarea',
      },
    ],
    toForm: (item) => ({
      attribute_display_name: item?.attribute_display_name ?? '',
      attribute_key: item?.attribute_key ?? '',
      attribute_model: item?.attribute_model ?? 'contact_attribute',
      attribute_display_type: item?.attribute_display_type ?? 'text',
      attribute_values: (item?.attribute_values ?? []).join('\n'),
      attribute_description: item?.attribute_description ?? '',
    }),
    toBody: (values, creating) => {
      const type = String(values.attribute_display_type);
      const body: Record<string, unknown> = {
        attribute_display_name: String(values.attribute_display_name).trim(),
        attribute_display_type: type,
        attribute_description: String(values.attribute_description).trim() || null,
        attribute_values:
          type === 'list'
            ? String(values.attribute_values)
                .split('\n')
                .map((value) => value.trim())
                .filter(Boolean)
            : [],
      };
      if (creating) {
        body.attribute_key = String(values.attribute_key).trim();
        body.attribute_model = values.attribute_model;
      }
      return body;
    },
  };
  return <ResourceSettings config={config} />;
}
