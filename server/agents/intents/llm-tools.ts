import { z } from 'zod';
import { CAPABILITIES } from './capabilities.js';
import type { IntentContext } from './parser.js';
import { INTENT_KINDS, INTENT_SLOTS, type IntentKind } from './schema.js';
import { shorten } from '../../../shared/text.js';

/** The chat-completions `tools`: one function per intent kind, parameters from the zod slots. */
export interface ChatTool {
  type: 'function';
  function: { name: IntentKind; description: string; parameters: Record<string, unknown> };
}

function describeKind(kind: IntentKind): string {
  const capability = CAPABILITIES.find((c) => c.kind === kind);
  if (capability) return `${capability.does}. Example: "${capability.example}".`;
  return 'Anything the other tools do not cover; say why in `reason`.';
}

let cached: ChatTool[] | undefined;

export function buildTools(): ChatTool[] {
  cached ??= INTENT_KINDS.map((kind) => {
    // io: 'input' so defaulted slots (item_type, horizon_days) are optional for the model.
    const { $schema: _drop, ...parameters } = z.toJSONSchema(INTENT_SLOTS[kind], { io: 'input' });
    return {
      type: 'function' as const,
      function: { name: kind, description: describeKind(kind), parameters },
    };
  });
  return cached;
}

const SYSTEM_PROMPT = [
  'You read requests to an inventory board and call exactly one tool that carries the request out.',
  'Items have data fields sku, current_stock, min_stock, max_stock, reorder_point, supplier, unit_cost, lead_time_days.',
  'An item is low stock when current_stock <= reorder_point.',
  'Refer to items by the id, SKU or name the user gave. Convert horizons to days (4 weeks = 28, a month = 30, a quarter = 90).',
  'Use numbers for numeric values. If nothing fits, call `general` with a short reason.',
].join(' ');

const MAX_SHOWN = 300;

/** The context as the model sees it: short values as they are, long ones summarized. */
function describeContext(context: IntentContext): string | undefined {
  const entries = Object.entries(context);
  if (entries.length === 0) return undefined;
  const shown = entries.map(([key, value]) => {
    if (Array.isArray(value))
      return `${key}: an array of ${value.length} entries (passed to the tool as given)`;
    const json = JSON.stringify(value) ?? 'undefined';
    return `${key}: ${shorten(json, MAX_SHOWN + 1)}`;
  });
  return `Context of the request:\n${shown.join('\n')}`;
}

export function chatMessages(input: string, context: IntentContext): { role: string; content: string }[] {
  const described = describeContext(context);
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: described ? `${input}\n\n${described}` : input },
  ];
}
