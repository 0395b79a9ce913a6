/**
 * Secure setting values, sealed at rest (lib/sealed-box.ts), one by one: the stored JSON object
 * maps each name to its sealed value, so which settings hold a value can be shown without
 * opening any. Each value is bound to its app and its name, so a sealed value copied onto
 * another app or another setting does not open. Plaintexts leave this module only for the
 * request proxy's substitution.
 */
import { parseJsonObject } from '../../lib/json';
import { seal, unseal, type SealContext } from '../../lib/sealed-box';

export interface AppRef {
  accountId: number;
  appId: number;
}

const contextOf = (app: AppRef, name: string): SealContext => ({
  purpose: 'dashboard-app-secure-setting',
  owner: `dashboard_app:${app.accountId}:${app.appId}:${name}`,
});

/** The names of the secure settings that hold a value (no value is opened). */
export function secureSettingNames(stored: string | null): string[] {
  return Object.entries(parseJsonObject(stored))
    .filter(([, sealed]) => typeof sealed === 'string')
    .map(([name]) => name);
}

/**
 * The column's value: the values already sealed and the new plaintexts, sealed now; null when
 * there are none.
 */
export function storeSecureSettings(
  sealed: Record<string, string>,
  plaintexts: Record<string, string>,
  app: AppRef,
  secretKeyBase: string,
): string | null {
  const out: Record<string, string> = { ...sealed };
  for (const [name, value] of Object.entries(plaintexts)) {
    out[name] = seal(value, contextOf(app, name), secretKeyBase);
  }
  return Object.keys(out).length === 0 ? null : JSON.stringify(out);
}

/**
 * The plaintexts. A value that does not open (SECRET_KEY_BASE changed, row tampered with) is
 * left out, as if never entered: the administrator must enter it again.
 */
export function openSecureSettings(
  stored: string | null,
  app: AppRef,
  secretKeyBase: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, sealed] of Object.entries(parseJsonObject(stored))) {
    if (typeof sealed !== 'string') continue;
    const value = unseal(sealed, contextOf(app, name), secretKeyBase);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** The sealed values by name, unopened. */
export function sealedSecureSettings(stored: string | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parseJsonObject(stored)).flatMap(([name, sealed]) =>
      typeof sealed === 'string' ? [[name, sealed]] : [],
    ),
  );
}
