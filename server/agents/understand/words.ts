import type { Tag } from './tags.js';

/**
 * The fixed vocabulary: phrases (lower case, words separated by spaces, as
 * the tokenizer writes them) and what they mean. The room's own words
 * (items, categories, suppliers) come from the lexicon. A new synonym is
 * one line here.
 */
type Entry = readonly [string, Tag];
const v = (verb: Extract<Tag, { t: 'verb' }>['v'], phrases: string): Entry[] =>
  phrases.split('|').map((p) => [p, { t: 'verb', v: verb }]);
const cue = (c: Extract<Tag, { t: 'cue' }>['c'], phrases: string): Entry[] =>
  phrases.split('|').map((p) => [p, { t: 'cue', c }]);
const cond = (c: Extract<Tag, { t: 'cond' }>['c'], phrases: string): Entry[] =>
  phrases.split('|').map((p) => [p, { t: 'cond', c }]);
const q = (qq: Extract<Tag, { t: 'q' }>['q'], phrases: string): Entry[] =>
  phrases.split('|').map((p) => [p, { t: 'q', q: qq }]);
const prep = (p: Extract<Tag, { t: 'prep' }>['p'], phrases: string): Entry[] =>
  phrases.split('|').map((x) => [x, { t: 'prep', p }]);
const metric = (m: Extract<Tag, { t: 'metric' }>['m'], phrases: string): Entry[] =>
  phrases.split('|').map((p) => [p, { t: 'metric', m }]);
const field = (f: string, phrases: string): Entry[] => phrases.split('|').map((p) => [p, { t: 'field', f }]);
const tag = (t: Tag, phrases: string): Entry[] => phrases.split('|').map((p) => [p, t]);

/** Words that carry no meaning of their own here: politeness, articles, pronouns. */
export const FILLERS: readonly string[] = `
the a an please pls plz kindly can could would will you u i we me us our my their its it them
they this that these those there item items product products stuff things thing sku skus lines
line ones one just now right asap also then do does did have has got get need needs want like
let let's lets go ahead and is are be was currently current all only each whole entire thanks
thank ok okay hey hi quick quickly some any anything stock inventory level levels supplies gear
parts ones on hand board room list up much many at new so plus in of for to by from with what
which how tell give show whats what's who when should shall must yet still stuff today been deliver delivers delivering often frequently rates
categories usually typically thats that's were soonest earliest hold carry tied across stocked
about teh left
`
  .split(/\s+/)
  .filter((w) => w !== '');

export const PHRASES: readonly Entry[] = [
  ...v(
    'remove',
    'remove|delete|drop|discard|get rid of|take off|erase|purge|scrap|clear out|bin|ditch|trash|kill',
  ),
  ...v('set', 'set|change|update|make|put|adjust|correct|fix|edit|modify|assign'),
  ...v('increase', 'increase|raise|bump|bump up|up|boost|increment|grow'),
  ...v('decrease', 'decrease|lower|reduce|cut|drop|decrement|shrink|trim|subtract|take'),
  ...v('multiply', 'multiply|scale|double|triple|halve|cut in half'),
  ...v(
    'restock',
    'restock|bring|bring up|buy more|replenish|refill|top up|resupply|reorder|re order|order|buy|purchase|order more|fill up',
  ),
  ...v('receive', 'receive|received|receiving|got in|came in|arrived|delivered|book in|log|check in'),
  ...v(
    'sell',
    'sell|sold|sells|used|use|consumed|took|took out|damaged|broke|broken|lost|write off|wrote off|written off|shipped|issued',
  ),
  ...v('add', 'add|create|insert|new|generate|register|introduce|stock up on|onboard'),
  ...v('undo', 'undo|revert|roll back|rollback|reverse|take back|cancel'),
  ...v('forecast', 'forecast|forecasts|predict|prediction|projection|project|projected|estimate|forecasting'),
  ...v('show', 'show|list|display|tell|give|find|see|view|look up|lookup|check'),
  ...v(
    'analyze',
    'analyze|analyse|analysis|review|audit|report|overview|summary|summarize|status|evaluate|assess|performance|perform|performing|scorecard|doing',
  ),
  ...v('rank', 'rank|ranking|rankings|sort|order by|rate'),
  ...v('compare', 'compare|vs|versus|against|comparison'),
  ...v('keep', 'keep|leave|spare|skip|ignore'),
  ...q('what', "what|whats|what's|what is|what are|what do|what does|wat|wats"),
  ...q('which', 'which|which ones'),
  ...q('how_many', 'how many|hw many|number of|count|count of'),
  ...q('how_much', 'how much'),
  ...q('when', 'when|by when|what date'),
  ...q('who', "who|who's|whos"),
  ...q('should', 'should|do we need to|do i need to|need to|ought to'),
  ...q('how_long', 'how long'),
  ...q('how', "how|how's|hows"),
  ...q('is', 'is|are|do we have|have we got|any|anything'),
  ...prep('to', 'to|into|as|=|:|equal to|equals'),
  ...prep('by', 'by'),
  ...prep('of', "of|for|on|'s"),
  ...prep('from', 'from|supplied by|sold by|made by|sourced from|via'),
  ...prep('in', 'in|within|under|inside'),
  ...prep('with', 'with|having'),
  ...prep('named', 'named|called|titled|name'),
  ...prep('since', 'since|after'),
  ...prep('until', 'until|till|through|thru|to the end of|up to|ending'),
  ...prep('before', 'before|by the end of'),
  ...cue('supplier', 'supplier|suppliers|vendor|vendors'),
  ...cue('po', 'purchase order|purchase orders|po|pos|orders|deliveries'),
  ...cue('open', 'open|outstanding|pending|not delivered|undelivered|awaiting'),
  ...cue('overdue', 'overdue|past due|late orders'),
  ...cue(
    'late',
    'late|late most|most late|latest|delays|delayed|tardy|most often late|late most often|often late',
  ),
  ...cue('value', 'value|worth|valuation|cost us|tied up|money'),
  ...cue('cover', 'days of cover|cover|coverage|days of stock|days left|last|runway'),
  ...cue(
    'run_out',
    'runs out first|run out first|running out first|run out|runs out|running out|run dry|stock out|stockout|sell out|out first',
  ),
  ...cue('overstock', 'overstock|overstocked|too much|too many|excess|surplus|overstocking'),
  ...cue('units', 'units|unit|pieces|pcs|pc|boxes|box|packs|cases|more|extra|of them'),
  ...cue('total', 'total|totals|altogether|in total|overall|sum'),
  ...cue('best', 'best|best first|top|highest|fastest|shortest|quickest|most|good|strongest'),
  ...cue('worst', 'worst|worst first|lowest|slowest|longest|poorest|weakest|bad|least'),
  ...cue('demand', 'demand|sales|sell through|usage|need over'),
  ...cue(
    'just_added',
    'you just added|just added|you added|recently added|just created|you just created|you created|newly added|added just now|last added|you just made|you made',
  ),
  ...cue(
    'last_change',
    'last change|last thing|the last thing you did|last thing you did|last agent change|last edit|previous change|that|last one|last action|what you did|the agent change|agent change|last request',
  ),
  ...cue('percent_word', 'percent|per cent|pct|%'),
  ...cue('half', 'halve|half|halved'),
  ...cue('double', 'double|twice|doubled'),
  ...cue('triple', 'triple|tripled'),
  ...cue('help', 'help|what can you do|capabilities|commands'),
  ...cue('days', 'days|day'),
  ...cond(
    'low_stock',
    'low stock|low|below their reorder point|below its reorder point|low on stock|running low|run low|below reorder point|below the reorder point|at or below reorder point|under reorder point|under the reorder point|short|understocked|below reorder|need restocking|needs restocking|needing restocking|need reordering|needs reordering',
  ),
  ...cond(
    'out_of_stock',
    'out of stock|oos|sold out|zero stock|no stock|empty|at zero|none left|stocked out',
  ),
  ...cond(
    'below_min',
    'below min|below minimum|below their minimum|below their min|under their minimum|below its minimum|under min|under minimum|below min stock|below minimum stock|below the minimum|below the min|under the minimum|below safety stock|less than min',
  ),
  ...cond(
    'over_max',
    'over max|over maximum|above max|above maximum|over max stock|above max stock|over the max|above the max|over the maximum|above the maximum|more than max',
  ),
  ...metric(
    'on_time_rate',
    'on time|on-time|on time rate|on time delivery|punctuality|punctual|reliability|reliable|on time %',
  ),
  ...metric(
    'mean_lead_time_days',
    'lead time|lead times|average lead time|mean lead time|delivery time|speed|fast|quickest',
  ),
  ...metric('p90_lead_time_days', 'p90|p90 lead time|worst case lead time|90th percentile'),
  ...metric('fill_rate', 'fill rate|fill|complete orders|short shipments'),
  ...metric('defect_rate', 'defect rate|defects|defective|quality|faulty|damaged goods'),
  ...metric('orders', 'number of orders|order count|most orders|order volume|volume'),
  ...metric('score', 'score|overall score|scores'),
  ...field(
    'current_stock',
    'current_stock|current stock|stock level|stock on hand|on hand|quantity|qty|qty on hand|stock count|units in stock|stock',
  ),
  ...field(
    'reorder_point',
    'reorder_point|reorder point|reorder pt|reorder points|reorder levels|re order point|reorder level|reorder threshold|rop|reorder at',
  ),
  ...field(
    'max_stock',
    'max_stock|max stock|max stocks|maximum stock|max|maximum|max level|maximum level|cap',
  ),
  ...field(
    'min_stock',
    'min_stock|min stock|min stocks|minimum stock|min|minimum|safety stock|min level|minimum level',
  ),
  ...field('unit_cost', 'unit_cost|unit cost|unit costs|cost|price|unit price|cost per unit|prices|costs'),
  ...field('lead_time_days', 'lead_time_days|lead time days|lead time'),
  ...field('supplier', 'supplier'),
  ...field('category', 'category|categories'),
  ...field('sku', 'sku'),
  ...tag(
    { t: 'neg', n: 'except' },
    'except|except for|excluding|exclude|other than|apart from|besides|but not|not including|save for|without|minus|bar',
  ),
  ...tag({ t: 'neg', n: 'not' }, 'not|but|no|never'),
  ...tag(
    { t: 'neg', n: 'dont' },
    "don't|dont|do not|doesn't|does not|never touch|don't touch|dont touch|do not touch|leave out|leave alone",
  ),
  ...tag(
    { t: 'all' },
    'all|every|everything|each|all of|all the|everything that|whole inventory|entire inventory|all items',
  ),
  ...tag({ t: 'conj' }, 'and|then|also|plus|,|;|and then|after that|as well as|too|&|or|nor|and/or'),
  ...tag({ t: 'bulk', op: 'add_multiple' }, 'add_multiple'),
  ...tag({ t: 'bulk', op: 'remove_multiple' }, 'remove_multiple'),
  ...tag({ t: 'bulk', op: 'update_multiple' }, 'update_multiple'),
];
