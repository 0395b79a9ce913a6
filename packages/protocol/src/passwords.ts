/** The shortest password anyone may choose (the server also refuses easily guessed ones). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why the server refused a new password, in the error body's `reason` (beside the English
 * `message`), so that a client can say it in the user's language.
 */
export const PASSWORD_PROBLEMS = [
  'password_too_short',
  'password_common',
  'password_guessable',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export function isPasswordProblem(value: unknown): value is PasswordProblem {
  return (PASSWORD_PROBLEMS as readonly unknown[]).includes(value);
}
