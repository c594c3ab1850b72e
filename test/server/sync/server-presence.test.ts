import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../../server/logger.js';
import { Room, type RoomOptions } from '../../../server/sync/room/room.js';
import { PRESENCE_RENEW_MS } from '../../../server/sync/room/server-presence.js';
import { connectSynced, waitFor, type StockClient } from '../../helpers/clients.js';
import { MemoryStore } from '../../helpers/memory-store.js';
import { TestPeer } from '../../helpers/room-peer.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';

/**
 * The server's own presence in a room (an agent at work): an awareness
 * state of its own, forwarded like any peer's, kept alive for as long as it
 * is open, and removed for everyone when it closes (AGENT-2, SYNC-4).
 */
const OPTIONS: RoomOptions = {
  logger: createLogger('silent'),
  compactAfterUpdates: 10_000,
  compactAfterBytes: 1 << 26,
};
const AGENT_STATE = {
  user: {
    name: 'Forecasting agent',
    color: '#7c3aed',
    kind: 'agent',
    agentId: 'forecasting',
    status: 'Working',
  },
};
/** The batcher forwards on the next turn of the event loop (not faked below). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets `ms` pass for awareness states: y-protocols reads the time through
 * lib0's `getUnixTime`, which is `Date.now` as it was when lib0 loaded, so a
 * faked Date does not reach it; the states' last-renewed times are moved back
 * instead. The faked intervals then run the awareness check and the renewal.
 */
function letTimePass(ms: number, ...awarenesses: awarenessProtocol.Awareness[]): void {
  for (const awareness of awarenesses) for (const meta of awareness.meta.values()) meta.lastUpdated -= ms;
  vi.advanceTimersByTime(ms);
}

describe('Room.openPresence, in the room', () => {
  let store: MemoryStore;
  let room: Room;

  beforeEach(async () => {
    // Only the intervals: the awareness check (every 3 s) and the renewal (see letTimePass for the clock).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    store = new MemoryStore();
    room = await Room.load('p', store, OPTIONS);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await room.close();
    await store.close();
  });

  /** A client's view of the room's presence: every awareness frame the peer was sent, applied as it came. */
  function mirrorOf(peer: TestPeer) {
    const mirror = new awarenessProtocol.Awareness(new Y.Doc());
    mirror.setLocalState(null);
    let applied = 0;
    return {
      mirror,
      catchUp() {
        for (; applied < peer.awarenessReceived.length; applied++) {
          awarenessProtocol.applyAwarenessUpdate(mirror, peer.awarenessReceived[applied]!, 'room');
        }
      },
    };
  }

  it('stays present, in the room and at its peers, through a run far past the 30 s awareness timeout', async () => {
    const peer = TestPeer.inSync(room);
    const { mirror, catchUp } = mirrorOf(peer);
    const presence = room.openPresence(AGENT_STATE);
    await nextTurn();
    catchUp();
    expect(mirror.getStates().get(presence.clientID)).toEqual(AGENT_STATE);

    // A client's state that is never renewed: dropped after the timeout (so time does pass here).
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'quiet', kind: 'user' } });
    room.receive(peer, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]),
    });
    client.destroy();

    for (let elapsed = 0; elapsed < 5 * 60_000; elapsed += PRESENCE_RENEW_MS) {
      letTimePass(PRESENCE_RENEW_MS, room.awareness, mirror);
      await nextTurn();
      catchUp();
      expect(room.awareness.getStates().get(presence.clientID)).toEqual(AGENT_STATE);
      expect(mirror.getStates().get(presence.clientID)).toEqual(AGENT_STATE);
    }
    expect(room.awareness.getStates().has(client.clientID)).toBe(false);
    mirror.destroy();
  });

  it('forwards a new state, and a close removes it for every peer at once', async () => {
    const peer = TestPeer.inSync(room);
    const { mirror, catchUp } = mirrorOf(peer);
    const presence = room.openPresence(AGENT_STATE);
    const next = { user: { ...AGENT_STATE.user, status: 'Forecasting 12 SKUs' } };
    presence.set(next);
    await nextTurn();
    catchUp();
    expect(mirror.getStates().get(presence.clientID)).toEqual(next);

    presence.close();
    catchUp();
    expect(mirror.getStates().has(presence.clientID)).toBe(false);
    expect(room.awareness.getStates().has(presence.clientID)).toBe(false);
    presence.close(); // idempotent
    mirror.destroy();
  });

  it('a room that closes removes the presences still open, for its peers', async () => {
    const peer = TestPeer.inSync(room);
    const { mirror, catchUp } = mirrorOf(peer);
    const presence = room.openPresence(AGENT_STATE);
    await nextTurn();
    catchUp();
    expect(mirror.getStates().has(presence.clientID)).toBe(true);
    await room.close();
    catchUp();
    expect(mirror.getStates().has(presence.clientID)).toBe(false);
    expect(presence.isOpen).toBe(false);
    expect(() => room.openPresence(AGENT_STATE)).toThrow(/closed/);
    mirror.destroy();
  });
});

describe('Room.openPresence, seen by a stock y-websocket client', () => {
  let server: TestServer;
  let client: StockClient | undefined;

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    client?.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it("shows the agent with user.kind 'agent' and its name, and sees it leave", async () => {
    client = await connectSynced(server.wsUrl, 'presence');
    const agents = () =>
      [...client!.provider.awareness.getStates().values()]
        .map((state) => (state as { user?: { kind?: string; name?: string } }).user)
        .filter((user) => user?.kind === 'agent');
    const room = await server.registry.acquire('presence');
    try {
      const presence = room.openPresence(AGENT_STATE);
      await waitFor(() => agents().length === 1, 'the agent at the client');
      expect(agents()[0]?.name).toBe('Forecasting agent');
      presence.close();
      await waitFor(() => agents().length === 0, 'the agent gone at the client');
    } finally {
      server.registry.release('presence');
    }
  });
});
