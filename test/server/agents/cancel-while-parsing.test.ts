import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/start-server.js';
import { removeDir } from '../../helpers/temp-dir.js';
import { startChatServer, type ChatServer } from './intents/chat-server.js';
import { TEST_ENV } from './phrase-harness.js';
import { ofType, ProgressClient, terminalOf } from './progress-helpers.js';

/**
 * A request cancelled while the model is still thinking: the model's HTTP
 * call is dropped and the request ends at once, without waiting out the
 * model's timeout and without an intent analysis nobody wants any more.
 */
describe('cancelling a request while an LLM parses it', () => {
  let chat: ChatServer;
  let server: TestServer;
  let dropped = 0;

  beforeAll(async () => {
    chat = await startChatServer();
    // A model that never answers; the server's own 8 s timeout would be the only way out.
    chat.handle((_request, response) => response.on('close', () => dropped++));
    server = await startTestServer({
      env: { ...TEST_ENV, LLM_BASE_URL: chat.baseUrl, LLM_MODEL: 'slow-model', LLM_API_KEY: 'sk-test' },
      storage: 'memory',
    });
  });

  afterAll(async () => {
    await server.close();
    await chat.close();
    removeDir(server.dataDir);
  });

  it('drops the model call and ends the request with reason "cancelled"', async () => {
    const client = await ProgressClient.connect(server.url, 'cancel-parsing');
    try {
      const id = client.submit('Restock low-stock items');
      await client.until(() => chat.requests.length === 1, 'the model to be asked');
      client.send({ type: 'cancel', requestId: id });
      const messages = await client.finished(id);
      expect(messages.map((m) => m.type)).toEqual(['start', 'error']);
      expect(terminalOf(messages).data?.['reason']).toBe('cancelled');
      expect(ofType(messages, 'intent_analysis')).toEqual([]);
      await client.until(() => dropped === 1, 'the model call to be dropped');
      expect(client.invalid).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
