import type { Lexicon } from './lexicon.js';
import { tagText } from './tagger.js';
import type { Tag } from './tags.js';
import { stem, tokenize } from './tokens.js';

/**
 * Up to three requests the parser would accept, closest to what was typed
 * first (NLU-4). Candidates are built from what the request did name (its
 * items, categories, suppliers, fields, numbers) put into known request
 * shapes; each is checked by the parser itself before it is offered.
 */
export type Accepts = (request: string) => boolean;

const MAX_SUGGESTIONS = 3;

export function suggest(text: string, lex: Lexicon, today: string, accepts: Accepts): string[] {
  const { spans } = tagText(text, lex, today);
  const pick = <T extends Tag['t']>(t: T) =>
    spans.map((s) => s.tag).filter((x): x is Extract<Tag, { t: T }> => x.t === t);
  const itemId = pick('item')[0]?.ids[0];
  const item =
    (itemId && lex.items.find((i) => i.id === itemId)) || lex.items.find((i) => i.type === 'inventory');
  const itemName = item?.sku ?? item?.name ?? 'the item';
  const cat = pick('cat')[0]?.name ?? lex.categories[0] ?? 'Cleaning';
  const sup = pick('sup')[0]?.name ?? lex.suppliers[0] ?? 'a supplier';
  const field = pick('field')[0]?.f ?? 'reorder_point';
  const num = pick('num')[0]?.value ?? 10;
  const amount = Number.isInteger(num) && num > 0 ? num : 10;
  const candidates = [
    `restock ${itemName}`,
    `restock low-stock ${cat} items`,
    `restock ${itemName} by ${amount}`,
    `set ${field} of ${itemName} to ${amount}`,
    `increase ${field} of ${itemName} by ${amount}`,
    `receive ${amount} units of ${itemName}`,
    `sell ${amount} units of ${itemName}`,
    `remove ${itemName}`,
    `remove out-of-stock ${cat} items`,
    `add ${amount} ${cat} items`,
    `what is the ${field} of ${itemName}`,
    `how many days of cover does ${itemName} have`,
    `what should I reorder`,
    `show low-stock ${cat} items`,
    `show low-stock items from ${sup}`,
    `what is overstocked`,
    `what runs out in the next 2 weeks`,
    `what is our ${cat} stock worth`,
    `forecast demand for ${itemName} for the next 4 weeks`,
    `forecast ${cat} demand through end of next month`,
    `rank suppliers by on-time rate`,
    `how reliable is ${sup}`,
    `best supplier for ${cat}`,
    `open purchase orders from ${sup}`,
    `undo the last agent change`,
  ];
  const mine = words(text);
  const scored = candidates
    .filter((c) => !c.includes('\u0000'))
    .map((c, order) => ({ c, order, score: similarity(mine, words(c)) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const out: string[] = [];
  for (const { c } of scored) {
    if (out.length >= MAX_SUGGESTIONS) break;
    if (!out.includes(c) && accepts(c)) out.push(c);
  }
  return out;
}

function words(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((t) => t.kind !== 'punct')
      .map((t) => stem(t.norm)),
  );
}

/** Shared words over the candidate's words: how much of the suggestion the person already said. */
function similarity(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of theirs) if (mine.has(w)) shared += 1;
  return shared / Math.max(1, theirs.size) + shared * 0.01;
}
