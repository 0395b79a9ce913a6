/**
 * The app's `.env`, shared by the generated app (`node --env-file=.env`), `register` (writes it)
 * and `dev` (reads it). KEY=value lines; `#` comments and unknown keys are kept as written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The keys the generated app, `register` and `dev` agree on. */
export type AppEnvKey =
  'APP_ORIGIN' | 'PORT' | 'DASHBOARD_ORIGIN' | 'BEVATEL_APP_SECRET' | 'BEVATEL_APP_ID';

export type EnvValues = Record<string, string>;

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] as string) : value.replace(/\s+#.*$/, '');
}

export function parseEnv(text: string): EnvValues {
  const values: EnvValues = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = LINE.exec(line);
    if (match) values[match[1] as string] = unquote(match[2] as string);
  }
  return values;
}

export function readEnvFile(path: string): EnvValues {
  return existsSync(path) ? parseEnv(readFileSync(path, 'utf8')) : {};
}

/** `text` with `updates` applied: existing keys replaced in place, new ones appended. */
export function updateEnv(text: string, updates: Partial<Record<AppEnvKey, string>>): string {
  const pending = new Map(Object.entries(updates));
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const out = lines.map((line) => {
    const key = LINE.exec(line)?.[1];
    if (key === undefined || !pending.has(key) || /^\s*#/.test(line)) return line;
    const value = pending.get(key) as string;
    pending.delete(key);
    return `${key}=${value}`;
  });
  for (const [key, value] of pending) out.push(`${key}=${value}`);
  return `${out.join('\n')}\n`;
}

export function writeEnvFile(path: string, updates: Partial<Record<AppEnvKey, string>>): void {
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  writeFileSync(path, updateEnv(before, updates), { mode: 0o600 });
}
