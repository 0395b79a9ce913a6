/** The backend side of a Bevatel Dashboard App (Node.js): verify the signed context. */
export { verifyContextToken, signContextToken } from './token';
export type { ContextTokenSecret, VerifyContextTokenOptions } from './token';
export { ContextTokenError } from './errors';
export type { ContextTokenErrorCode } from './errors';
export type { ContextTokenClaims, UserRole } from '@bevatel/protocol';
