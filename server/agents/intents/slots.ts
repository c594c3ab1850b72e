import { restore, type Normalized } from './normalize.js';

/** Slots that are numbers or short phrases: counts, types, horizons, quantities. */

const COUNT_NOUNS = String.raw`(?:items?|products?|skus?|entries|entry|records?|rows?|things|ones|parts|articles|lines|suppliers?|vendors?)`;
const COUNT_FILLERS = String.raw`(?:(?:new|more|additional|extra|fresh|sample|random|different|realistic|brand|test|demo|inventory|supplier|vendor|stock|product|of|the)\s+)*`;
const COUNT_RE = new RegExp(String.raw`(?<![\w.-])(\d+)\s+${COUNT_FILLERS}${COUNT_NOUNS}\b`);
const VERB_COUNT_RE =
  /\b(?:add|create|insert|generate|make|another)\s+(\d+)\b(?!\s*(?:units?|days?|weeks?|months?)\b)/;
const ONE_RE =
  /\b(?:a|an|another)\s+(?:new\s+)?(?:(?:inventory|supplier|stock)\s+)?(?:item|product|entry|record)\b/;

/** "5 new inventory items", "add 12", "a new item" -> 1. */
export function findCount(n: Normalized): number | undefined {
  const m = COUNT_RE.exec(n.text) ?? VERB_COUNT_RE.exec(n.text);
  if (m) return Number(m[1]);
  return ONE_RE.test(n.text) ? 1 : undefined;
}

const TYPE_WORDS: Record<string, string> = {
  inventory: 'inventory',
  stock: 'inventory',
  product: 'inventory',
  supplier: 'supplier',
  suppliers: 'supplier',
  vendor: 'supplier',
  vendors: 'supplier',
};

/** "supplier items" -> supplier; "of type gadget" -> gadget (as typed). */
export function findItemType(n: Normalized): string | undefined {
  const typed = /\b(?:of |with )?type\s+(\S+)/.exec(n.text);
  if (typed)
    return restore(
      n,
      n.cased
        .slice(typed.index, typed.index + typed[0].length)
        .split(/\s+/)
        .pop() ?? '',
    );
  const m =
    /\b(inventory|stock|product|supplier|vendor)\s+(?:items?|entries|entry|records?)\b/.exec(n.text) ??
    /\b\d+\s+(?:new\s+)?(suppliers|vendors)\b/.exec(n.text);
  return m ? TYPE_WORDS[m[1]!] : undefined;
}

/** "… for Q1 planning" -> "Q1 planning": what added items are for. */
export function findPurpose(n: Normalized): string | undefined {
  const m = /\b(?:for|to support|to cover)\s+(?!__r\d+__$)(.+)$/.exec(n.text);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1]!.length;
  return restore(n, n.cased.slice(start)) || undefined;
}

const UNIT_DAYS: Record<string, number> = {
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30,
  quarter: 90,
  year: 365,
};

/** "next 4 weeks" -> 28, "next month" -> 30, "the coming quarter"/"Q3" -> 90. */
export function findHorizonDays(n: Normalized): number | undefined {
  const counted = /\b(\d+)\s*(day|week|fortnight|month|quarter|year)s?\b/.exec(n.text);
  if (counted) return Number(counted[1]) * UNIT_DAYS[counted[2]!]!;
  const single =
    /\b(?:next|coming|following|upcoming|this|a|an|the|per)\s+(day|week|fortnight|month|quarter|year)\b/.exec(
      n.text,
    ) ?? /\b(fortnight)\b/.exec(n.text);
  if (single) return UNIT_DAYS[single[1]!];
  return /\bq[1-4]\b/.test(n.text) ? 90 : undefined;
}

/** Units to restock: "by 20", "with 20 units", "20 more". */
export function findQuantity(n: Normalized): number | undefined {
  const m =
    /\b(?:by|with|add(?:ing)?)\s+(\d+)\b/.exec(n.text) ??
    /(?<![\w.-])(\d+)\s+(?:more\s+)?(?:units?|pieces|pcs|more|extra)\b/.exec(n.text);
  return m ? Number(m[1]) : undefined;
}

const EVAL_WORDS = String.raw`(?:'s|performance|scorecard|score|scores|ranking|rankings|rank|rating|ratings|report|stats|metrics|kpis?|reliability|delivery|doing|perform|performing|is|are|has|on|over|in|for|this|last|during)`;

/** A named supplier: "supplier Acme Corp", "performance of "Acme"". Names are capitalized or quoted. */
export function findSupplierName(n: Normalized): string | undefined {
  const patterns = [
    /\b(?:supplier|vendor)\s+(.+)$/,
    /\b(?:performance|scorecard|score|rating|ranking|report)\s+(?:of|for)\s+(.+)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(n.text);
    if (!m) continue;
    const start = m.index + m[0].length - m[1]!.length;
    const cut = new RegExp(String.raw`(?:\s+|^|(?='s))${EVAL_WORDS}\b`).exec(n.text.slice(start));
    const piece = n.cased.slice(start, cut ? start + cut.index : undefined).trim();
    if (/^(?:__[qr]\d+__|[A-Z0-9])/.test(piece)) return restore(n, piece) || undefined;
  }
  return n.quoted.length === 1 ? n.quoted[0] : undefined;
}
