/** The dashboard-apps module's public entry: what the app and other modules may use. */
export { dashboardAppRoutes } from './routes';
export { bodyKeys, installActingApp, type AppActionRule } from './acting-app';
export { appFrameOriginsOfUser } from './frame-origins';
export { presentDashboardApp } from './presenter';
export { listApps } from './queries';
export { appAppearsFor, loadAppViewer } from './visibility';
