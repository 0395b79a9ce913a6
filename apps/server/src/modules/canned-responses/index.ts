/** Canned responses: what the app uses of this module. */
export { cannedResponseRoutes } from './routes';
