/**
 * `npm start -w @bevatel/example-order-history`. Needs ORDER_HISTORY_SECRET (the signing secret
 * the dashboard shows when the app is registered); PORT and HOST override the defaults.
 */
import { DEFAULT_PORT, startOrderHistory } from './start';

const app = await startOrderHistory({
  port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT,
  host: process.env.HOST ?? '127.0.0.1',
  logger: true,
});
console.log(`Order history is listening on ${app.url}`);
// `npm start` has the demo seed register it already, with its secret.
if (process.env.DASHBOARD_APP_REGISTERED !== '1') {
  console.log(
    'Register that URL in Settings › Integrations › Dashboard Apps, with a signing secret.',
  );
}

const stop = (): void => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
