/**
 * The visitor's socket (`/cable?pubsub_token=`): reconnects with backoff, pings every 25 s,
 * and tells its owner of `visitor.*` events and of each reconnect (to refetch what it missed).
 */
import type { VisitorEvent } from '@bevatel/protocol';

export interface VisitorSocket {
  close(): void;
}

export function openVisitorSocket(
  baseUrl: string,
  pubsubToken: string,
  onEvent: (event: VisitorEvent) => void,
  onState: (state: 'open' | 'reconnecting', reconnected: boolean) => void,
): VisitorSocket {
  const url = `${baseUrl.replace(/^http/, 'ws')}/cable?pubsub_token=${encodeURIComponent(pubsubToken)}`;
  let socket: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let opened = false;
  let ping: ReturnType<typeof setInterval> | undefined;
  const connect = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      onState('open', opened);
      opened = true;
      attempt = 0;
      ping = setInterval(() => socket?.send('{"type":"ping"}'), 25_000);
    };
    socket.onmessage = (message) => {
      try {
        const data = JSON.parse(String(message.data)) as { event?: string };
        if (typeof data.event === 'string' && data.event.startsWith('visitor.')) {
          onEvent(data as VisitorEvent);
        }
      } catch {
        // not ours
      }
    };
    socket.onclose = (event) => {
      clearInterval(ping);
      if (closed || event.code === 4401 || event.code === 4403) return;
      onState('reconnecting', opened);
      attempt += 1;
      setTimeout(connect, Math.min(30_000, 500 * 2 ** attempt));
    };
  };
  connect();
  return {
    close() {
      closed = true;
      clearInterval(ping);
      socket?.close();
    },
  };
}
