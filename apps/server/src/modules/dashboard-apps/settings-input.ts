/**
 * Per-install settings in a dashboard app body: `settings: [{name, label, type, required,
 * secure, options, default, value}]` replaces the definitions. `value` sets a value (null
 * clears it); a secure setting without `value` keeps the one stored, which no response ever
 * shows. Shapes are read here; whether required ones end up with a value is decided by
 * `mergeSettings`, which knows what is stored.
 */
import {
  APP_SETTING_LIMITS,
  checkAppSettingDefinition,
  checkAppSettingValue,
  type AppSettingDefinition,
  type AppSettingValue,
} from '@bevatel/protocol';
import { invalid } from '../../lib/errors';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DEFINITION_KEYS = [
  'name',
  'label',
  'label_ar',
  'description',
  'type',
  'required',
  'secure',
  'options',
  'default',
] as const;

/** One setting as given: its definition, and what to do with its value. */
export interface SettingInput {
  definition: AppSettingDefinition;
  /** `keep`: given without `value` (how a form re-sends a secure setting it cannot show). */
  value: { kind: 'set'; value: AppSettingValue } | { kind: 'clear' } | { kind: 'keep' };
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

function readDefinition(fields: Fields, at: string): AppSettingDefinition {
  const unknown = Object.keys(fields).find(
    (key) =>
      key !== 'value' &&
      key !== 'has_value' &&
      !(DEFINITION_KEYS as readonly string[]).includes(key),
  );
  if (unknown !== undefined) {
    throw invalid(`${at}.${unknown}`, `${at}.${unknown} is not a field of a setting`);
  }
  for (const key of ['name', 'label', 'type'] as const) {
    if (typeof fields[key] !== 'string')
      throw invalid(`${at}.${key}`, `${at}.${key} must be a string`);
  }
  for (const key of ['required', 'secure'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'boolean') {
      throw invalid(`${at}.${key}`, `${at}.${key} must be true or false`);
    }
  }
  for (const key of ['label_ar', 'description'] as const) {
    if (fields[key] !== undefined && fields[key] !== null && typeof fields[key] !== 'string') {
      throw invalid(`${at}.${key}`, `${at}.${key} must be a string`);
    }
  }
  if (fields.options !== undefined && fields.options !== null) {
    if (!Array.isArray(fields.options) || fields.options.some((o) => typeof o !== 'string')) {
      throw invalid(`${at}.options`, `${at}.options must be a list of strings`);
    }
  }
  const labelAr = trimmed(fields.label_ar);
  const description = trimmed(fields.description);
  const definition: AppSettingDefinition = {
    name: fields.name as string,
    label: (fields.label as string).trim(),
    ...(typeof labelAr === 'string' && labelAr ? { label_ar: labelAr } : {}),
    ...(typeof description === 'string' && description ? { description } : {}),
    type: fields.type as AppSettingDefinition['type'],
    required: fields.required === true,
    secure: fields.secure === true,
    ...(Array.isArray(fields.options)
      ? { options: (fields.options as string[]).map((o) => o.trim()) }
      : {}),
    ...(fields.default !== undefined && fields.default !== null
      ? { default: fields.default as AppSettingValue }
      : {}),
  };
  const problem = checkAppSettingDefinition(definition);
  if (problem) throw invalid(`${at}.${problem.key}`, `${at}.${problem.message}`);
  return definition;
}

/** The `settings` list of a body (or of a manifest, at `prefix`). */
export function readSettings(value: unknown, prefix = 'settings'): SettingInput[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw invalid(prefix, `${prefix} must be a list of settings`);
  if (value.length > APP_SETTING_LIMITS.settings) {
    throw invalid(prefix, `${prefix} must hold at most ${APP_SETTING_LIMITS.settings} settings`);
  }
  const names = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = `${prefix}[${index}]`;
    if (!isObject(item)) throw invalid(at, `${at} must be an object {name, label, type}`);
    const definition = readDefinition(item, at);
    if (names.has(definition.name)) {
      throw invalid(`${at}.name`, `${at}.name repeats "${definition.name}"`);
    }
    names.add(definition.name);
    if (!('value' in item)) return { definition, value: { kind: 'keep' } };
    const given = item.value;
    if (given === null || given === '') return { definition, value: { kind: 'clear' } };
    const problem = checkAppSettingValue(definition, given);
    if (problem) throw invalid(`${at}.value`, problem);
    return { definition, value: { kind: 'set', value: given as AppSettingValue } };
  });
}

/** What is stored for an app's settings; secure values stay sealed. */
export interface StoredSettings {
  definitions: AppSettingDefinition[];
  plain: Record<string, AppSettingValue>;
  /** Secure values by name, sealed (secure-settings.ts). */
  sealed: Record<string, string>;
}

/** The settings after a change: secure values kept sealed, new ones still to seal. */
export interface MergedSettings extends StoredSettings {
  toSeal: Record<string, string>;
}

/**
 * The settings after a change: definitions as given, values set, cleared or kept. A kept value
 * survives only if it still fits (same kind, plain or secure; valid for the new type). Required
 * settings must end with a value or a default.
 */
export function mergeSettings(
  stored: StoredSettings,
  inputs: SettingInput[],
  fieldOf = (index: number, _name: string) => `settings[${index}].value`,
): MergedSettings {
  const plain: Record<string, AppSettingValue> = {};
  const sealed: Record<string, string> = {};
  const toSeal: Record<string, string> = {};
  inputs.forEach(({ definition, value }, index) => {
    const { name } = definition;
    if (value.kind === 'set') {
      if (definition.secure) toSeal[name] = String(value.value);
      else plain[name] = value.value;
    } else if (value.kind === 'keep') {
      const keptSecure = stored.sealed[name];
      const keptPlain = stored.plain[name];
      if (definition.secure && keptSecure !== undefined) sealed[name] = keptSecure;
      if (
        !definition.secure &&
        keptPlain !== undefined &&
        checkAppSettingValue(definition, keptPlain) === null
      ) {
        plain[name] = keptPlain;
      }
    }
    const has = definition.secure
      ? name in sealed || name in toSeal
      : name in plain || definition.default !== undefined;
    if (definition.required && !has) {
      const field = fieldOf(index, name);
      throw invalid(field, `${field}: ${definition.label} is required`);
    }
  });
  return { definitions: inputs.map((input) => input.definition), plain, sealed, toSeal };
}
