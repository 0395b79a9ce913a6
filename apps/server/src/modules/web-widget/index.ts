/** The web-widget module's public entry: what the app and other modules may use. */
export { publicWidgetRoutes } from './public-routes';
export { widgetFileRoutes } from './frame-routes';
export { agentTypingRoutes } from './typing-routes';
export { authenticateVisitor } from './visitor-socket';
export { createWidgetChannel, updateWidgetChannel } from './commands';
export { withWidgetChannel } from './presenter';
export { widgetsOfInboxes } from './queries';
export {
  WidgetChannelFields,
  WidgetInboxFields,
  widgetColumns,
  widgetOptionsOf,
  type WidgetOptionsBody,
} from './settings';
