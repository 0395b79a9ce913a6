/** The inboxes module's public entry: what the app and other modules may use. */
export { inboxRoutes } from './routes';
export { findInbox } from './queries';
