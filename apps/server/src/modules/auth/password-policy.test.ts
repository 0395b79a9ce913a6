import { describe, expect, it } from 'vitest';
import { HttpError } from '../../lib/errors';
import { assertPasswordPolicy, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('names why a password is refused', () => {
    expect(passwordProblem('short one')).toBe('password_too_short');
    expect(passwordProblem('password1234')).toBe('password_common');
    expect(passwordProblem('abcabcabcabc')).toBe('password_guessable');
    expect(passwordProblem('tamarind under a blue awning')).toBeNull();
  });

  it('throws a 422 on the field with the English message and the reason for clients', () => {
    let thrown: unknown;
    try {
      assertPasswordPolicy('short one');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({
      statusCode: 422,
      field: 'password',
      reason: 'password_too_short',
      message: 'The password must have at least 10 characters',
    });
  });
});
