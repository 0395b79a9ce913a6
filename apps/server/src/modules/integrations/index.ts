/** The integrations module's public entry: what the app and other modules may use. */
export { integrationRoutes } from './routes';
