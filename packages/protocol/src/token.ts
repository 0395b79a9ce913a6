/** Claims of the signed context token (PROTOCOL.md "Signed context"). */
import type { UserRole } from './enums';

export interface ContextTokenClaims {
  /** The installation's base URL. */
  iss: string;
  /** The app's origin. */
  aud: string;
  /** The agent's user id, as a string (JWT convention). */
  sub: string;
  account_id: number;
  app_id: number;
  /** Display id of the conversation. */
  conversation_id: number;
  contact_id: number;
  inbox_id: number;
  role: UserRole;
  iat: number;
  exp: number;
  jti: string;
}
