// Settings from the environment: `npm start` loads them from .env (node --env-file=.env).
// `bevatel-dashboard-app register` writes that .env; `bevatel-dashboard-app dev` reads it too.

/** @param {NodeJS.ProcessEnv} env */
export function readConfig(env = process.env) {
  const appOrigin = new URL(env.APP_ORIGIN || 'http://localhost:3001').origin;
  return {
    port: Number(env.PORT || new URL(appOrigin).port || 3001),
    host: env.HOST || '127.0.0.1',
    /** The origin of the URL registered for this app: the `aud` of its context tokens. */
    appOrigin,
    /** Dashboards (and the simulator) allowed to frame this app, space-separated in .env. */
    dashboardOrigins: (env.DASHBOARD_ORIGIN || 'http://localhost:4700')
      .split(/\s+/)
      .filter(Boolean)
      .map((origin) => new URL(origin).origin),
    // @if:backend
    /** The app's signing secret (Settings › Integrations › Dashboard Apps, or `register --secret`). */
    secret: env.BEVATEL_APP_SECRET || '',
    // @end:backend
  };
}
