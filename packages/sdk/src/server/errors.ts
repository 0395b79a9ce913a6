export type ContextTokenErrorCode =
  | 'malformed'
  | 'unsupported_alg'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'lifetime_too_long';

/** Why a context token was refused. `code` is stable; `message` is for logs. */
export class ContextTokenError extends Error {
  override readonly name = 'ContextTokenError';
  readonly code: ContextTokenErrorCode;

  constructor(code: ContextTokenErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type WebhookSignatureErrorCode =
  'missing_header' | 'malformed' | 'bad_signature' | 'expired';

/** Why a webhook request was refused. `code` is stable; `message` is for logs. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
  readonly code: WebhookSignatureErrorCode;

  constructor(code: WebhookSignatureErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
