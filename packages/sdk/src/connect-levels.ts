/**
 * `connect()` for both levels: without `protocol` (or with 1) the level-1 connection
 * (appContext and fetch-info, what every dashboard speaks); with `protocol: 2` the level-2
 * client, resolved once the dashboard's ready came.
 */
import { connect as connectLevel1 } from './connect';
import type { AnyAppContextData } from '@bevatel/protocol';
import type { ConnectOptions, DashboardAppConnection } from './connect';
import { connectLevel2 } from './level2/client';
import type { DashboardAppClient, Level2ConnectOptions } from './level2/types';

export function connect(options: Level2ConnectOptions): Promise<DashboardAppClient>;
export function connect(
  options: ConnectOptions & { protocol?: 1; pages: true },
): DashboardAppConnection<AnyAppContextData>;
export function connect(options?: ConnectOptions & { protocol?: 1 }): DashboardAppConnection;
export function connect(
  options: (ConnectOptions & { protocol?: 1 }) | Level2ConnectOptions = {},
): DashboardAppConnection<AnyAppContextData> | Promise<DashboardAppClient> {
  return options.protocol === 2 ? connectLevel2(options) : connectLevel1(options);
}
