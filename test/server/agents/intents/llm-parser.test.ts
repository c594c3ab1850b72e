import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createIntentParser,
  createLlmParser,
  createRuleParser,
  INTENT_KINDS,
  type IntentParser,
} from '../../../../server/agents/intents/index.js';
import { replyJson, startChatServer, toolCallAnswer, type ChatServer } from './chat-server.js';

/** The LLM backend against a real local HTTP server speaking the chat-completions tool-call format. */
let server: ChatServer;
let parser: IntentParser;

beforeAll(async () => {
  server = await startChatServer();
});
afterAll(async () => {
  await server.close();
});
// Long enough that a loaded machine never turns an answer into a timeout; the timeout test sets a short one.
const llmParser = (timeoutMs = 30_000) =>
  createLlmParser({
    baseUrl: server.baseUrl,
    model: 'test-model',
    apiKey: 'sk-test-key',
    timeoutMs,
    fallback: createRuleParser(),
  });

beforeEach(() => {
  server.requests.length = 0;
  parser = llmParser();
});

const answerWith = (name: string, args: string) =>
  server.handle((_req, res) => replyJson(res, 200, toolCallAnswer(name, args)));

describe('LLM parser, model answers', () => {
  it('uses a good tool call, and sends the tools, the model and the bearer key', async () => {
    answerWith('set_field', JSON.stringify({ ref: 'FAS-1042', field: 'current_stock', value: 40 }));
    const result = await parser.parse('Make FAS-1042 hold forty units');
    expect(result.intent).toEqual({ kind: 'set_field', ref: 'FAS-1042', field: 'current_stock', value: 40 });
    expect(result.parser).toBe('llm:test-model');
    expect(result.primary_intent).toBe('inventory_management');
    expect(result.explanation).toBe('Set current_stock of "FAS-1042" to 40.');

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test-key');
    expect(request.headers['content-type']).toMatch(/application\/json/);
    expect(request.body).toMatchObject({ model: 'test-model', tool_choice: 'required' });
    const messages = request.body['messages'] as { role: string; content: string }[];
    expect(messages.at(-1)).toMatchObject({ role: 'user', content: 'Make FAS-1042 hold forty units' });
    const tools = request.body['tools'] as {
      type: string;
      function: { name: string; parameters: Record<string, unknown> };
    }[];
    expect(tools.map((t) => t.function.name).sort()).toEqual([...INTENT_KINDS].sort());
    const setField = tools.find((t) => t.function.name === 'set_field')!;
    expect(setField.type).toBe('function');
    expect(setField.function.parameters).toMatchObject({
      type: 'object',
      properties: { ref: { type: 'string' }, field: { type: 'string' } },
      required: ['ref', 'field', 'value'],
    });
    const forecast = tools.find((t) => t.function.name === 'forecast_demand')!;
    expect(forecast.function.parameters).toMatchObject({
      properties: { horizon_days: { type: 'integer', default: 28 } },
    });
  });

  it('places what the rules cannot, and coerces values by field', async () => {
    answerWith('set_field', JSON.stringify({ ref: 'Blue Bolt M8', field: 'reorder level', value: '15' }));
    const result = await parser.parse('Blue Bolt M8 ought to get reordered once it dips to fifteen');
    expect(result.intent).toEqual({
      kind: 'set_field',
      ref: 'Blue Bolt M8',
      field: 'reorder_point',
      value: 15,
    });
  });

  it('merges context slots as the rule parser does, and shows the context to the model', async () => {
    answerWith('bulk', JSON.stringify({ operation: 'add_multiple' }));
    const items = [
      { type: 'inventory', name: 'A' },
      { type: 'inventory', name: 'B' },
    ];
    const result = await parser.parse('Perform add_multiple on 2 items', {
      operation: 'add_multiple',
      items,
    });
    expect(result.intent).toEqual({ kind: 'bulk', operation: 'add_multiple', items });
    const messages = server.requests[0]!.body['messages'] as { content: string }[];
    expect(messages.at(-1)!.content).toContain('items: an array of 2 entries');

    answerWith('remove_item', '{}');
    const removal = await parser.parse('Remove item', { item_id: 'abc-123' });
    expect(removal.intent).toEqual({ kind: 'remove_item', ref: 'abc-123' });
    expect(removal.parser).toBe('llm:test-model');
  });

  it('reports bulk problems from context like the rules do', async () => {
    answerWith('bulk', JSON.stringify({ operation: 'remove_multiple' }));
    const result = await parser.parse('Perform remove_multiple on 1 items', {
      operation: 'remove_multiple',
      items: [{}],
    });
    expect(result.parser).toBe('llm:test-model');
    expect(result.intent).toMatchObject({ kind: 'bulk', items: [] });
    expect(result.problems.join()).toMatch(/items\[0\]\.id/);
  });

  it('passes on a general answer with the capabilities', async () => {
    answerWith('general', JSON.stringify({ reason: 'small talk' }));
    const result = await parser.parse('How are you today?');
    expect(result.intent).toEqual({ kind: 'general', reason: 'small talk' });
    expect(result.parser).toBe('llm:test-model');
    expect(result.explanation).toContain('Forecast demand for the next 4 weeks');
  });
});

describe('LLM parser, falling back to the rules', () => {
  const input = 'Forecast demand for the next 4 weeks';
  const expectFallback = async (reason: RegExp) => {
    const result = await parser.parse(input);
    expect(result.parser).toBe('rules');
    expect(result.intent).toEqual({ kind: 'forecast_demand', horizon_days: 28 });
    expect(result.primary_intent).toBe('forecasting');
    expect(result.explanation).toMatch(/^LLM unavailable \(.+\); used the built-in parser\. Forecast demand/);
    expect(result.explanation).toMatch(reason);
    return result;
  };

  it('on a 500', async () => {
    server.handle((_req, res) => replyJson(res, 500, '{"error":{"message":"boom"}}'));
    await expectFallback(/\(HTTP 500\)/);
  });

  it('on a timeout: the server never answers', async () => {
    server.handle(() => {
      /* never answers */
    });
    parser = llmParser(300);
    // Without the parser's own timeout this would hang until the test's timeout fails it.
    await expectFallback(/\(timeout after 300 ms\)/);
  });

  it('on malformed tool arguments', async () => {
    answerWith('add_items', '{"count": 5,');
    await expectFallback(/malformed arguments for add_items: not JSON/);
  });

  it('on arguments that fail the slot schema', async () => {
    answerWith('add_items', JSON.stringify({ count: 'many' }));
    await expectFallback(/invalid arguments for add_items: count/);
  });

  it('on an answer without a tool call', async () => {
    server.handle((_req, res) =>
      replyJson(
        res,
        200,
        JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'Sure!' } }] }),
      ),
    );
    await expectFallback(/no tool call in the response/);
  });

  it('on an unknown tool', async () => {
    answerWith('launch_rockets', '{}');
    await expectFallback(/unknown tool "launch_rockets"/);
  });

  it('on a body that is not JSON', async () => {
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'));
    await expectFallback(/the response is not JSON/);
  });

  it('on a refused connection', async () => {
    const closed = await startChatServer();
    await closed.close();
    parser = createLlmParser({
      baseUrl: closed.baseUrl,
      model: 'm',
      apiKey: 'k',
      fallback: createRuleParser(),
    });
    await expectFallback(/network error/);
  });
});

describe('createIntentParser', () => {
  it('uses the rules unless LLM_BASE_URL, LLM_MODEL and LLM_API_KEY are all set', async () => {
    expect(createIntentParser({}).name).toBe('rules');
    expect(createIntentParser({ LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'm' }).name).toBe('rules');
    expect(createIntentParser({ LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'm', LLM_API_KEY: ' ' }).name).toBe(
      'rules',
    );

    answerWith('stock_analysis', '{}');
    const llm = createIntentParser({ LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'm', LLM_API_KEY: 'k' });
    expect(llm.name).toBe('llm:m');
    const result = await llm.parse('what is running low');
    expect(result).toMatchObject({ parser: 'llm:m', intent: { kind: 'stock_analysis' } });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer k');
  });
});

describe('LLM parser, cancelled', () => {
  it('stops waiting for the model, drops its call and rejects with the reason, without the fallback', async () => {
    let dropped = false;
    server.handle((_req, res) => res.on('close', () => (dropped = true)));
    const patient = createLlmParser({
      baseUrl: server.baseUrl,
      model: 'test-model',
      apiKey: 'sk-test-key',
      timeoutMs: 60_000,
      fallback: createRuleParser(),
    });
    const controller = new AbortController();
    const parsing = patient.parse('Forecast demand for the next 4 weeks', {}, controller.signal);
    await vi.waitUntil(() => server.requests.length === 1, { timeout: 5000 });
    const reason = new Error('cancelled by the user');
    controller.abort(reason);
    await expect(parsing).rejects.toBe(reason);
    await vi.waitUntil(() => dropped, { timeout: 5000 });
  });
});
