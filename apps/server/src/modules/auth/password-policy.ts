/**
 * Which passwords people may choose: at least 10 characters, and not one that attackers try
 * first. zxcvbn-ts knows the common-password lists and the patterns (keyboard walks, dates,
 * repeats, the person's own e-mail or name) that make a long password easy all the same.
 */
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from '@bevatel/protocol';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { invalid } from '../../lib/errors';

/** zxcvbn's 0–4 scale: 2 is "somewhat guessable" (≥ 10^6 guesses), the least we accept. */
const MIN_SCORE = 2;

let estimator: ZxcvbnFactory | null = null;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: common.dictionary,
    graphs: common.adjacencyGraphs,
  }));

const commonPasswords = new Set(common.dictionary['passwords-common']);

/** What the English message says for each reason (clients word the reason themselves). */
const MESSAGES: Record<PasswordProblem, string> = {
  password_too_short: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  password_common: 'This password is one of the most common: choose another',
  password_guessable:
    'This password is too easy to guess: use a longer phrase or mix unrelated words',
};

/** Why this password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  personal: readonly string[] = [],
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (commonPasswords.has(password.toLowerCase())) return 'password_common';
  const inputs = personal.flatMap((value) => [value, ...value.split(/[@.\s]+/)]).filter(Boolean);
  if (strength().check(password, inputs).score < MIN_SCORE) return 'password_guessable';
  return null;
}

/** Throws a 422 on `field` when the password breaks the policy. */
export function assertPasswordPolicy(
  password: string,
  personal: readonly string[] = [],
  field = 'password',
): void {
  const problem = passwordProblem(password, personal);
  if (problem) throw invalid(field, MESSAGES[problem], problem);
}
