import type { Conversation, DashboardApp } from '@bevatel/protocol';
import { AppFrame } from './AppFrame';
import { conversationKey } from './context/payload';
import { useAppContextPayload } from './context/useAppContextPayload';
import { useHostT } from './i18n';

/** The frames of one app for the conversation in view, all fed the same context. */
export function AppPanel({ app, conversation }: { app: DashboardApp; conversation: Conversation }) {
  const { t } = useHostT();
  const context = useAppContextPayload(conversation, app);
  const key = conversationKey(conversation.account_id, conversation.id);
  const frames = app.content.filter((item) => item.type === 'frame');
  if (frames.length === 0) {
    return <p className="dapp-frame-state">{t('noFrames', { title: app.title })}</p>;
  }
  return (
    <div className="dapp-frames">
      {frames.map((frame, index) => (
        <AppFrame
          key={`${index}:${frame.url}`}
          appId={app.id}
          title={app.title}
          url={frame.url}
          allow={app.allow}
          conversationKey={key}
          context={context}
        />
      ))}
    </div>
  );
}
