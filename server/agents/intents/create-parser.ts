import { createLlmParser } from './llm-parser.js';
import type { IntentParser } from './parser.js';
import { createRuleParser } from './rule-parser.js';

/**
 * The parser the server uses (ENV-7): the LLM when
 * LLM_BASE_URL, LLM_MODEL and LLM_API_KEY are all set, the built-in rules
 * otherwise. The rules are always the LLM's fallback.
 */
export function createIntentParser(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): IntentParser {
  const rules = createRuleParser();
  const baseUrl = env['LLM_BASE_URL']?.trim();
  const model = env['LLM_MODEL']?.trim();
  const apiKey = env['LLM_API_KEY']?.trim();
  if (!baseUrl || !model || !apiKey) return rules;
  return createLlmParser({ baseUrl, model, apiKey, fallback: rules, ...options });
}
