/** `npm start` runs this: the demo shop with the dashboard's demo widget embedded. */
import { DEMO_CUSTOMER, startShop } from './start';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) {
    console.error(`demo shop: ${name} is required`);
    process.exit(1);
  }
  return value;
};

const port = Number(env.PORT ?? 4300);
const host = env.HOST ?? '127.0.0.1';
await startShop({
  port,
  host,
  dashboardUrl: required('DASHBOARD_URL'),
  websiteToken: required('WIDGET_TOKEN'),
  hmacToken: required('WIDGET_SECRET'),
  customer: DEMO_CUSTOMER,
  log: (line) => console.log(`${new Date().toISOString()} ${line}`),
});
console.log(`demo shop on http://${host}:${port}/`);
