import type { Apis, CallMessage, ReplyMessage, Role } from '../ipc.js';
import { coldHandlers } from './cold.js';
import { floorHandlers } from './floor.js';
import type { Handlers } from './handlers.js';
import { subscriberHandlers } from './subscribers.js';
import { writerHandlers } from './writer.js';

/**
 * A client worker: forked by the orchestrator (worker-process.ts) in one role
 * — the writer, the N subscribers, the in-process floor or the cold-load
 * client — it answers calls one by one and exits when the channel closes.
 */
const role = process.argv[2] as Role;

function handlersFor(r: Role): Handlers<Apis[Role]> {
  switch (r) {
    case 'writer':
      return writerHandlers();
    case 'subscribers':
      return subscriberHandlers();
    case 'floor':
      return floorHandlers();
    case 'cold':
      return coldHandlers();
  }
}

const handlers = handlersFor(role) as unknown as Record<string, (params: unknown) => unknown>;

// Every y-websocket provider adds a process 'exit' listener; 51 of them are expected here.
process.setMaxListeners(0);

function reply(message: ReplyMessage): void {
  process.send!(message);
}

process.on('message', (message: CallMessage) => {
  const handler = handlers[message.method];
  Promise.resolve()
    .then(() => {
      if (!handler) throw new Error(`${role} worker has no method ${message.method}`);
      return handler(message.params);
    })
    .then(
      (result) => reply({ id: message.id, ok: true, result: result ?? null }),
      (error: unknown) =>
        reply({
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
});

// The orchestrator closed the channel (done, or it died): stop rather than keep sockets open.
process.once('disconnect', () => process.exit(0));
