import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { defer } from './inbox.js';

/**
 * One benchmark client: a Y.Doc synced through the provider its server is
 * meant to be used with — the stock y-websocket `WebsocketProvider` for
 * Stockroom and the reference server, `@hocuspocus/provider` for Hocuspocus —
 * over a `ws` socket that counts what it receives.
 */
export type ClientKind = 'y-websocket' | 'hocuspocus';

export interface Endpoint {
  kind: ClientKind;
  /** ws:// base URL; the room name is appended by the provider. */
  url: string;
  room: string;
}

export interface WireCounter {
  messages: number;
  bytes: number;
  /** Sockets opened: more than one means the client reconnected. */
  opens: number;
  /** Date.now() of the last time the socket opened or read a message. */
  lastHeardAt: number;
}

export interface BenchClient {
  readonly doc: Y.Doc;
  readonly counter: WireCounter;
  isSynced(): boolean;
  /** Resolves at the provider's own "synced" event (its initial sync step 2 applied). */
  whenSynced(): Promise<void>;
  destroy(): void;
}

function byteLength(data: WebSocket.RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return data.byteLength;
}

/**
 * A `ws` WebSocket class whose instances count what they receive and hand
 * each message to the provider through the inbox (see inbox.ts) instead of
 * inline, so that a busy process still reads its sockets and answers pings.
 */
function countingSocket(counter: WireCounter) {
  return class CountingSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      counter.opens += 1;
      counter.lastHeardAt = Date.now();
      this.on('open', () => (counter.lastHeardAt = Date.now()));
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'message') return super.emit(event, ...args);
      counter.messages += 1;
      counter.bytes += byteLength(args[0] as WebSocket.RawData);
      counter.lastHeardAt = Date.now();
      defer(() => super.emit(event, ...args));
      return true;
    }
  };
}

/**
 * Both providers reconnect when they have handled no message for 30 s. With
 * delivery deferred, "handled" lags "received" when the process is busy, so
 * the providers' liveness clocks are pointed at the socket's: a client is
 * alive while its socket hears from the server.
 */
function livenessFromSocket(target: object, property: string, counter: WireCounter): void {
  Object.defineProperty(target, property, {
    configurable: true,
    get: () => counter.lastHeardAt,
    set: () => {},
  });
}

export function connectClient(endpoint: Endpoint, doc: Y.Doc = new Y.Doc()): BenchClient {
  const counter: WireCounter = { messages: 0, bytes: 0, opens: 0, lastHeardAt: Date.now() };
  const WebSocketPolyfill = countingSocket(counter);
  if (endpoint.kind === 'y-websocket') {
    const provider = new WebsocketProvider(endpoint.url, endpoint.room, doc, {
      WebSocketPolyfill: WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    livenessFromSocket(provider, 'wsLastMessageReceived', counter);
    return {
      doc,
      counter,
      isSynced: () => provider.synced,
      whenSynced: () =>
        new Promise<void>((resolve) => {
          if (provider.synced) return resolve();
          const onSync = (state: boolean): void => {
            if (!state) return;
            provider.off('sync', onSync);
            resolve();
          };
          provider.on('sync', onSync);
        }),
      destroy: () => provider.destroy(),
    };
  }
  const socket = new HocuspocusProviderWebsocket({ url: endpoint.url, WebSocketPolyfill });
  livenessFromSocket(socket, 'lastMessageReceived', counter);
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: endpoint.room, document: doc });
  provider.attach();
  return {
    doc,
    counter,
    isSynced: () => provider.synced,
    whenSynced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) return resolve();
        const onSynced = ({ state }: { state: boolean }): void => {
          if (!state) return;
          provider.off('synced', onSynced);
          resolve();
        };
        provider.on('synced', onSynced);
      }),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves when every client has completed its initial sync; polls, since both providers expose a flag. */
export function allSynced(clients: readonly BenchClient[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const pending = clients.filter((c) => !c.isSynced()).length;
      if (pending === 0) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`${pending} of ${clients.length} clients not synced after ${timeoutMs} ms`));
      }
    }, 2);
  });
}
