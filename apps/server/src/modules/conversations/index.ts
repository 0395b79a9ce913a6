/** The conversations module's public entry: what the app and other modules may use. */
export { conversationRoutes } from './routes';
export { listConversations, type ConversationFilters } from './queries';
export { ConversationParams } from './schemas';
export { nextDisplayId } from './commands/create';
export { attributesText } from './commands/shared';
export { snoozePlugin } from './snooze-plugin';
