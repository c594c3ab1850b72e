import { z } from 'zod';
import { chatMessages, buildTools } from './llm-tools.js';
import type { IntentContext, IntentParser, ParsedIntent } from './parser.js';
import { resolveDraft } from './resolve.js';
import { parsedFrom, unplaced } from './result.js';
import { isIntentKind } from './schema.js';

/**
 * An optional backend: an OpenAI-compatible chat-completions endpoint with
 * tool calling. It never fails a request: on any trouble it hands the input
 * to `fallback` and says why in the explanation.
 */
export interface LlmParserOptions {
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Whole round trip, body included. Default 8000 ms: a request should not wait longer to start. */
  timeoutMs?: number;
  fallback: IntentParser;
  fetch?: typeof fetch;
}

const DEFAULT_LLM_TIMEOUT_MS = 8000;
/** The model's answers are not scored; this only ranks them above the rules' guesses. */
const LLM_CONFIDENCE = 0.8;

class LlmFailure extends Error {}

const ChatResponseSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          tool_calls: z
            .array(
              z.object({
                function: z.object({
                  name: z.string(),
                  arguments: z.union([z.string(), z.record(z.string(), z.unknown())]),
                }),
              }),
            )
            .nullish(),
        }),
      }),
    )
    .min(1),
});

async function postChat(
  options: LlmParserOptions,
  input: string,
  context: IntentContext,
  cancel: AbortSignal | undefined,
): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const signal = cancel ? AbortSignal.any([controller.signal, cancel]) : controller.signal;
  try {
    const response = await (options.fetch ?? fetch)(
      `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({
          model: options.model,
          messages: chatMessages(input, context),
          tools: buildTools(),
          tool_choice: 'required',
          temperature: 0,
        }),
        signal,
      },
    );
    const text = await response.text();
    if (!response.ok) throw new LlmFailure(`HTTP ${response.status}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new LlmFailure('the response is not JSON');
    }
  } catch (error) {
    if (cancel?.aborted) throw cancel.reason;
    if (error instanceof LlmFailure) throw error;
    if (controller.signal.aborted) throw new LlmFailure(`timeout after ${timeoutMs} ms`);
    throw new LlmFailure(`network error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

function readToolCall(body: unknown): { name: string; args: Record<string, unknown> } {
  const parsed = ChatResponseSchema.safeParse(body);
  if (!parsed.success) throw new LlmFailure('unexpected response shape');
  const call = parsed.data.choices[0]?.message.tool_calls?.[0]?.function;
  if (!call) throw new LlmFailure('no tool call in the response');
  let args: unknown = call.arguments;
  if (typeof args === 'string') {
    try {
      args = args.trim() === '' ? {} : JSON.parse(args);
    } catch {
      throw new LlmFailure(`malformed arguments for ${call.name}: not JSON`);
    }
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new LlmFailure(`malformed arguments for ${call.name}: not an object`);
  }
  return { name: call.name, args: args as Record<string, unknown> };
}

export function createLlmParser(options: LlmParserOptions): IntentParser {
  const name = `llm:${options.model}`;
  const { fallback } = options;
  const fallbackLabel = fallback.name === 'rules' ? 'the built-in parser' : `the ${fallback.name} parser`;

  async function viaModel(
    input: string,
    context: IntentContext,
    signal?: AbortSignal,
  ): Promise<ParsedIntent> {
    const call = readToolCall(await postChat(options, input, context, signal));
    if (!isIntentKind(call.name)) throw new LlmFailure(`unknown tool "${call.name}"`);
    // Context slots win here exactly as in the rule parser.
    const resolution = resolveDraft({ kind: call.name, slots: call.args }, context);
    if (!resolution.ok)
      throw new LlmFailure(`invalid arguments for ${call.name}: ${resolution.issues.join('; ')}`);
    const { intent, problems } = resolution;
    if (intent.kind === 'general') return unplaced(input, intent.reason ?? 'the model found no action', name);
    return parsedFrom(intent, { confidence: LLM_CONFIDENCE, parser: name, problems });
  }

  return {
    name,
    async parse(input: string, context: IntentContext = {}, signal?: AbortSignal) {
      try {
        return await viaModel(input, context, signal);
      } catch (error) {
        // Cancelled: nobody wants an answer any more, not even the fallback's.
        if (signal?.aborted) throw signal.reason;
        const reason = error instanceof LlmFailure ? error.message : `unexpected error: ${String(error)}`;
        const result = await fallback.parse(input, context);
        return {
          ...result,
          explanation: `LLM unavailable (${reason}); used ${fallbackLabel}. ${result.explanation}`,
        };
      }
    },
  };
}
