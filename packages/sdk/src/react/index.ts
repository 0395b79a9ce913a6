/** React bindings: `useAppContext()` keeps a component in step with the dashboard's context. */
export { useAppContext } from './use-app-context';
export type {
  AppContextStatus,
  UseAppContextOptions,
  UseAppContextResult,
} from './use-app-context';
export type * from '../types';
