/** The auth module's public entry: what the app and other modules may use. */
export { authRoutes, sessionCookieOptions } from './routes';
export { profileRoutes } from './profile-routes';
export { avatarRoutes } from './avatar-routes';
export { profileWithTokens } from './profile';
export { createSession } from './sessions';
export { assertPasswordPolicy } from './password-policy';
export { revokePendingResets } from './pending-resets';
