/** `npm start -w @bevatel/example-customer-360`: PORT and HOST override the defaults. */
import { DEFAULT_PORT, startCustomer360 } from './start';

const app = await startCustomer360({
  port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT,
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`Customer 360 is listening on ${app.url}`);
// `npm start` has the demo seed register it already.
if (process.env.DASHBOARD_APP_REGISTERED !== '1') {
  console.log('Register that URL in Settings › Integrations › Dashboard Apps.');
}

const stop = (): void => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
