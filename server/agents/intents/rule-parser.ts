import { classify, HELP_REASON } from './classify.js';
import { normalize } from './normalize.js';
import type { IntentContext, IntentParser } from './parser.js';
import { resolveDraft } from './resolve.js';
import { incomplete, parsedFrom, unplaced } from './result.js';

const RULE_PARSER_NAME = 'rules';

/**
 * The built-in parser: deterministic, no model, no network. Used alone when
 * no LLM is configured, and as the LLM parser's fallback.
 */
export function createRuleParser(): IntentParser {
  return {
    name: RULE_PARSER_NAME,
    async parse(input: string, context: IntentContext = {}) {
      const classified = classify(normalize(input), context);
      const resolution = resolveDraft(classified, context);
      if (!resolution.ok) return incomplete(resolution.kind, resolution.issues, RULE_PARSER_NAME);
      const { intent, problems } = resolution;
      if (intent.kind === 'general') {
        const reason = intent.reason ?? 'no rule matched';
        return unplaced(input, reason, RULE_PARSER_NAME, reason === HELP_REASON);
      }
      return parsedFrom(intent, { confidence: classified.confidence, parser: RULE_PARSER_NAME, problems });
    },
  };
}
