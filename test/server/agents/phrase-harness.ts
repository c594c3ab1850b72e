import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Item, NewItem } from '../../../shared/items.js';
import { PrimaryIntent, type ProgressMessage } from '../../../shared/progress.js';
import type { StockClient } from '../../helpers/clients.js';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { boardItems, itemMap, openBoard, printOf, recordTransactions, settle } from './board-helpers.js';
import {
  expectWellFormedRun,
  runOver,
  terminalOf,
  TRANSPORTS,
  type Context,
  type Transport,
} from './progress-helpers.js';

/**
 * Runs a table of contract phrases over each transport (progress WebSocket,
 * HTTP JSON, HTTP SSE), each case in a fresh room of one server, seeded by a
 * stock client. A case asks its request through `ask`, which checks the
 * message sequence and returns the document as that stock client sees it
 * before and after.
 */

export const INVENTORY = { primary: PrimaryIntent.inventory, terminal: 'complete' } as const;
export const INVENTORY_ERROR = { primary: PrimaryIntent.inventory, terminal: 'error' } as const;

/** Many requests from one test user in seconds: lift the per-user rate limit, which is not under test here. */
export const TEST_ENV = { REQUESTS_PER_MINUTE: '100000' };

export interface Asked {
  messages: ProgressMessage[];
  terminal: ProgressMessage;
  before: Map<string, Item>;
  after: Map<string, Item>;
  /** Item ids touched by each transaction the stock client applied during the request. */
  transactions: Set<string>[];
  /** The stock client's document (JSON and state vector) is what it was before. */
  unchanged: boolean;
}

export interface PhraseTest {
  transport: Transport;
  room: string;
  board: StockClient;
  items(): Map<string, Item>;
  /** A preparatory request over HTTP JSON; it must complete. Returns its messages once settled. */
  setup(input: string, context?: Context): Promise<ProgressMessage[]>;
  /** The request under test, over this case's transport. */
  ask(
    input: string,
    context: Context | undefined,
    expected: { primary: PrimaryIntent; terminal: 'complete' | 'error' },
  ): Promise<Asked>;
}

export interface PhraseCase {
  name: string;
  /** The board the room starts with; default: `boardItems()`, the first demo items. */
  seed?: () => Promise<NewItem[]> | NewItem[];
  run(t: PhraseTest): Promise<void>;
}

export function describePhrases(title: string, cases: readonly PhraseCase[]): void {
  describe(title, () => {
    let server: TestServer;
    let rooms = 0;

    beforeAll(async () => {
      server = await startTestServer({ env: TEST_ENV, storage: 'memory' });
    });

    afterAll(async () => {
      await server.close();
      removeDir(server.dataDir);
    });

    describe.each(TRANSPORTS)('over %s', (transport) => {
      const run = (phrase: PhraseCase) => runCase(server, transport, `${transport}-${++rooms}`, phrase);
      for (const phrase of cases) it(phrase.name, () => run(phrase));
    });
  });
}

async function runCase(server: TestServer, transport: Transport, room: string, phrase: PhraseCase) {
  const board = await openBoard(server.wsUrl, room, await (phrase.seed ?? boardItems)());
  const t: PhraseTest = {
    transport,
    room,
    board,
    items: () => itemMap(board.doc),
    async setup(input, context) {
      const messages = await runOver('http-json', server.url, room, input, context);
      expectWellFormedRun(messages, {
        primary: (messages[1]?.data?.['intent'] as { primary_intent: PrimaryIntent }).primary_intent,
        terminal: 'complete',
      });
      await settle(server.wsUrl, room, [board]);
      return messages;
    },
    async ask(input, context, expected) {
      const before = itemMap(board.doc);
      const printBefore = printOf(board.doc);
      const recorder = recordTransactions(board.doc);
      try {
        const messages = await runOver(transport, server.url, room, input, context);
        expectWellFormedRun(messages, expected);
        await settle(server.wsUrl, room, [board]);
        return {
          messages,
          terminal: terminalOf(messages),
          before,
          after: itemMap(board.doc),
          transactions: recorder.transactions,
          unchanged: printOf(board.doc) === printBefore,
        };
      } finally {
        recorder.stop();
      }
    },
  };
  try {
    await phrase.run(t);
  } finally {
    board.destroy();
  }
}
