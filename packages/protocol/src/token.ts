/** Claims of the signed context token (PROTOCOL.md "Signed context"). */
import type { UserRole } from './enums';
import type { DashboardAppLocation } from './placements';

export interface ContextTokenClaims {
  /** The origin of the installation's PUBLIC_URL (the dashboard origin apps trust). */
  iss: string;
  /** The app's origin. */
  aud: string;
  /** The agent's user id, as a string (JWT convention). */
  sub: string;
  account_id: number;
  app_id: number;
  /** Display id of the conversation; null on `contact.page` and `navigation.page`. */
  conversation_id: number | null;
  /** Null on `navigation.page`. */
  contact_id: number | null;
  /** Null on `contact.page` and `navigation.page`. */
  inbox_id: number | null;
  role: UserRole;
  /** Where the app is shown (absent in tokens minted before locations existed). */
  location?: DashboardAppLocation;
  iat: number;
  exp: number;
  jti: string;
}
