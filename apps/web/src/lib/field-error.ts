import { MIN_PASSWORD_LENGTH, type PasswordProblem, isPasswordProblem } from '@bevatel/protocol';
import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** The reasons the dashboard words itself; any other error shows the server's message. */
const reasonText = (reason: PasswordProblem, t: TFunction): string => {
  switch (reason) {
    case 'password_too_short':
      return t('errors.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    case 'password_common':
      return t('errors.passwordCommon');
    case 'password_guessable':
      return t('errors.passwordGuessable');
  }
};

/** What to show under `field` for a failed request: in the agent's language where it can be. */
export function fieldErrorText(error: unknown, field: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError) || error.field !== field) return undefined;
  return isPasswordProblem(error.reason) ? reasonText(error.reason, t) : error.message;
}
