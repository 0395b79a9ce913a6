/** Custom attribute definitions: the routes, and the value check every attribute write uses. */
export { customAttributeRoutes } from './routes';
export { checkCustomAttributes } from './values';
