import { describe, expect, it } from 'vitest';
import {
  nameFromLabel,
  newSettingDraft,
  settingBodyOf,
  settingDraftOf,
  settingProblems,
  type SettingDraft,
} from './setting-drafts';

const draft = (patch: Partial<SettingDraft>): SettingDraft => ({
  ...newSettingDraft(),
  name: 'store_id',
  label: 'Store id',
  ...patch,
});

describe('setting drafts', () => {
  it('names a setting after its label until a name is typed', () => {
    expect(nameFromLabel('Order API key')).toBe('order_api_key');
    expect(nameFromLabel('  2nd Store-ID! ')).toBe('nd_store_id');
    expect(nameFromLabel('مفتاح')).toBe('');
  });

  it('keeps a stored secure value unless it is replaced or removed', () => {
    const saved = settingDraftOf({
      name: 'api_key',
      label: 'API key',
      type: 'text',
      required: true,
      secure: true,
      has_value: true,
    });
    expect(saved.storedSecure).toBe(true);
    const definition = {
      name: 'api_key',
      label: 'API key',
      type: 'text',
      required: true,
      secure: true,
    };
    // Kept: no `value` at all, which the server reads as "keep".
    expect(settingBodyOf(saved)).toEqual(definition);
    expect(settingBodyOf({ ...saved, secureAction: 'replace', text: '' })).toEqual(definition);
    expect(settingBodyOf({ ...saved, secureAction: 'replace', text: 'sk-new' })).toEqual({
      ...definition,
      value: 'sk-new',
    });
    expect(settingBodyOf({ ...saved, secureAction: 'clear' })).toEqual({
      ...definition,
      value: null,
    });
    // Renamed: the stored value does not follow, so a required one needs a new value.
    const renamed = { ...saved, name: 'token' };
    expect(settingProblems([renamed])).toEqual({
      'setting.0.value': { key: 'settings.valueRequired' },
    });
    expect(settingProblems([saved])).toEqual({});
  });

  it('sends plain values typed, and null for none', () => {
    expect(settingBodyOf(draft({ text: ' 42 ', type: 'number' }))).toMatchObject({ value: 42 });
    expect(settingBodyOf(draft({ type: 'boolean', checked: true }))).toMatchObject({ value: true });
    expect(settingBodyOf(draft({ text: '' }))).toMatchObject({ value: null });
    expect(
      settingBodyOf(draft({ type: 'select', optionsText: 'eu\n us \n', text: 'us' })),
    ).toMatchObject({ options: ['eu', 'us'], value: 'us' });
  });

  it('finds what the server would refuse, per setting and part', () => {
    expect(
      settingProblems([
        draft({ name: 'Store' }),
        draft({ name: 'a', label: '' }),
        draft({ name: 'a', type: 'number', text: 'twelve' }),
        draft({ name: 'b', type: 'select', optionsText: '' }),
        draft({ name: 'c', required: true }),
      ]),
    ).toEqual({
      'setting.0.name': { key: 'settings.nameInvalid' },
      'setting.1.label': { key: 'settings.labelRequired' },
      'setting.2.name': { key: 'settings.nameTaken' },
      'setting.2.value': { key: 'settings.numberInvalid' },
      'setting.3.options': { key: 'settings.optionsInvalid', values: { max: 100 } },
      'setting.4.value': { key: 'settings.valueRequired' },
    });
  });
});
