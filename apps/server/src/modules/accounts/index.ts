/** The accounts module's public entry: what the app and other modules may use. */
export { accountRoutes } from './routes';
