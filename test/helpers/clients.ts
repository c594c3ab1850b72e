import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ITEMS_KEY } from '../../shared/items.js';

/** A stock y-websocket client (the same provider browsers use), with `ws` as its socket. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(wsUrl: string, room: string, options: { connect?: boolean; doc?: Y.Doc } = {}) {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    // Tests that check reconnects should not wait seconds for a backoff.
    maxBackoffTime: 300,
  });
  const client: StockClient = {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  return client;
}

/** Resolves when `predicate` holds, re-checking on every doc update and on a short interval. */
export function waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }
    }, 10);
  });
}

export async function connectSynced(wsUrl: string, room: string): Promise<StockClient> {
  const client = connectClient(wsUrl, room);
  await waitFor(() => client.provider.synced, `client of ${room} to sync`);
  return client;
}

/** toJSON() leaves subdocuments as Y.Doc objects, whose client ids are random: compare them by guid. */
function withSubdocsByGuid(value: unknown): unknown {
  if (value instanceof Y.Doc) return { subdoc: value.guid };
  if (Array.isArray(value)) return value.map(withSubdocsByGuid);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSubdocsByGuid(v)]));
  }
  return value;
}

/** The document as JSON plus its state vector, the two things converged peers must share. */
export function fingerprint(doc: Y.Doc): { json: unknown; stateVector: number[] } {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  return {
    // Through getMap: doc.toJSON() leaves out root types this doc never asked for by name.
    json: { items: withSubdocsByGuid(doc.getMap(ITEMS_KEY).toJSON()) },
    stateVector: [...sv.entries()].sort(([a], [b]) => a - b).flat(),
  };
}
