import type { InputHTMLAttributes, Ref } from 'react';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  label: string;
  /** Shown under the input and announced with it; the input is marked invalid while set. */
  error?: string | null;
  hint?: string;
  /** Class of the wrapper; its `-error` and `-hint` variants style the messages. */
  fieldClass?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled input with its hint and error wired for assistive technology, so every form
 * describes its fields the same way (`aria-invalid`, `aria-describedby` → hint, then error).
 */
export function TextField({
  id,
  label,
  error,
  hint,
  fieldClass = 'field',
  ref,
  ...input
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={fieldClass}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hintId ? (
        <p id={hintId} className={`${fieldClass}-hint`}>
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className={`${fieldClass}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
