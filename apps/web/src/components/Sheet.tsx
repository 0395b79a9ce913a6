import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import './overlays.css';

/**
 * A modal sheet (native <dialog>: focus kept inside, Escape closes, the page behind inert):
 * from the bottom edge on a phone, from the inline end on wider screens. Closing by any way
 * calls `onClose`; the caller owns `open`.
 */
export function Sheet({
  open,
  title,
  onClose,
  children,
  className,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={['sheet', className].filter(Boolean).join(' ')}
      aria-label={title}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open ? (
        <div className="sheet-body">
          <div className="sheet-header">
            <h2 className="sheet-title">{title}</h2>
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.close')}
              onClick={onClose}
            >
              <Icon name="close" />
            </button>
          </div>
          <div className="sheet-content">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
