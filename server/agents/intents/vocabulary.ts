/**
 * The words of requests, as regexes over normalized text (lower case, number
 * words as digits, hyphens as spaces). Kept apart from the rules so a new
 * synonym is a one-line change.
 */
export type Action = 'undo' | 'remove' | 'restock' | 'set' | 'add';

export const ACTIONS: Record<Action, RegExp> = {
  undo: /\b(?:undo|revert|roll ?back|reverse|take back)\b/,
  remove:
    /\b(?:remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|drop(?:ped)?|discard(?:ed)?|get rid of|eliminate|erase|trash|purge|clear out|take out|throw out|scrap)\b/,
  // "reorder" is a verb unless it names the reorder point field.
  restock:
    /\b(?:restock(?:ed|ing)?|replenish(?:ed|ing)?|refill(?:ed|ing)?|top(?:ped)? up|resupply|reorder(?![ _](?:points?|levels?|thresholds?))|order more|order(?= \d+ (?:more|units?|pieces|extra)\b))\b/,
  set: /\b(?:set|change|update|adjust|modify|edit|correct|fix|raise|lower|increase|decrease|reduce|bump)\b(?! up\b)/,
  add: /\b(?:add|adding|create|creating|insert|generate|make|register|introduce|stock up(?: on)?|put in|set up)\b/,
};

/** The action named first decides ("Add 5 items and set…" adds). "new" alone counts as add. */
export function leadingAction(text: string): Action | undefined {
  let best: { action: Action; index: number } | undefined;
  for (const [action, re] of Object.entries(ACTIONS) as [Action, RegExp][]) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { action, index: m.index };
  }
  if (best) return best.action;
  return /\bnew\b/.test(text) ? 'add' : undefined;
}

const REORDER = String.raw`(?:reorder|re order)[ _](?:points?|levels?|thresholds?)`;

/** Low stock (DOC-5: current_stock <= reorder_point), however people say it. */
export const LOW_STOCK = new RegExp(
  [
    String.raw`\blow(?:er)?(?: on| in)? (?:stock|inventory)\b`,
    String.raw`\b(?:running|run|runs|ran|getting|going|are|is) low\b`,
    String.raw`\b(?:at or )?(?:below|under|beneath|lower than|less than|at or under) (?:the |their |its |our )?${REORDER}`,
    String.raw`\bout of stock\b`,
    String.raw`\b(?:almost|nearly) out\b`,
    String.raw`\babout to run out\b`,
    String.raw`\bshort on stock\b`,
    String.raw`\bunder ?stocked\b`,
    String.raw`\bneed(?:s|ing)? (?:restocking|reordering|replenishing|replenishment|a restock)\b`,
    String.raw`\b(?:what|which)(?:'s| is| are)?(?: \w+)? low\b`,
  ].join('|'),
);

export const FORECAST =
  /\b(?:forecast\w*|predict\w*|projections?)\b|\bproject(?:ed)? (?:the )?(?:demand|sales)\b|\b(?:expected|future|upcoming|estimated?) (?:the )?(?:demand|sales)\b|\bdemand (?:outlook|planning|projection|estimate)s?\b|\bhow (?:much|many)\b.*\bwill\b.*\bsell\b/;

export const SUPPLIER = /\b(?:suppliers?|vendors?)\b/;
export const SUPPLIER_EVAL =
  /\b(?:perform\w*|scorecards?|scores?|scoring|rank\w*|ratings?|rate|reliab\w*|on time|evaluat\w*|compar\w*|assess\w*|review\w*|analy[sz]\w*|best|worst|top|deliver\w*|kpis?|reports?|stats|statistics|metrics|how (?:are|is|good|well|reliable))\b/;

export const ANALYZE =
  /\b(?:analy[sz]\w*|review|check|report|summar\w*|overview|status|audit|health|show|list|display|inspect|examine|look at|how (?:is|are|does))\b/;
export const STOCK_WORDS = /\b(?:inventory|stock\w*|items|products|levels)\b/;

/** "the items you just added", "what was recently created". */
export const RECENTLY_ADDED =
  /\b(?:just|recently|newly|last) (?:added|created|made|inserted|generated)\b|\byou (?:just |recently )?(?:added|created|made|inserted|generated)\b|\b(?:added|created) (?:just now|recently|a moment ago|by you)\b/;

/** Asking what the agents can do. */
export const HELP =
  /^(?:help|\?)$|\bwhat can you do\b|\bwhat do you do\b|\bcapabilities\b|\bwhat (?:commands|requests)\b|\bhow do i use\b/;

export const BULK_WORD = /\b(add|remove|update)_multiple\b/;
