/**
 * Per-install settings of a dashboard app (issue 12): named by the administrator (or the app's
 * manifest), typed, required or not, plain or secure. Plain values reach the app in
 * `data.settings`; secure ones stay on the server (sealed at rest) and are only ever used by
 * the request proxy as `{{settings.<name>}}`. The checks below are shared by the server, which
 * enforces them, and the settings form, which shows the same answers before it submits.
 */

export const APP_SETTING_TYPES = ['text', 'number', 'boolean', 'select'] as const;
export type AppSettingType = (typeof APP_SETTING_TYPES)[number];

export type AppSettingValue = string | number | boolean;

export interface AppSettingDefinition {
  /** `[a-z][a-z0-9_]*`: how the app and `{{settings.<name>}}` refer to it. */
  name: string;
  label: string;
  /** The label in the Arabic dashboard; the English one when absent. */
  label_ar?: string;
  description?: string;
  type: AppSettingType;
  required: boolean;
  /** Secure: sealed on the server, never sent to a browser. Text settings only. */
  secure: boolean;
  /** The choices of a `select`. */
  options?: string[];
  /** Used when no value was entered (plain settings only). */
  default?: AppSettingValue;
}

/** A setting as the API shows it: its definition, and its value unless it is secure. */
export interface AppSettingView extends AppSettingDefinition {
  /** The plain value (or null when none); always absent for secure settings. */
  value?: AppSettingValue | null;
  /** Whether a value is stored (secure settings say only this). */
  has_value: boolean;
}

export const APP_SETTING_LIMITS = {
  settings: 50,
  nameLength: 64,
  labelLength: 120,
  descriptionLength: 500,
  options: 100,
  optionLength: 255,
  /** Longest text value (secure ones included: API keys, not documents). */
  valueLength: 4096,
} as const;

export const APP_SETTING_NAME = /^[a-z][a-z0-9_]*$/;

/** A problem with one setting: the key to blame (`name`, `options`, `value`…) and why. */
export interface AppSettingProblem {
  key:
    | 'name'
    | 'label'
    | 'label_ar'
    | 'description'
    | 'type'
    | 'options'
    | 'default'
    | 'secure'
    | 'value';
  message: string;
}

/** Why `value` is not a valid value of `definition`, or null. */
export function checkAppSettingValue(
  definition: Pick<AppSettingDefinition, 'type' | 'options' | 'label'>,
  value: unknown,
): string | null {
  switch (definition.type) {
    case 'text':
      if (typeof value !== 'string') return `${definition.label} must be text`;
      if (value.length > APP_SETTING_LIMITS.valueLength) {
        return `${definition.label} must be at most ${APP_SETTING_LIMITS.valueLength} characters`;
      }
      return null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${definition.label} must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${definition.label} must be true or false`;
    case 'select':
      return typeof value === 'string' && (definition.options ?? []).includes(value)
        ? null
        : `${definition.label} must be one of: ${(definition.options ?? []).join(', ')}`;
  }
}

const text = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** Why a definition (already shaped as one) cannot be saved, or null. */
export function checkAppSettingDefinition(
  definition: AppSettingDefinition,
): AppSettingProblem | null {
  const L = APP_SETTING_LIMITS;
  if (definition.name.length > L.nameLength || !APP_SETTING_NAME.test(definition.name)) {
    return {
      key: 'name',
      message: `name must be lower-case letters, digits and _ (starting with a letter), at most ${L.nameLength} characters`,
    };
  }
  if (!text(definition.label, L.labelLength)) {
    return { key: 'label', message: `label must be 1 to ${L.labelLength} characters` };
  }
  if (definition.label_ar !== undefined && !text(definition.label_ar, L.labelLength)) {
    return { key: 'label_ar', message: `label_ar must be 1 to ${L.labelLength} characters` };
  }
  if (definition.description !== undefined && definition.description.length > L.descriptionLength) {
    return {
      key: 'description',
      message: `description must be at most ${L.descriptionLength} characters`,
    };
  }
  if (!(APP_SETTING_TYPES as readonly string[]).includes(definition.type)) {
    return { key: 'type', message: `type must be one of: ${APP_SETTING_TYPES.join(', ')}` };
  }
  if (definition.secure && definition.type !== 'text') {
    return { key: 'secure', message: 'only text settings can be secure' };
  }
  if (definition.type === 'select') {
    const options = definition.options ?? [];
    if (options.length === 0 || options.length > L.options) {
      return { key: 'options', message: `a select needs 1 to ${L.options} options` };
    }
    if (options.some((option) => !text(option, L.optionLength))) {
      return { key: 'options', message: `each option must be 1 to ${L.optionLength} characters` };
    }
    if (new Set(options).size !== options.length) {
      return { key: 'options', message: 'options must not repeat' };
    }
  } else if (definition.options !== undefined) {
    return { key: 'options', message: 'only a select has options' };
  }
  if (definition.default !== undefined) {
    if (definition.secure) return { key: 'default', message: 'a secure setting has no default' };
    const problem = checkAppSettingValue(definition, definition.default);
    if (problem) return { key: 'default', message: `default: ${problem}` };
  }
  return null;
}

/** The plain values an app receives in `data.settings`: entered values, else defaults. */
export function plainAppSettings(
  settings: readonly AppSettingView[],
): Record<string, AppSettingValue> {
  const out: Record<string, AppSettingValue> = {};
  for (const setting of settings) {
    if (setting.secure) continue;
    const value = setting.value ?? setting.default;
    if (value !== undefined && value !== null) out[setting.name] = value;
  }
  return out;
}
