import { describe, expect, it } from 'vitest';
import { RoomQueues } from '../../../server/requests/room-queues.js';

/** A started item that finishes only when the test says so. */
interface Task {
  name: string;
  done?: () => void;
}

function harness() {
  const log: string[] = [];
  const queues = new RoomQueues<Task>(
    (task) => {
      log.push(`start ${task.name}`);
      return new Promise<void>((resolve) => (task.done = resolve));
    },
    (task) => log.push(`settled ${task.name}`),
  );
  const add = (room: string, name: string): Task => {
    const task: Task = { name };
    queues.push(room, task);
    queues.pump(room);
    return task;
  };
  return { log, queues, add };
}

/** Lets the `finally` that frees a room run. */
const ticks = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("RoomQueues (PROG-8: a room's requests run one at a time in arrival order)", () => {
  it("starts a room's items one at a time, in push order, each after the previous settled", async () => {
    const { log, queues, add } = harness();
    const a = add('r', 'a');
    const b = add('r', 'b');
    add('r', 'c');
    expect(log).toEqual(['start a']);
    expect(queues.length('r')).toBe(3);
    a.done!();
    await ticks();
    expect(log).toEqual(['start a', 'settled a', 'start b']);
    b.done!();
    await ticks();
    expect(log).toEqual(['start a', 'settled a', 'start b', 'settled b', 'start c']);
    expect(queues.length('r')).toBe(1);
  });

  it('lets rooms run side by side', () => {
    const { log, add } = harness();
    add('r1', 'a');
    add('r2', 'b');
    expect(log).toEqual(['start a', 'start b']);
  });

  it('removes a waiting item, but not a running or unknown one', async () => {
    const { log, queues, add } = harness();
    const a = add('r', 'a');
    const b = add('r', 'b');
    add('r', 'c');
    expect(queues.remove('r', a)).toBe(false);
    expect(queues.remove('r', b)).toBe(true);
    expect(queues.remove('r', b)).toBe(false);
    expect(queues.remove('elsewhere', { name: 'x' })).toBe(false);
    a.done!();
    await ticks();
    expect(log).toEqual(['start a', 'settled a', 'start c']);
  });

  it('does not start a pushed item until pumped', () => {
    const { log, queues } = harness();
    queues.push('r', { name: 'a' });
    expect(log).toEqual([]);
    expect(queues.length('r')).toBe(1);
    queues.pump('r');
    expect(log).toEqual(['start a']);
  });

  it('counts nothing for a room once its last item settled', async () => {
    const { queues, add } = harness();
    const a = add('r', 'a');
    a.done!();
    await ticks();
    expect(queues.length('r')).toBe(0);
    add('r', 'b');
    expect(queues.length('r')).toBe(1);
  });
});
