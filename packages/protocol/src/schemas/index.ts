/**
 * `@bevatel/protocol/schemas`: the REST contract as TypeBox schemas (the server declares them
 * on its routes; their static types type the web client). A separate entry, so the SDK and
 * anything else that imports the protocol's main entry carries no schema library.
 */
export * from './build';
export * from './entities';
export * from './responses';
export * from './webhooks';
export * from './canned-responses';
export * from './notifications';
export * from './custom-attributes';
export * from './web-widget';
export * from './dashboard-apps';
export * from './password-resets';
export * from './endpoints';
export { schemasMatchEntities } from './contract';
