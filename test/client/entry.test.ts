import { describe, expect, it } from 'vitest';
import { generateUserId, PALETTE, storedColor, storedUserId } from '../../client/src/entry/identity.js';
import { readEntry } from '../../client/src/entry/params.js';
import { wsBase } from '../../client/src/sync/open-room.js';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('entry parameters', () => {
  it('defaults to the demo room and a generated user kept in storage', () => {
    const storage = memoryStorage();
    const first = readEntry('', storage);
    const second = readEntry('', storage);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.session.room).toBe('demo');
    expect(first.session.userId).toMatch(/^[a-z]+-[a-z]+-\d{2}$/);
    expect(second.session.userId).toBe(first.session.userId);
    expect(second.session.color).toBe(first.session.color);
    expect(first.session.token).toBeUndefined();
  });

  it('takes room, user and token from the query', () => {
    const result = readEntry('?room=shop_1&user=alice&token=abc.def', memoryStorage());
    expect(result).toMatchObject({
      ok: true,
      session: { room: 'shop_1', userId: 'alice', token: 'abc.def' },
    });
  });

  it('refuses an invalid room name', () => {
    expect(readEntry('?room=../etc', memoryStorage())).toMatchObject({ ok: false });
    expect(readEntry(`?room=${'a'.repeat(65)}`, memoryStorage())).toMatchObject({ ok: false });
    expect(readEntry('?room=', memoryStorage())).toMatchObject({ ok: false });
    expect(readEntry('?user=%20', memoryStorage())).toMatchObject({ ok: false });
  });

  it('works without storage', () => {
    expect(readEntry('', undefined).ok).toBe(true);
    expect(storedUserId(undefined, () => 0)).toBe(generateUserId(() => 0));
    expect(PALETTE).toContain(storedColor(undefined, () => 0.99));
  });
});

it('derives the WebSocket base from the page location', () => {
  expect(wsBase({ protocol: 'http:', host: '127.0.0.1:8787' })).toBe('ws://127.0.0.1:8787');
  expect(wsBase({ protocol: 'https:', host: 'stock.example' })).toBe('wss://stock.example');
});
