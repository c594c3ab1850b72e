/**
 * Deferred delivery of received WebSocket messages. Fifty clients in one
 * process can have a minute of Yjs work queued (fifty 2 MB updates on a busy
 * machine); handled inline, that work would starve the sockets, so pings go
 * unanswered and servers drop clients that are merely busy. Instead, sockets
 * are read at once (so `ws` answers pings and the kernel buffers drain) and
 * the messages are handed to the providers in arrival order, a few
 * milliseconds of work per event-loop turn.
 */
const SLICE_MS = 5;

const queue: (() => void)[] = [];
let head = 0;
let scheduled = false;

function drain(): void {
  scheduled = false;
  const until = performance.now() + SLICE_MS;
  while (head < queue.length) {
    const deliver = queue[head]!;
    queue[head++] = noop;
    try {
      deliver();
    } catch (error) {
      // A provider that throws on a message is a finding, not a reason to stop delivering the others.
      console.error('bench: a client failed to handle a message', error);
    }
    if (performance.now() >= until) break;
  }
  if (head >= queue.length) {
    queue.length = 0;
    head = 0;
  } else {
    schedule();
  }
}

function noop(): void {}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(drain);
}

export function defer(deliver: () => void): void {
  queue.push(deliver);
  schedule();
}

/** Messages received but not yet handed to their provider. */
export function backlog(): number {
  return queue.length - head;
}
