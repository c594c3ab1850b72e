import { capabilitiesText, MISSING_HINTS } from './capabilities.js';
import { describeIntent } from './describe.js';
import type { ParsedIntent } from './parser.js';
import { primaryIntentOf, type Intent, type IntentKind } from './schema.js';
import { shorten } from '../../../shared/text.js';

/** Builds the ParsedIntent answers, so both parsers word them alike. */

function problemLine(intent: Intent, problems: readonly string[]): string {
  const what =
    intent.kind === 'bulk'
      ? `perform ${intent.operation}`
      : intent.kind === 'set_field'
        ? `set ${intent.field} of "${intent.ref}"`
        : intent.kind === 'create_item'
          ? `create "${intent.name}"`
          : intent.kind.replace(/_/g, ' ');
  return `Cannot ${what}: ${problems.join('; ')}.`;
}

export function parsedFrom(
  intent: Intent,
  options: { confidence: number; parser: string; problems?: string[]; explanation?: string },
): ParsedIntent {
  const problems = options.problems ?? [];
  return {
    intent,
    primary_intent: primaryIntentOf(intent),
    confidence: options.confidence,
    explanation:
      options.explanation ?? (problems.length > 0 ? problemLine(intent, problems) : describeIntent(intent)),
    parser: options.parser,
    problems,
  };
}

/** Nothing placed the request (or it asked for help): say so, and what would work. */
export function unplaced(input: string, reason: string, parser: string, help = false): ParsedIntent {
  const shown = shorten(input.trim(), 80);
  const opening = shown === '' ? 'The request is empty. ' : `I could not tell what to do with "${shown}". `;
  const explanation = `${help ? '' : opening}I can: ${capabilitiesText()}.`;
  return parsedFrom({ kind: 'general', reason }, { confidence: 0.2, parser, explanation });
}

/** The action was clear but a slot it needs is missing or out of range. */
export function incomplete(kind: IntentKind, issues: readonly string[], parser: string): ParsedIntent {
  const hint = MISSING_HINTS[kind] ?? `Some details are missing for ${kind.replace(/_/g, ' ')}.`;
  return parsedFrom(
    { kind: 'general', reason: `incomplete ${kind}: ${issues.join('; ')}` },
    { confidence: 0.3, parser, explanation: hint },
  );
}
