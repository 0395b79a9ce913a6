/** The messages module's public entry: what the app and other modules may use. */
export { messageRoutes } from './routes';
export { appendMessage } from './commands';
export { MAX_MESSAGE_LENGTH } from './schemas';
