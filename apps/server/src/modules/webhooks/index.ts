/** Account webhooks: what the rest of the server uses of this module. */
export { webhooksPlugin } from './plugin';
export { webhookRoutes } from './routes';
