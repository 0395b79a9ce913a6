export * from './keys';
export * from './enums';
export * from './entities';
export * from './api';
export * from './app-context';
export * from './guards';
export * from './realtime';
export * from './token';
