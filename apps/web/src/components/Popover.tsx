import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './overlays.css';

/**
 * A button that shows a small non-modal dialog beside it (a disclosure, not a menu: it can
 * hold inputs). Opening focuses its first control; Escape closes it and returns focus to the
 * button; a click outside closes it. `close` is handed to the content for its own buttons.
 */
export function Popover({
  label,
  buttonContent,
  buttonClassName = 'button',
  className,
  children,
}: {
  /** The dialog's accessible name; also the button's unless its content says it. */
  label: string;
  buttonContent: ReactNode;
  buttonClassName?: string;
  /** Where it opens is the caller's: a class on the panel. */
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('button, input, select, textarea')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // By id, not the ref: the content calls it, and refs are not for render-time hand-offs.
  const close = () => {
    setOpen(false);
    document.getElementById(`${id}-button`)?.focus();
  };

  return (
    <>
      <button
        ref={buttonRef}
        id={`${id}-button`}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {buttonContent}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={id}
          role="dialog"
          aria-label={label}
          className={['popover', className].filter(Boolean).join(' ')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        >
          {children(close)}
        </div>
      ) : null}
    </>
  );
}
