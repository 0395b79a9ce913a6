/** The agents module's public entry: what the app and other modules may use. */
export { agentRoutes } from './routes';
export { agentsAmong, agentsByIds, assertAccountMembers, findAgent } from './queries';
