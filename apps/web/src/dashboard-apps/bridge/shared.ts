import { createHostBridge, type HostBridge } from './host-bridge';

let shared: HostBridge | null = null;

/** The dashboard's one bridge (and so its one `message` listener), created on first use. */
export function sharedHostBridge(): HostBridge {
  shared ??= createHostBridge(window);
  return shared;
}
