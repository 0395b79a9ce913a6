import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { FieldMessage } from './form-messages';
import { useDashboardAppsT } from './i18n';

/**
 * A Latin token (a placeholder, a host) put into a sentence: in Arabic it is isolated
 * (U+2066…U+2069) so its braces and dots keep their order inside right-to-left text.
 */
export const latin = (language: string, token: string): string =>
  language.startsWith('ar') ? `\u2066${token}\u2069` : token;

/** A message of this module's catalog (or the server's own words) as text. */
export function useSay() {
  const { t, i18n } = useDashboardAppsT();
  return (message: FieldMessage | undefined): string => {
    if (!message) return '';
    if ('text' in message) return message.text;
    const values = Object.fromEntries(
      Object.entries(message.values ?? {}).map(([name, value]) => [
        name,
        typeof value === 'string' ? latin(i18n.language, value) : value,
      ]),
    );
    return t(message.key, values);
  };
}

/** The error line under a field or a group; its id is what the control's aria-describedby names. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="dapps-field-error">
      {children}
    </p>
  );
}

/** Ids a control points at with aria-describedby: its hint, then its error (when shown). */
export const describedBy = (id: string, hint: boolean, error: unknown): string | undefined =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** A labelled textarea wired like TextField (hint, error, aria-invalid). */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
}) {
  return (
    <div className="dapps-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        {...textarea}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="dapps-field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** A titled part of the long form: a heading the dialog's reader can jump between. */
export function FormSection({
  title,
  children,
  id,
}: {
  title: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <section className="dapps-form-section" aria-labelledby={id}>
      <h3 id={id} className="dapps-form-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}
