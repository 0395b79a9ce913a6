/** Notifications: what the app uses of this module (they are written by core/notifications.ts). */
export { notificationRoutes } from './routes';
