import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { ApiError } from './api';
import { fieldErrorText } from './field-error';

const i18n = i18next.createInstance();
const refused = (field: string, message: string, reason?: string) =>
  new ApiError(422, 'unprocessable_entity', message, field, reason);

describe('field errors in the agent’s language', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { en: { translation: en }, ar: { translation: ar } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  it('words each password reason the server gives, in Arabic and English', () => {
    const short = refused(
      'password',
      'The password must have at least 10 characters',
      'password_too_short',
    );
    expect(fieldErrorText(short, 'password', i18n.getFixedT('en'))).toBe(
      'The password must have at least 10 characters.',
    );
    expect(fieldErrorText(short, 'password', i18n.getFixedT('ar'))).toBe(
      'يجب أن تتكوّن كلمة المرور من 10 أحرف على الأقل.',
    );
    const common = refused('password', 'common', 'password_common');
    expect(fieldErrorText(common, 'password', i18n.getFixedT('ar'))).toMatch(/شيوعًا/);
    const guessable = refused('password', 'guessable', 'password_guessable');
    expect(fieldErrorText(guessable, 'password', i18n.getFixedT('ar'))).toMatch(/سهلة التخمين/);
  });

  it('shows the server’s message for other reasons, and nothing for another field', () => {
    const other = refused('current_password', 'current_password is not your current password');
    const t = i18n.getFixedT('ar');
    expect(fieldErrorText(other, 'current_password', t)).toBe(
      'current_password is not your current password',
    );
    expect(fieldErrorText(other, 'password', t)).toBeUndefined();
    expect(fieldErrorText(new Error('boom'), 'password', t)).toBeUndefined();
    expect(fieldErrorText(null, 'password', t)).toBeUndefined();
  });
});
