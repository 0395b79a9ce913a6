/** The teams module's public entry: what the app and other modules may use. */
export { teamRoutes } from './routes';
