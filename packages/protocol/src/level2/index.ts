// The schema builders stay inside the package (their names are too generic to export).
export { matches, validate } from './schema';
export type { Infer, Schema, SchemaNode, SchemaProblem } from './schema';
export * from './permissions';
export * from './methods';
export * from './events';
export * from './errors';
export * from './messages';
