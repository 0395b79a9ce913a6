import { CANNED_RESPONSE_VARIABLES, type CannedResponse } from '@bevatel/protocol';
import { queryKeys } from '../../lib/query-keys';
import { UserText } from '../../components/UserText';
import { WrappingText } from '../../components/WrappingText';
import { useAgentToolsT } from '../agent-tools/i18n';
import { ResourceSettings, type ResourceConfig } from '../settings/ResourceSettings';
import '../agent-tools/agent-tools.css';

/** Settings › Canned responses (Chatwoot's settings/canned-response/list). */
export function CannedResponsesSettingsPage() {
  const { t } = useAgentToolsT();
  const config: ResourceConfig<CannedResponse, 'canned_responses'> = {
    path: 'canned_responses',
    list: (api, accountId) => api.get(api.account(accountId, 'canned_responses')),
    queryKey: queryKeys.cannedResponses,
    title: t('canned.title'),
    description: t('canned.description'),
    addLabel: t('canned.add'),
    emptyLabel: t('canned.empty'),
    nameOf: (item) => `/${item.short_code}`,
    columns: [
      {
        header: t('canned.shortCode'),
        cell: (item) => <UserText text={`/${item.short_code}`} kind="name" />,
      },
      {
        header: t('canned.content'),
        cell: (item) => (
          <span dir="auto">
            <WrappingText text={item.content} />
          </span>
        ),
      },
    ],
    fields: [
      {
        name: 'short_code',
        label: t('canned.shortCode'),
        type: 'text',
        required: true,
        dir: 'ltr',
        hint: t('canned.shortCodeHint'),
      },
      { name: 'content', label: t('canned.content'), type: 'textarea', required: true },
    ],
    toForm: (item) => ({ short_code: item?.short_code ?? '', content: item?.content ?? '' }),
    toBody: (values) => ({
      short_code: String(values.short_code).trim().replace(/^\//, ''),
      content: String(values.content),
    }),
  };
  return (
    <ResourceSettings config={config}>
      <section className="card canned-variables" aria-labelledby="canned-variables">
        <h2 id="canned-variables" className="section-title">
          {t('canned.contentHint')}
        </h2>
        <ul className="variable-list">
          {CANNED_RESPONSE_VARIABLES.map((name) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code>
            </li>
          ))}
        </ul>
      </section>
    </ResourceSettings>
  );
}
