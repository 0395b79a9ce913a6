/** The labels module's public entry: what the app and other modules may use. */
export { labelRoutes } from './routes';
export { ensureLabels } from './commands';
