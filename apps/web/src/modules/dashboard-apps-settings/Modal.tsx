import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';

/**
 * A modal on the native <dialog>: the browser makes the rest of the page inert, keeps focus
 * inside and closes on Escape. Focus goes back to whatever opened it.
 */
export function Modal({
  title,
  description,
  onClose,
  children,
  role = 'dialog',
  closeLabel,
  busy = false,
  size = 'normal',
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** alertdialog for confirmations. */
  role?: 'dialog' | 'alertdialog';
  closeLabel: string;
  /** While a request runs, Escape does not close (the answer must land somewhere). */
  busy?: boolean;
  /** Wide for long forms (the app form, the manifest's consent); full screen on a phone. */
  size?: 'normal' | 'wide';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  const busyRef = useRef(busy);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
    busyRef.current = busy;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      // The opener may have been re-rendered away (a deleted row): then focus the page heading.
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('h1');
      target?.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!busyRef.current) onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  return (
    <dialog
      ref={ref}
      className={size === 'wide' ? 'dapps-modal dapps-modal-wide' : 'dapps-modal'}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <div className="dapps-modal-header">
        <h2 id={titleId} className="dapps-modal-title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={closeLabel}
          disabled={busy}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>
      {description ? (
        <div id={descriptionId} className="dapps-modal-description">
          {description}
        </div>
      ) : null}
      {children}
    </dialog>
  );
}
