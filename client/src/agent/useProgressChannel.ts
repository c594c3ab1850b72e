import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { RequestContext } from '../../../shared/progress.js';
import { ProgressClient } from './progress-client.js';
import type { ConnectionStatus, ProgressSource } from './progress-source.js';
import { requestList, type RequestGroup } from './progress-state.js';

export interface UseProgressChannelOptions {
  room: string;
  userId: string;
  token?: string;
  /** An injected source (tests, a shared client); the hook then neither starts nor stops it. */
  client?: ProgressSource;
}

export interface ProgressChannel {
  status: ConnectionStatus;
  /** Oldest first. */
  requests: readonly RequestGroup[];
  notice: string | undefined;
  send(input: string, context?: RequestContext): string | null;
  cancel(requestId: string): boolean;
}

/**
 * The room's progress channel for React. Without an injected client it owns one per room/token:
 * created during render (cheap, no I/O) and connected in an effect, so StrictMode's double mount
 * just stops and restarts it.
 */
export function useProgressChannel({
  room,
  userId,
  token,
  client,
}: UseProgressChannelOptions): ProgressChannel {
  const owned = useMemo(
    () => (client ? null : new ProgressClient({ room, ...(token ? { token } : {}) })),
    [client, room, token],
  );
  const source: ProgressSource = client ?? (owned as ProgressClient);

  useEffect(() => {
    if (!owned) return;
    owned.start();
    return () => owned.stop();
  }, [owned]);

  const subscribe = useCallback((listener: () => void) => source.subscribe(listener), [source]);
  const getSnapshot = useCallback(() => source.getSnapshot(), [source]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const requests = useMemo(() => requestList(snapshot.state), [snapshot.state]);

  // userId travels with each request rather than keying the socket: renaming must not reconnect.
  const send = useCallback(
    (input: string, context?: RequestContext) =>
      source.sendRequest({ input, userId, ...(context ? { context } : {}) }),
    [source, userId],
  );
  const cancel = useCallback((requestId: string) => source.cancel(requestId), [source]);

  return { status: snapshot.status, requests, notice: snapshot.state.notice, send, cancel };
}
