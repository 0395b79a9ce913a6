import { APP_FRAME_HEIGHT, APP_MODAL_SIZE, type Conversation } from '@bevatel/protocol';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Icon } from '../components/Icon';
import { AppFrame } from './AppFrame';
import { conversationKey } from './context/payload';
import { useAppContextPayload } from './context/useAppContextPayload';
import { useHostT } from './i18n';
import { appModal, type OpenAppModal } from './level2/modal-store';
import type { FrameActions } from './level2/useLevel2Delegate';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * A dialog an app opened (`ui.modal.open`) holding another frame of the same app, on the
 * app's own origin: a level 1/2 app like any other, with the same context, that may resize
 * itself (bounded) and close the dialog. The native <dialog> keeps focus inside and closes
 * on Escape; its title says which app it belongs to.
 */
export function AppModal({
  modal,
  conversation,
}: {
  modal: OpenAppModal;
  conversation: Conversation;
}) {
  const { t } = useHostT();
  const ref = useRef<HTMLDialogElement>(null);
  const width = modal.width ?? APP_MODAL_SIZE.width.default;
  const [height, setHeight] = useState(modal.height ?? APP_MODAL_SIZE.height.default);
  const context = useAppContextPayload(
    conversation.account_id,
    conversation.id,
    modal.app,
    conversation,
  );
  const appId = modal.app.id;

  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      appModal.close();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  const actions: FrameActions = useMemo(
    () => ({
      resize: (next: number) => {
        // Bounded by the protocol and by the window the agent has.
        const applied = clamp(
          next,
          APP_FRAME_HEIGHT.min,
          Math.max(APP_FRAME_HEIGHT.min, window.innerHeight - 120),
        );
        setHeight(applied);
        return applied;
      },
      closeModal: () => appModal.close(appId),
    }),
    [appId],
  );

  return (
    <dialog
      ref={ref}
      className="dapp-modal"
      aria-labelledby="dapp-modal-title"
      style={{ inlineSize: `min(${width}px, calc(100vw - 2rem))` }}
    >
      <div className="dapp-modal-header">
        <h2 id="dapp-modal-title" className="dapp-modal-title">
          <span className="dapp-modal-app" dir="auto">
            {modal.app.title}
          </span>
          <span dir="auto">{modal.title}</span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('closeModal')}
          onClick={() => appModal.close()}
        >
          <Icon name="close" size={16} />
        </button>
      </div>
      <AppFrame
        app={modal.app}
        url={modal.url}
        conversationKey={conversationKey(conversation.account_id, conversation.id)}
        context={context}
        active
        location="modal"
        actions={actions}
        frameStyle={{ blockSize: `${height}px` }}
      />
    </dialog>
  );
}
