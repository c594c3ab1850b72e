// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addItem } from '../../shared/items.js';
import { openRoom } from '../../client/src/sync/open-room.js';
import type { Room } from '../../client/src/sync/room.js';

const opened: Room[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.destroy();
  localStorage.clear();
});

function open(room: string): Room {
  const r = openRoom({ room, userId: 'alice', color: '#3e63dd' });
  opened.push(r);
  return r;
}

function until(check: () => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() - started > ms) reject(new Error('timed out'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('openRoom without a server', () => {
  it('loads the last copy from IndexedDB and keeps counting unsent changes across a reload', async () => {
    // happy-dom's page is about:blank-like; nothing answers the WebSocket, like a server that is down.
    const first = open('offline-room');
    await until(() => first.connection.getSnapshot().loaded);
    addItem(first.doc, { name: 'Kept offline', data: { current_stock: 3 } }, first.origin);
    expect(first.connection.getSnapshot().pending).toBe(1);
    expect(first.connection.getSnapshot().status).not.toBe('online');
    first.destroy();
    opened.pop();

    const again = open('offline-room');
    await until(() => again.items.getSnapshot().length === 1);
    expect(again.items.getSnapshot()[0]).toMatchObject({
      name: 'Kept offline',
      data: { updated_by: 'user:alice' },
    });
    expect(again.connection.getSnapshot().pending).toBe(1);
    // Loading is not activity: the feed starts empty.
    expect(again.activity.getSnapshot()).toEqual([]);
  });

  it('loads the stored copy without an update event (nobody needs it re-encoded), and edits after it have one', async () => {
    const first = open('quiet-load');
    await until(() => first.connection.getSnapshot().loaded);
    addItem(first.doc, { name: 'Stored' }, first.origin);
    first.destroy();
    opened.pop();

    const again = open('quiet-load');
    const heard: unknown[] = [];
    again.doc.on('update', (_update: Uint8Array, origin: unknown) => heard.push(origin));
    await until(() => again.items.getSnapshot().length === 1);
    expect(heard).toEqual([]);
    addItem(again.doc, { name: 'After' }, again.origin);
    expect(heard).toEqual([again.origin]);
    // Still stored: y-indexeddb got its listener back.
    again.destroy();
    opened.pop();
    const third = open('quiet-load');
    await until(() => third.items.getSnapshot().length === 2);
  });

  it('keeps rooms apart', async () => {
    const a = open('room-a');
    await until(() => a.connection.getSnapshot().loaded);
    addItem(a.doc, { name: 'Only in A' }, a.origin);
    const b = open('room-b');
    await until(() => b.connection.getSnapshot().loaded);
    expect(b.items.getSnapshot()).toEqual([]);
    expect(b.connection.getSnapshot().pending).toBe(0);
  });
});
