/** The contacts module's public entry: what the app and other modules may use. */
export { contactRoutes } from './routes';
export { contactScope, findContact, listContacts } from './queries';
