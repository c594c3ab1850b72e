import { serveCalls } from '../child-rpc.js';
import type { Apis, Role } from '../ipc.js';
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

serveCalls(`${role} worker`, handlers);
