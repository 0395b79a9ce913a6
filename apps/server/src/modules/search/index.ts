/** The search module's public entry: what the app and other modules may use. */
export { searchRoutes } from './routes';
