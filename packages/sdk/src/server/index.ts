/**
 * The backend side (Node.js): verify the signed context of a Dashboard App, and the signature
 * of webhook requests.
 */
export { verifyContextToken, signContextToken } from './token';
export type { ContextTokenSecret, VerifyContextTokenOptions } from './token';
export { verifyWebhook, verifyWebhookSignature } from './webhook';
export type { VerifiedWebhook, VerifyWebhookOptions, WebhookHeaders } from './webhook';
export { ContextTokenError, WebhookSignatureError } from './errors';
export type { ContextTokenErrorCode, WebhookSignatureErrorCode } from './errors';
export type { ContextTokenClaims, UserRole, WebhookEventName } from '@bevatel/protocol';
export { WEBHOOK_EVENTS, WEBHOOK_HEADERS } from '@bevatel/protocol';
