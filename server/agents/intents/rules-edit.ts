import { contextText } from './context.js';
import type { Normalized } from './normalize.js';
import { cleanRef, createData, findNamed, refAfter, setFieldSlots } from './refs.js';
import { draft, type Rule } from './rule.js';
import { findCount, findItemType, findPurpose, findQuantity } from './slots.js';
import { ACTIONS, LOW_STOCK } from './vocabulary.js';

/** The rules for requests that edit items: restock, set a field, remove one, add or create. */

const QUANTITY_STOP = /\s+(?:by|with|adding|to|up to)\s+\d|\s+\d+\s+(?:more\s+)?(?:units?|pieces|pcs)\b/;

export const restock: Rule = (n, lead) => {
  const units = /\b(\d+)\s+(?:more\s+|extra\s+)?(?:units?|pieces|pcs)\s+(?:to|of|for|into)\s+(.+)$/.exec(
    n.text,
  );
  if (lead === 'restock') {
    const ref = units ? refAfter(n, /\s(?:to|of|for|into)\s+/) : refAfter(n, ACTIONS.restock, QUANTITY_STOP);
    if (LOW_STOCK.test(n.text) || !ref) return draft('restock_low_stock', {});
    const target = /\b(?:to|up to)\s+(\d+)\b(?!\s*(?:days?|weeks?|months?))/.exec(n.text);
    // "Top up FAS-1042 to 100" names a level, not an amount: that is a field edit.
    if (target) return draft('set_field', { ref, field: 'current_stock', value: Number(target[1]) });
    return draft('restock_item', { ref, quantity: findQuantity(n) });
  }
  if (lead === 'add' && units) {
    return draft('restock_item', {
      ref: refAfter(n, /\b\d+\s+\S+\s+(?:to|of|for|into)\s+/),
      quantity: Number(units[1]),
    });
  }
  const by = /\bby (\d+)\b/.exec(n.text);
  if (lead === 'set' && by && /\b(?:increase|raise|bump|boost)\b/.test(n.text)) {
    const ref = refAfter(n, /\b(?:of|for)\s+/, /\s+by\s+\d/) ?? refAfter(n, ACTIONS.set, /\s+by\s+\d/);
    return draft('restock_item', { ref, quantity: Number(by[1]) });
  }
  return undefined;
};

const ASSIGNS = /\s(?:=|:|should be|must be)\s/;

export const setField: Rule = (n, lead) => {
  if (lead !== 'set' && !(lead === undefined && ASSIGNS.test(n.text))) return undefined;
  const verb = lead === 'set' ? ACTIONS.set.exec(n.text) : null;
  const from = verb ? verb.index + verb[0].length : 0;
  const slots = setFieldSlots(n, from);
  if (!slots.field) {
    const units = /\bto (\d+) units?\b/.exec(n.text); // "Set FAS-1042 to 40 units"
    if (units) {
      const ref = cleanRef(n, n.cased.slice(from, units.index));
      return draft('set_field', { ref, field: 'current_stock', value: Number(units[1]) });
    }
    if (lead !== 'set') return undefined;
    // A field the vocabulary does not know may come in context.field.
    return draft('set_field', { ref: refAfter(n, ACTIONS.set, /\s(?:to|=|:)\s/) }, 0.5);
  }
  return draft('set_field', slots, slots.value !== undefined ? 0.9 : 0.5);
};

export const removeItem: Rule = (n, lead) =>
  lead === 'remove' ? draft('remove_item', { ref: findNamed(n) ?? refAfter(n, ACTIONS.remove) }) : undefined;

const ITEM_NOUN = /\b(?:items?|products?|skus?|entries|entry|records?|suppliers?|vendors?)\b/;

/** "add Widget X to inventory", "create a new item Widget X": a capitalized or quoted name after the verb. */
function nameAfterAdd(n: Normalized): string | undefined {
  const m = ACTIONS.add.exec(n.text);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const stop =
    /\s+(?:to|into|in) (?:the |my |our )?(?:inventory|board|list|catalog)\b|\s+(?:with|having)\b|$/.exec(
      n.text.slice(start),
    );
  const piece = n.cased
    .slice(start, start + (stop?.index ?? 0))
    .replace(/^\s*(?:(?:a|an|the|new|inventory|supplier|item|product)\s+)*/i, '')
    .trim();
  if (!/^(?:[A-Z]|__[qr]\d+__)/.test(piece) || /\b(?:items|products|entries)$/i.test(piece)) return undefined;
  return cleanRef(n, piece);
}

export const add: Rule = (n, lead, context) => {
  if (lead !== 'add') return undefined;
  const itemType = findItemType(n);
  const count = findCount(n);
  const name = findNamed(n) ?? (count === undefined ? nameAfterAdd(n) : undefined);
  if (name || (contextText(context, 'item_name') && count === undefined)) {
    return draft('create_item', { name, item_type: itemType, data: createData(n) });
  }
  if (count === undefined && !ITEM_NOUN.test(n.text)) return undefined;
  return draft('add_items', { count, item_type: itemType, purpose: findPurpose(n) });
};
