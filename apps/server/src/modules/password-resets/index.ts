/** The password-resets module's public entry: what the app and other modules may use. */
export { accountPasswordResetRoutes, passwordResetRoutes } from './routes';
