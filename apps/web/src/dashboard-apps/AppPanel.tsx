import {
  fillUrlTemplate,
  hasUrlTemplatePlaceholders,
  type Conversation,
  type DashboardApp,
  type DashboardAppLocation,
} from '@bevatel/protocol';
import { Spinner } from '../components/States';
import { useAppContextInput } from '../modules/conversations/hooks';
import { useHostT } from './i18n';
import { templateSourceOf } from './template-source';
import type { FrameActions } from './level2/useLevel2Delegate';
import { AppSlot } from './stage/AppSlot';

/**
 * The frames of one app for the conversation in view: one slot each; the iframes themselves
 * live in the stage (see stage/), placed over these slots. A URL template is filled from the
 * conversation's data; its filled URL names the frame, so a frame whose placeholders take
 * other values (another conversation, an edited contact) is a new frame: it reloads.
 */
export function AppPanel({
  app,
  conversation,
  active,
  actions,
  location = 'conversation.tab',
}: {
  app: DashboardApp;
  conversation: Conversation;
  active: boolean;
  actions: FrameActions;
  location?: DashboardAppLocation;
}) {
  const { t } = useHostT();
  const input = useAppContextInput(conversation.account_id, conversation.id, conversation);
  const frames = app.content.filter((item) => item.type === 'frame');
  const templated = frames.some((frame) => hasUrlTemplatePlaceholders(frame.url));
  if (templated && input === null) {
    return <Spinner label={t('loading', { title: app.title })} />;
  }
  const urlOf = (url: string) =>
    input && hasUrlTemplatePlaceholders(url) ? fillUrlTemplate(url, templateSourceOf(input)) : url;
  if (frames.length === 0) {
    return <p className="dapp-frame-state">{t('noFrames', { title: app.title })}</p>;
  }
  return (
    <div className="dapp-frames">
      {frames.map((frame, index) => (
        <AppSlot
          key={`${index}:${urlOf(frame.url)}`}
          app={app}
          index={index}
          url={urlOf(frame.url)}
          location={location}
          accountId={conversation.account_id}
          displayId={conversation.id}
          active={active}
          actions={actions}
        />
      ))}
    </div>
  );
}
