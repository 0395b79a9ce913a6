import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  key: string;
  label: ReactNode;
  onSelect: () => void;
  /** For radio-like items (language, theme): rendered as menuitemradio. */
  checked?: boolean;
  /** Checkbox items (labels) toggle independently: menuitemcheckbox. */
  checkbox?: boolean;
  disabled?: boolean;
  /** Language of the label when it differs from the page (e.g. "العربية" on an English page). */
  lang?: string;
}

export interface MenuSection {
  key: string;
  label?: string;
  items: MenuItem[];
}

/**
 * A menu button (WAI-ARIA pattern): opens on click or arrow keys, arrows move between items,
 * Escape closes and returns focus to the button, a click outside closes it.
 */
export function Menu({
  label,
  buttonLabel = label,
  buttonContent,
  sections,
  buttonClassName = 'button button-ghost',
  align = 'end',
}: {
  label: string;
  /** The button's accessible name when it differs from the menu's (it must contain its visible text). */
  buttonLabel?: string;
  buttonContent: ReactNode;
  sections: MenuSection[];
  buttonClassName?: string;
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const items = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []).filter(
      (item) => item.getAttribute('aria-disabled') !== 'true',
    );

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list[(index + 1) % list.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      list[(index - 1 + list.length) % list.length]?.focus();
    } else if (event.key === 'Home') {
      event.preventDefault();
      list[0]?.focus();
    } else if (event.key === 'End') {
      event.preventDefault();
      list[list.length - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="menu">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={buttonLabel}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {buttonContent}
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={id}
          role="menu"
          aria-label={label}
          className={`menu-popup menu-${align}`}
          onKeyDown={onMenuKey}
        >
          {sections.map((section) => (
            <div key={section.key} role="group" aria-label={section.label} className="menu-section">
              {section.label ? (
                <div className="menu-section-label" aria-hidden="true">
                  {section.label}
                </div>
              ) : null}
              {section.items.map((item) => (
                <button
                  key={item.key}
                  type="button"
                  role={
                    item.checked === undefined
                      ? 'menuitem'
                      : item.checkbox
                        ? 'menuitemcheckbox'
                        : 'menuitemradio'
                  }
                  aria-checked={item.checked}
                  aria-disabled={item.disabled || undefined}
                  lang={item.lang}
                  tabIndex={-1}
                  className="menu-item"
                  onClick={() => {
                    if (item.disabled) return;
                    close(true);
                    item.onSelect();
                  }}
                >
                  <span className="menu-check" aria-hidden="true">
                    {item.checked ? '✓' : ''}
                  </span>
                  {item.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
