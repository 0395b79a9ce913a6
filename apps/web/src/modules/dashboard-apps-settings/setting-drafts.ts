/**
 * Per-install settings as the form edits them: a definition (name, label, type…) and a value
 * typed as text. Secure values are never shown: a stored one is kept (sent without `value`,
 * which the server reads as "keep") unless the administrator replaces or removes it.
 */
import {
  APP_SETTING_LIMITS,
  APP_SETTING_NAME,
  checkAppSettingDefinition,
  type AppSettingDefinition,
  type AppSettingType,
  type AppSettingValue,
  type AppSettingView,
} from '@bevatel/protocol';
import type { FieldMessage } from './form-messages';

/** What happens to a stored secure value on save. */
export type SecureAction = 'keep' | 'replace' | 'clear';

export interface SettingDraft {
  /** Stable React key (names change while typed). */
  key: string;
  name: string;
  /** The name when loaded: a renamed secure setting loses its stored value. */
  savedName: string | null;
  /** The name follows the label until the administrator types one. */
  nameTouched: boolean;
  label: string;
  labelAr: string;
  description: string;
  type: AppSettingType;
  required: boolean;
  secure: boolean;
  /** A select's choices, one per line. */
  optionsText: string;
  /** Kept from a manifest's definition; dropped when the type changes. */
  default: AppSettingValue | undefined;
  /** Text, number and select values as typed ('' = none). */
  text: string;
  /** A boolean's value. */
  checked: boolean;
  /** Secure settings: a value is stored on the server. */
  storedSecure: boolean;
  secureAction: SecureAction;
}

export type SettingPart = 'name' | 'label' | 'labelAr' | 'options' | 'secure' | 'value' | 'default';

let nextKey = 0;
const newKey = () => `setting-${(nextKey += 1)}`;

export function newSettingDraft(): SettingDraft {
  return {
    key: newKey(),
    name: '',
    savedName: null,
    nameTouched: false,
    label: '',
    labelAr: '',
    description: '',
    type: 'text',
    required: false,
    secure: false,
    optionsText: '',
    default: undefined,
    text: '',
    checked: false,
    storedSecure: false,
    secureAction: 'replace',
  };
}

/** A setting of a saved app (or of a manifest, with no value) as a draft. */
export function settingDraftOf(
  setting: AppSettingDefinition & Partial<AppSettingView>,
): SettingDraft {
  const value = setting.value ?? null;
  const storedSecure = setting.secure && setting.has_value === true;
  return {
    ...newSettingDraft(),
    name: setting.name,
    savedName: setting.name,
    nameTouched: true,
    label: setting.label,
    labelAr: setting.label_ar ?? '',
    description: setting.description ?? '',
    type: setting.type,
    required: setting.required,
    secure: setting.secure,
    optionsText: (setting.options ?? []).join('\n'),
    default: setting.default,
    text: value === null || typeof value === 'boolean' ? '' : String(value),
    checked: value === true,
    storedSecure,
    secureAction: storedSecure ? 'keep' : 'replace',
  };
}

/** `Order API key` → `order_api_key`; letters outside a–z are dropped (an Arabic label gives ''). */
export function nameFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return words.slice(0, APP_SETTING_LIMITS.nameLength);
}

export const optionsOf = (draft: Pick<SettingDraft, 'optionsText'>): string[] =>
  draft.optionsText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Whether the stored secure value survives this draft (a rename or a switch to plain loses it). */
export const keepsStoredSecret = (draft: SettingDraft): boolean =>
  draft.storedSecure && draft.secure && draft.name.trim() === draft.savedName;

/** The definition the draft describes (trimmed), as the server reads it. */
export function definitionOf(draft: SettingDraft): AppSettingDefinition {
  const definition: AppSettingDefinition = {
    name: draft.name.trim(),
    label: draft.label.trim(),
    type: draft.type,
    required: draft.required,
    secure: draft.type === 'text' && draft.secure,
  };
  if (draft.labelAr.trim()) definition.label_ar = draft.labelAr.trim();
  if (draft.description.trim()) definition.description = draft.description.trim();
  if (draft.type === 'select') definition.options = optionsOf(draft);
  if (draft.default !== undefined && !definition.secure) definition.default = draft.default;
  return definition;
}

type ValueReading = { kind: 'set'; value: AppSettingValue } | { kind: 'none' } | { kind: 'keep' };

/** What the draft says about its value: a value, none, or (secure) keep the stored one. */
export function readDraftValue(draft: SettingDraft): ValueReading | { kind: 'bad' } {
  const definition = definitionOf(draft);
  if (definition.secure) {
    if (!keepsStoredSecret(draft)) {
      return draft.text === '' ? { kind: 'none' } : { kind: 'set', value: draft.text };
    }
    if (draft.secureAction === 'clear') return { kind: 'none' };
    // Replace opened but left empty: nothing was typed over the stored value, so it stays.
    if (draft.secureAction === 'keep' || draft.text === '') return { kind: 'keep' };
    return { kind: 'set', value: draft.text };
  }
  if (draft.type === 'boolean') return { kind: 'set', value: draft.checked };
  const text = draft.text.trim();
  if (text === '') return { kind: 'none' };
  if (draft.type === 'number') {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) ? { kind: 'set', value: number } : { kind: 'bad' };
  }
  return { kind: 'set', value: draft.type === 'select' ? text : draft.text };
}

/** One entry of the `settings` body: a kept secure value is sent without `value`. */
export function settingBodyOf(draft: SettingDraft): AppSettingDefinition & {
  value?: AppSettingValue | null;
} {
  const definition = definitionOf(draft);
  const value = readDraftValue(draft);
  if (value.kind === 'keep') return definition;
  if (value.kind === 'set') return { ...definition, value: value.value };
  return { ...definition, value: null };
}

/** Whether a value will be there after saving (entered, kept, or a default). */
function hasValue(draft: SettingDraft): boolean {
  const value = readDraftValue(draft);
  if (value.kind === 'set' || value.kind === 'keep') return true;
  return !draft.secure && draft.default !== undefined;
}

/** The first problem of each setting, by part, as messages of this module's catalog. */
export function settingProblems(
  drafts: readonly SettingDraft[],
): Partial<Record<`setting.${number}.${SettingPart}`, FieldMessage>> {
  const problems: Partial<Record<`setting.${number}.${SettingPart}`, FieldMessage>> = {};
  const names = new Map<string, number>();
  drafts.forEach((draft, index) => {
    const at = (part: SettingPart) => `setting.${index}.${part}` as const;
    const definition = definitionOf(draft);
    if (!definition.name) problems[at('name')] = { key: 'settings.nameRequired' };
    else if (
      !APP_SETTING_NAME.test(definition.name) ||
      definition.name.length > APP_SETTING_LIMITS.nameLength
    ) {
      problems[at('name')] = { key: 'settings.nameInvalid' };
    } else if (names.has(definition.name)) problems[at('name')] = { key: 'settings.nameTaken' };
    names.set(definition.name, index);
    const problem = definition.name ? checkAppSettingDefinition(definition) : null;
    if (!definition.label) problems[at('label')] = { key: 'settings.labelRequired' };
    else if (problem?.key === 'label')
      problems[at('label')] = {
        key: 'settings.labelTooLong',
        values: { max: APP_SETTING_LIMITS.labelLength },
      };
    if (problem?.key === 'label_ar')
      problems[at('labelAr')] = {
        key: 'settings.labelTooLong',
        values: { max: APP_SETTING_LIMITS.labelLength },
      };
    if (problem?.key === 'options')
      problems[at('options')] = {
        key: 'settings.optionsInvalid',
        values: { max: APP_SETTING_LIMITS.options },
      };
    if (problem?.key === 'default') problems[at('default')] = { text: problem.message };
    const value = readDraftValue(draft);
    if (value.kind === 'bad') problems[at('value')] = { key: 'settings.numberInvalid' };
    else if (
      value.kind === 'set' &&
      typeof value.value === 'string' &&
      value.value.length > APP_SETTING_LIMITS.valueLength
    ) {
      problems[at('value')] = {
        key: 'settings.valueTooLong',
        values: { max: APP_SETTING_LIMITS.valueLength },
      };
    } else if (
      draft.type === 'select' &&
      value.kind === 'set' &&
      !optionsOf(draft).includes(String(value.value))
    ) {
      problems[at('value')] = { key: 'settings.choose' };
    } else if (draft.required && !hasValue(draft))
      problems[at('value')] = { key: 'settings.valueRequired' };
  });
  return problems;
}
